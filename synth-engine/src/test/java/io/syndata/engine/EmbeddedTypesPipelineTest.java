package io.syndata.engine;

import static io.syndata.engine.PostgresTypesPipelineIT.generate;
import static io.syndata.engine.PostgresTypesPipelineIT.scalar;
import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.data.Progress;
import io.syndata.schema.Schema;
import io.syndata.schema.ValueFormat;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite and DuckDB files as sources and as targets, with no options: dynamic and binary types, a
 * NOT NULL two-table cycle, CHECK constraints (read from SQLite's DDL and respected) and keys.
 */
class EmbeddedTypesPipelineTest {
  @TempDir Path dir;

  private static final List<String> SQLITE =
      List.of(
          "PRAGMA foreign_keys = OFF",
          "CREATE TABLE store (id INTEGER PRIMARY KEY, manager_id INTEGER NOT NULL UNIQUE"
              + " REFERENCES staff(id), name TEXT NOT NULL)",
          "CREATE TABLE staff (id INTEGER PRIMARY KEY, store_id INTEGER NOT NULL REFERENCES store(id),"
              + " first_name VARCHAR(30) NOT NULL)",
          "CREATE TABLE item (id INTEGER PRIMARY KEY, store_id INTEGER NOT NULL REFERENCES store(id),"
              + " pic BLOB NOT NULL, thumb BLOB, anything NOT NULL, amount NUMERIC(10,2) NOT NULL"
              + " CHECK (amount >= 0 AND amount <= 1000), status TEXT NOT NULL"
              + " CHECK (status IN ('new', 'done')), starts DATE NOT NULL, ends DATE NOT NULL,"
              + " CONSTRAINT item_period CHECK (ends >= starts))",
          "WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 12)"
              + " INSERT INTO store SELECT n, n * 10 - 9, 'Shop ' || (n % 4) FROM g",
          "WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 120)"
              + " INSERT INTO staff SELECT n, 1 + (n - 1) / 10, 'Name' || (n % 5) FROM g",
          "WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 300)"
              + " INSERT INTO item SELECT n, 1 + n % 12, randomblob(4),"
              + " CASE WHEN n % 2 = 0 THEN NULL ELSE randomblob(2) END, 'v' || (n % 3),"
              + " (n * 37 % 1000) / 1.0, CASE WHEN n % 2 = 0 THEN 'new' ELSE 'done' END,"
              + " date('2023-01-01', '+' || (n % 300) || ' days'),"
              + " date('2023-01-01', '+' || (n % 300 + n % 20) || ' days') FROM g");

  private String sqliteSource() throws SQLException {
    String url = "jdbc:sqlite:" + dir.resolve("source.db");
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      for (String sql : SQLITE) {
        s.execute(sql);
      }
    }
    return url;
  }

  @Test
  void sqliteIntrospectsBinaryAndDynamicTypesAndChecks() throws SQLException {
    Schema schema = SynData.introspect(SourceSpec.of(sqliteSource()), Progress.NONE);
    var item = schema.table("item");
    assertThat(item.column("pic").format()).isEqualTo(ValueFormat.BYTES);
    assertThat(item.column("anything").excluded()).isFalse();
    assertThat(item.checks()).hasSize(3);
  }

  @Test
  void sqliteToSqliteLoadsTheNotNullCycleAndRespectsChecks() throws SQLException {
    String target = "jdbc:sqlite:" + dir.resolve("target.db");

    RunReport report = generate(sqliteSource(), target);

    assertThat(report.writtenRows()).containsKeys("store", "staff", "item");
    assertIntact(target);
  }

  @Test
  void sqliteToDuckDbAndDuckDbToSqlite() throws SQLException {
    String duck = "jdbc:duckdb:" + dir.resolve("middle.duckdb");
    generate(sqliteSource(), duck);
    try (Connection c = DriverManager.getConnection(duck);
        Statement s = c.createStatement()) {
      assertThat(scalar(s, "SELECT COUNT(*) FROM item WHERE octet_length(pic) = 4"))
          .isGreaterThan(250);
      assertThat(scalar(s, "SELECT COUNT(*) FROM item WHERE ends < starts")).isZero();
    }

    String back = "jdbc:sqlite:" + dir.resolve("back.db");
    RunReport report = generate(duck, back);

    assertThat(report.writtenRows()).containsKeys("store", "staff", "item");
    assertIntact(back);
  }

  private static void assertIntact(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      assertThat(scalar(s, "SELECT COUNT(*) FROM item")).isGreaterThan(250);
      assertThat(
              scalar(
                  s, "SELECT COUNT(*) FROM store WHERE manager_id NOT IN (SELECT id FROM staff)"))
          .isZero();
      assertThat(
              scalar(s, "SELECT COUNT(*) FROM staff WHERE store_id NOT IN (SELECT id FROM store)"))
          .isZero();
      assertThat(scalar(s, "SELECT COUNT(*) FROM item WHERE length(pic) = 4")).isGreaterThan(250);
      assertThat(scalar(s, "SELECT COUNT(*) FROM item WHERE amount < 0 OR amount > 1000")).isZero();
      assertThat(scalar(s, "SELECT COUNT(*) FROM item WHERE status NOT IN ('new', 'done')"))
          .isZero();
      assertThat(scalar(s, "SELECT COUNT(*) FROM item WHERE ends < starts")).isZero();
      try (java.sql.ResultSet violations = s.executeQuery("PRAGMA foreign_key_check")) {
        assertThat(violations.next()).as("foreign-key violations").isFalse();
      }
    }
  }
}
