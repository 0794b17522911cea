package io.syndata.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.syndata.data.Progress;
import io.syndata.model.FitOptions;
import io.syndata.model.GenerationOptions;
import io.syndata.model.OrphanPolicy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The music store on PostgreSQL, MariaDB and SQLite, generated with no options: row counts, the
 * kept lookup table, templated keys, domain values and personal values, every constraint (CHECK
 * included) enforced by the target, and what {@link RealismChecks} looks at: addresses that are
 * source combinations, invoices billed to their customer's address, titles that copy none.
 */
class MusicStoreIT {

  @Test
  void postgresToPostgres() throws Exception {
    String server = TestServers.postgres();
    run(server, server, "\"");
  }

  @Test
  void mariadbToMariadb() throws Exception {
    String server = TestServers.mariadb();
    run(server, server, "`");
  }

  @Test
  void sqliteToSqlite(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    String source = "jdbc:sqlite:" + dir.resolve("music.db");
    String target = "jdbc:sqlite:" + dir.resolve("synthetic.db");
    try (Connection c = DriverManager.getConnection(source)) {
      MusicStore.create(c, 11, "\"");
    }
    check(source, target);
  }

  private static void run(String sourceServer, String targetServer, String quote) throws Exception {
    String source = TestServers.createDatabase(sourceServer, "synth_realism_src");
    String target = TestServers.createDatabase(targetServer, "synth_realism_dst");
    try {
      try (Connection c = DriverManager.getConnection(source)) {
        MusicStore.create(c, 11, quote);
      }
      check(source, target);
    } finally {
      TestServers.dropDatabase(sourceServer, source);
      TestServers.dropDatabase(targetServer, target);
    }
  }

  /** Generates the music store from {@code source} into {@code target} and checks the result. */
  private static void check(String source, String target) throws Exception {
    {
      RunReport report =
          SynData.generate(
              new GenerateRequest(
                  SourceSpec.of(source),
                  target,
                  new FitOptions(42, OrphanPolicy.FAIL, FitOptions.DEFAULT_MAX_FIT_ROWS),
                  new GenerationOptions(1.0, Map.of(), 42),
                  false),
              Progress.NONE);
      for (Map.Entry<String, Long> e : report.sourceRows().entrySet()) {
        assertThat((double) count(target, e.getKey()))
            .as(e.getKey())
            .isCloseTo(e.getValue(), within(Math.max(1, e.getValue() * 0.02)));
      }
      assertThat(rows(target, "SELECT media_type_id, name FROM media_types ORDER BY 1"))
          .isEqualTo(rows(source, "SELECT media_type_id, name FROM media_types ORDER BY 1"));
      // Foreign keys hold: the target enforces them, and no invoice line is orphaned.
      assertThat(
              rows(
                  target,
                  "SELECT COUNT(*) FROM tracks t LEFT JOIN media_types m"
                      + " ON t.media_type_id = m.media_type_id WHERE m.media_type_id IS NULL"))
          .containsExactly(List.of(0L));
      for (List<Object> row : rows(target, "SELECT order_key, customer_id FROM web_orders")) {
        assertThat((String) row.get(0)).matches(row.get(1) + "_[1-9][0-9]*");
      }
      assertThat(rows(target, "SELECT invoice_no FROM invoices"))
          .allSatisfy(r -> assertThat((String) r.get(0)).matches("INV-2024-\\d{6}"));
      Set<Object> realEmails = new HashSet<>();
      rows(source, "SELECT email FROM customers").forEach(r -> realEmails.add(r.get(0)));
      assertThat(rows(target, "SELECT email FROM customers"))
          .noneMatch(r -> realEmails.contains(r.get(0)));
      assertThat(rows(target, "SELECT title FROM employees"))
          .allSatisfy(r -> assertThat((String) r.get(0)).isNotIn((Object[]) MusicStore.JOB_TITLES));
      RealismChecks.check(sql -> rows(source, sql), sql -> rows(target, sql));
    }
  }

  private static long count(String url, String table) throws SQLException {
    return ((Number) rows(url, "SELECT COUNT(*) FROM " + table.toLowerCase()).get(0).get(0))
        .longValue();
  }

  private static List<List<Object>> rows(String url, String sql) throws SQLException {
    List<List<Object>> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          Object v = rs.getObject(i);
          row.add(
              v instanceof Number n && !(v instanceof java.math.BigDecimal) ? n.longValue() : v);
        }
        out.add(row);
      }
    }
    return out;
  }
}
