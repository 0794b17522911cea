package io.syndata.engine;

import static io.syndata.engine.PartitionedRuns.generation;
import static io.syndata.engine.PartitionedRuns.interruptedRun;
import static io.syndata.engine.PartitionedRuns.killedRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.connectors.Connectors;
import io.syndata.data.PartitionedTarget;
import io.syndata.schema.SynthException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Partitioned writes into real PostgreSQL and MariaDB servers: any number of writers gives the rows
 * of the one-transaction run; a run interrupted after some partitions — by a failure in this
 * process, or by {@code kill -9} of another JVM — resumes to the same final rows; {@code --abort}
 * leaves the target as found; a resume with other options is refused naming them.
 */
class PartitionedWritesIT {
  @TempDir static Path dir;

  private static Path modelFile;

  /** Per server, the rows of the uninterrupted one-transaction run. */
  private static final Map<String, Map<String, List<String>>> REFERENCE = new HashMap<>();

  @BeforeAll
  static void fit() throws Exception {
    modelFile = PartitionedRuns.model(dir);
  }

  private static String server(String name) {
    return name.equals("postgres") ? TestServers.postgres() : TestServers.mariadb();
  }

  private static Map<String, List<String>> reference(String serverName) throws Exception {
    if (!REFERENCE.containsKey(serverName)) {
      String serverUrl = server(serverName);
      String url = TestServers.createDatabase(serverUrl, "synth_writers_ref");
      try (Model model = SynData.load(modelFile)) {
        generation(model).to(url);
        REFERENCE.put(serverName, PartitionedRuns.rows(url));
      } finally {
        TestServers.dropDatabase(serverUrl, url);
      }
    }
    return REFERENCE.get(serverName);
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "mariadb"})
  void threeWritersWriteTheRowsOfOneTransactionWithKeysEnforced(String serverName)
      throws Exception {
    String serverUrl = server(serverName);
    String url = TestServers.createDatabase(serverUrl, "synth_writers");
    try (Model model = SynData.load(modelFile)) {
      assertThat(
              generation(model).plan().stages().stream()
                  .mapToInt(s -> s.partitions())
                  .max()
                  .orElse(0))
          .as("the customers' stage is cut into several partitions")
          .isGreaterThan(2);
      RunReport run = generation(model).writers(3).to(url);
      assertThat(run.writtenRows().get("CUSTOMERS")).isEqualTo(60_000L);
      assertThat(PartitionedRuns.rows(url)).isEqualTo(reference(serverName));
      assertThat(foreignKeys(url)).as("every foreign key is declared and valid").isEqualTo(3);
    } finally {
      TestServers.dropDatabase(serverUrl, url);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "mariadb"})
  void aRunThatFailedAfterSomePartitionsResumesToTheSameRowsOrIsUndone(String serverName)
      throws Exception {
    String serverUrl = server(serverName);
    String url = TestServers.createDatabase(serverUrl, "synth_writers_resume");
    try (Model model = SynData.load(modelFile)) {
      exec(url, "CREATE TABLE keep_me (id INT PRIMARY KEY)", "INSERT INTO keep_me VALUES (7)");
      Map<String, List<String>> found = PartitionedRuns.rows(url);
      interruptedRun(model, (PartitionedTarget) Connectors.jdbcTarget(url));
      Map<String, List<String>> left = PartitionedRuns.rows(url);
      assertThat(left).containsKey("syndata_run_state");
      assertThat(left.get("customers").size())
          .as("some partitions of customers are committed, not all")
          .isBetween(1, 59_999);

      assertThatThrownBy(() -> generation(model).seed(10).writers(2).resume().to(url))
          .isInstanceOf(SynthException.class)
          .hasMessageContaining("its plan differs in seed (recorded 9, now 10)")
          .hasMessageNotContaining("\n");
      assertThatThrownBy(() -> generation(model).writers(2).to(url))
          .as("a new run refuses a target holding an interrupted one")
          .hasMessageContaining("continue it with --resume or undo it with --abort");

      generation(model).writers(2).resume().to(url);
      Map<String, List<String>> resumed = PartitionedRuns.rows(url);
      resumed.remove("keep_me");
      assertThat(resumed).isEqualTo(reference(serverName));

      // Interrupted again, then undone: the target is as found, with an empty table the run found
      // (products) empty again and the tables it created dropped.
      try (Connection c = DriverManager.getConnection(url);
          Statement st = c.createStatement()) {
        for (String t : List.of("ORDERS", "CUSTOMERS", "STAFF")) {
          st.execute("DROP TABLE " + quote(url, t));
        }
        st.execute("DELETE FROM " + quote(url, "PRODUCTS"));
      }
      found.put("products", List.of());
      interruptedRun(model, (PartitionedTarget) Connectors.jdbcTarget(url));
      assertThat(SynData.abandon(url))
          .contains("dropped 3 tables it created")
          .contains("emptied 1 tables it had found empty [PRODUCTS]");
      assertThat(PartitionedRuns.rows(url)).isEqualTo(found);
      assertThatThrownBy(() -> SynData.abandon(url))
          .hasMessageContaining("records no interrupted run: there is nothing to --abort");
    } finally {
      TestServers.dropDatabase(serverUrl, url);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "mariadb"})
  void aRunKilledWithSigkillResumesToTheSameRows(String serverName) throws Exception {
    String serverUrl = server(serverName);
    String url = TestServers.createDatabase(serverUrl, "synth_writers_kill");
    try {
      killedRun(url, modelFile.toString());
      awaitLockReleased(url, serverName);
      assertThat(PartitionedRuns.rows(url)).containsKey("syndata_run_state");
      try (Model model = SynData.load(modelFile)) {
        generation(model).writers(3).resume().to(url);
      }
      assertThat(PartitionedRuns.rows(url)).isEqualTo(reference(serverName));
    } finally {
      TestServers.dropDatabase(serverUrl, url);
    }
  }

  private static void exec(String url, String... sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
    }
  }

  private static String quote(String url, String name) {
    return url.startsWith("jdbc:postgresql:") ? "\"" + name + "\"" : "`" + name + "`";
  }

  /** Foreign keys declared in the target (validated ones only, on PostgreSQL). */
  private static int foreignKeys(String url) throws Exception {
    String sql =
        url.startsWith("jdbc:postgresql:")
            ? "SELECT COUNT(*) FROM pg_constraint WHERE contype = 'f' AND convalidated"
            : "SELECT COUNT(*) FROM information_schema.REFERENTIAL_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA = DATABASE()";
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Waits until the server has noticed the killed session and released its run lock. */
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
}
