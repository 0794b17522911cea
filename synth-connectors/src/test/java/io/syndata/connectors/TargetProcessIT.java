package io.syndata.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.data.Target;
import io.syndata.schema.SynthException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two runs into one server database from two real processes, and a run killed ({@code kill -9})
 * while it writes: the second run fails at once naming the first, and a dead run's target is left
 * as found (PostgreSQL: its DDL rolls back with its rows) or cleaned by the next run (MariaDB:
 * CREATE TABLE commits on its own, so the next run drops the empty tables the dead one recorded).
 */
class TargetProcessIT {

  private static String server(String name) {
    return name.equals("postgres") ? TestServers.postgres() : TestServers.mariadb();
  }

  /** Starts a {@link TargetHolder} on {@code url} and waits until it is writing. */
  private static Process holder(String url) throws IOException {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(System.getProperty("java.home") + "/bin/java");
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                TargetHolder.class.getName(),
                url)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    assertThat(lines.readLine()).isEqualTo("writing");
    return p;
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "mariadb"})
  void aRunInAnotherProcessHoldsTheTargetUntilItCommits(String serverName) throws Exception {
    try (TestServers.FreshDatabase db = TestServers.FreshDatabase.on(server(serverName))) {
      Process other = holder(db.url());
      try (Target second = Connectors.jdbcTarget(db.url())) {
        assertThatThrownBy(() -> second.begin(TargetHolder.SCHEMA))
            .isInstanceOf(SynthException.class)
            .hasMessageContaining(" is in use by another run (")
            .hasMessageContaining(
                serverName.equals("postgres") ? "PostgreSQL backend pid " : " holds lock 'syndata:")
            .hasMessageNotContaining("\n");
      } finally {
        other.getOutputStream().close();
        assertThat(other.waitFor()).isZero();
      }
      assertThat(count(db.url(), "store")).isEqualTo(TargetHolder.ROWS);
      assertThat(count(db.url(), "staff")).isEqualTo(TargetHolder.ROWS);
      assertThat(tables(db.url())).containsExactlyInAnyOrder("staff", "store");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "mariadb"})
  void aRunKilledWhileWritingLeavesTheTargetAsFoundOrToBeCleanedByTheNext(String serverName)
      throws Exception {
    try (TestServers.FreshDatabase db = TestServers.FreshDatabase.on(server(serverName))) {
      Process other = holder(db.url());
      other.destroyForcibly().waitFor();
      awaitLockReleased(db.url(), serverName);
      if (serverName.equals("postgres")) {
        assertThat(tables(db.url())).as("the dead session's DDL rolled back").isEmpty();
      } else {
        assertThat(tables(db.url()))
            .as("CREATE TABLE committed on its own, the record says by whom")
            .containsExactlyInAnyOrder("staff", "store", RunRecord.TABLE);
        assertThat(count(db.url(), "staff")).as("the rows rolled back").isZero();
      }
      try (Target next = Connectors.jdbcTarget(db.url())) {
        next.begin(TargetHolder.SCHEMA);
        next.abort();
      }
      assertThat(tables(db.url())).as("nothing of either run is left").isEmpty();
    }
  }

  /** Waits until the server has noticed the killed session and released its lock. */
  private static void awaitLockReleased(String url, String serverName) throws Exception {
    String query =
        serverName.equals("postgres")
            ? "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory'"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            : "SELECT IS_USED_LOCK(CONCAT('syndata:', DATABASE())) IS NOT NULL";
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      while (true) {
        try (ResultSet rs = st.executeQuery(query)) {
          rs.next();
          if (rs.getInt(1) == 0) {
            return;
          }
        }
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError("the killed run's lock was still held after 30 s");
        }
        Thread.sleep(50);
      }
    }
  }

  private static long count(String url, String table) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> tables(String url) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        ResultSet rs =
            c.getMetaData()
                .getTables(
                    c.getCatalog(),
                    url.startsWith("jdbc:postgresql:") ? "public" : null,
                    "%",
                    new String[] {"TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }
}
