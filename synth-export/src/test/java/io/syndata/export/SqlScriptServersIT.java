package io.syndata.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.syndata.data.Target;
import io.syndata.schema.Column;
import io.syndata.schema.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL scripts run on real servers, foreign keys on: PostgreSQL's and MariaDB's dialects create
 * every table of the export fixture (every column type, nulls, unicode, quotes and delimiters
 * inside values, a composite key, a cycle), load every row, and read back value by value.
 */
class SqlScriptServersIT {
  @TempDir Path dir;

  private static String server(String variable) {
    String url = System.getenv(variable);
    if (url == null || url.isBlank()) {
      String why = variable + " is not set, so there is no server (see .ci/servers)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(why + "; CI=true requires it");
      }
      assumeTrue(false, "skipped: " + why);
    }
    return url;
  }

  /** Runs the export's scripts on a fresh database of the server, then hands it to the checks. */
  private void onFreshDatabase(String adminUrl, String dialect, Check check) throws Exception {
    String name = "synth_sqlexport_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection admin = DriverManager.getConnection(adminUrl);
        Statement st = admin.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    }
    String url = adminUrl.replaceFirst("^(jdbc:[a-z]+://[^/?]+)/?([^?]*)", "$1/" + name);
    try {
      Path out = dir.resolve(dialect);
      try (Target target =
          Exporters.open(
              List.of("sql"), out, ExportOptions.DEFAULTS.with("sql.dialect", dialect))) {
        ExportFixture.write(target);
      }
      try (Connection c = DriverManager.getConnection(url);
          Statement st = c.createStatement()) {
        for (String file : List.of("schema.sql", "data.sql")) {
          for (String sql : SqlFormatTest.statements(Files.readString(out.resolve(file)))) {
            st.execute(sql);
          }
        }
        check.run(c);
      }
    } finally {
      try (Connection admin = DriverManager.getConnection(adminUrl);
          Statement st = admin.createStatement()) {
        st.execute(
            adminUrl.startsWith("jdbc:postgresql:")
                ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
                : "DROP DATABASE IF EXISTS " + name);
      }
    }
  }

  @FunctionalInterface
  private interface Check {
    void run(Connection c) throws Exception;
  }

  @Test
  void thePostgresqlScriptRunsOnPostgresqlWithForeignKeysAndReadsBackEveryValue() throws Exception {
    onFreshDatabase(
        server("SYNTH_PG_URL"),
        "postgresql",
        c -> {
          ExportFixture.assertSameData(t -> select(c, t, '"', false));
          assertThat(
                  count(
                      c,
                      "SELECT COUNT(*) FROM information_schema.table_constraints"
                          + " WHERE constraint_type = 'FOREIGN KEY' AND table_schema = 'public'"))
              .isEqualTo(6);
          try (Statement st = c.createStatement()) {
            assertThatThrownBy(
                    () -> st.execute("INSERT INTO \"order_note\" VALUES (900, 4, 9, 'orphan')"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("foreign key");
          }
        });
  }

  @Test
  void theMariadbScriptRunsOnMariadbWithForeignKeysAndReadsBackEveryValue() throws Exception {
    onFreshDatabase(
        server("SYNTH_MARIADB_URL"),
        "mariadb",
        c -> {
          ExportFixture.assertSameData(t -> select(c, t, '`', true));
          assertThat(
                  count(
                      c,
                      "SELECT COUNT(*) FROM information_schema.table_constraints"
                          + " WHERE constraint_type = 'FOREIGN KEY' AND table_schema = DATABASE()"))
              .isEqualTo(6);
          try (Statement st = c.createStatement()) {
            assertThatThrownBy(
                    () -> st.execute("INSERT INTO `order_note` VALUES (900, 4, 9, 'orphan')"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("foreign key constraint fails");
          }
        });
  }

  @Test
  void copyBlocksRunInPsqlAndReadBackEveryValue() throws Exception {
    String admin = server("SYNTH_PG_URL");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "jdbc:postgresql://([^:/]+):(\\d+)/[^?]*\\?user=([^&]+)&password=([^&]+)")
            .matcher(admin);
    assertThat(m.matches()).as("SYNTH_PG_URL of the form .ci/servers exports").isTrue();
    String name = "synth_sqlcopy_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection a = DriverManager.getConnection(admin);
        Statement st = a.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    }
    try {
      Path out = dir.resolve("copy");
      try (Target target =
          Exporters.open(
              List.of("sql"),
              out,
              ExportOptions.DEFAULTS.with("sql.copy", "true").with("sql.rows-per-file", "4"))) {
        ExportFixture.write(target);
      }
      List<String> command =
          new ArrayList<>(
              List.of(
                  "psql",
                  "-X",
                  "-q",
                  "-v",
                  "ON_ERROR_STOP=1",
                  "-h",
                  m.group(1),
                  "-p",
                  m.group(2),
                  "-U",
                  m.group(3),
                  "-d",
                  name,
                  "-f",
                  out.resolve("schema.sql").toString()));
      try (var files = Files.list(out)) {
        files
            .map(Path::toString)
            .filter(f -> f.contains("data-"))
            .sorted()
            .forEach(f -> command.addAll(List.of("-f", f)));
      }
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      pb.environment().put("PGPASSWORD", m.group(4));
      Process psql = pb.start();
      String said = new String(psql.getInputStream().readAllBytes());
      assertThat(psql.waitFor()).as("psql said: %s", said).isZero();
      assertThat(Files.readString(out.resolve("data-00001.sql"))).startsWith("COPY ");
      String url = admin.replaceFirst("^(jdbc:[a-z]+://[^/?]+)/?([^?]*)", "$1/" + name);
      try (Connection c = DriverManager.getConnection(url)) {
        ExportFixture.assertSameData(t -> select(c, t, '"', false));
      }
    } finally {
      try (Connection a = DriverManager.getConnection(admin);
          Statement st = a.createStatement()) {
        st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<Object[]> select(Connection c, Table t, char quote, boolean mariadb) {
    String order =
        t.primaryKey().stream().map(k -> quote + k + quote).collect(Collectors.joining(", "));
    List<Object[]> rows = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT * FROM " + quote + t.name() + quote + " ORDER BY " + order)) {
      while (rs.next()) {
        Object[] row = new Object[t.columns().size()];
        for (int i = 0; i < row.length; i++) {
          row[i] = read(rs, t.columns().get(i), mariadb);
        }
        rows.add(row);
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    return rows;
  }

  /** A column's value as the fixture's Java type; MariaDB keeps UUIDs as text, instants in UTC. */
  private static Object read(ResultSet rs, Column col, boolean mariadb) throws SQLException {
    String name = col.name();
    if (mariadb) {
      switch (col.type()) {
        case UUID -> {
          String s = rs.getString(name);
          return s == null ? null : UUID.fromString(s.toLowerCase(Locale.ROOT));
        }
        case TIMESTAMP_TZ -> {
          LocalDateTime t = rs.getObject(name, LocalDateTime.class);
          return t == null ? null : OffsetDateTime.of(t, ZoneOffset.UTC);
        }
        default -> {}
      }
    }
    return rs.getObject(name, col.type().javaType());
  }
}
