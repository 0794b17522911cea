package io.syndata.connectors;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run created in a target whose CREATE TABLE commits on its own (MariaDB, MySQL, H2), kept
 * in a small table of the target ({@value #TABLE}) for the length of the run. A run killed before
 * it committed or aborted leaves the record behind; the next run, holding the target's lock and so
 * sure that the other one is dead, drops the tables the record lists that are still empty and says
 * so. Targets whose DDL rolls back with the rows (PostgreSQL, SQLite, DuckDB) need no record: a
 * dead session's transaction takes its tables with it.
 */
final class RunRecord {
  static final String TABLE = "syndata_run_record";
  private static final Logger LOG = LoggerFactory.getLogger(RunRecord.class);

  private final Connection connection;
  private final Dialect dialect;

  private RunRecord(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  /**
   * Removes what a dead run left in the target, if a record says it created tables there: the
   * listed tables still empty are dropped (with the foreign keys between them), a listed table
   * holding rows is left as it is (the dead run committed them), and the record goes.
   *
   * @param existing the target's tables by lower-case name, the record's own among them
   * @return the names of the tables dropped
   */
  static List<String> removeLeftovers(
      Connection c, Dialect dialect, TableDdl ddl, Map<String, String> existing)
      throws SQLException {
    String record = existing.get(TABLE);
    if (record == null) {
      return List.of();
    }
    Map<String, String> left = new LinkedHashMap<>();
    String run = "";
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT table_name, run FROM " + dialect.quote(record))) {
      while (rs.next()) {
        String actual = existing.get(rs.getString(1).toLowerCase(Locale.ROOT));
        run = rs.getString(2);
        if (actual != null && rowCount(c, dialect, actual) == 0) {
          left.put(actual, actual);
        }
      }
    }
    List<String> dropped = new ArrayList<>(left.keySet());
    try (Statement st = c.createStatement()) {
      for (String table : dropped) {
        for (String fk : foreignKeys(c, table)) {
          st.execute(ddl.dropForeignKey(table, fk));
        }
      }
      for (String table : dropped) {
        st.execute(ddl.dropTable(table));
      }
      st.execute(ddl.dropTable(record));
    }
    commitUnlessAuto(c);
    if (!dropped.isEmpty()) {
      LOG.warn(
          "removed {} empty table{} {} left by an earlier run into this target that did not finish ({})",
          dropped.size(),
          dropped.size() == 1 ? "" : "s",
          dropped,
          run);
    }
    dropped.forEach(t -> existing.remove(t.toLowerCase(Locale.ROOT)));
    existing.remove(TABLE);
    return dropped;
  }

  /** Records, committed before they exist, the tables this run is about to create. */
  static RunRecord write(Connection c, Dialect dialect, List<String> tables) throws SQLException {
    String run =
        "pid "
            + ProcessHandle.current().pid()
            + " on "
            + hostName()
            + " since "
            + Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try (Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE "
              + dialect.quote(TABLE)
              + " (table_name VARCHAR(200) NOT NULL, run VARCHAR(200) NOT NULL)");
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO " + dialect.quote(TABLE) + " VALUES (?, ?)")) {
      for (String t : tables) {
        ps.setString(1, t);
        ps.setString(2, run);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    commitUnlessAuto(c);
    return new RunRecord(c, dialect);
  }

  /** The run ended (committed, or aborted and cleaned up): the record goes. */
  void remove() {
    try (Statement st = connection.createStatement()) {
      st.execute("DROP TABLE " + dialect.quote(TABLE));
      commitUnlessAuto(connection);
    } catch (SQLException e) {
      LOG.warn("could not drop {} from the target: {}", TABLE, e.getMessage());
    }
  }

  private static long rowCount(Connection c, Dialect dialect, String table) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + dialect.quote(table))) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> foreignKeys(Connection c, String table) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getImportedKeys(c.getCatalog(), null, table)) {
      while (rs.next()) {
        String name = rs.getString("FK_NAME");
        if (name != null && !names.contains(name)) {
          names.add(name);
        }
      }
    }
    return names;
  }

  private static void commitUnlessAuto(Connection c) throws SQLException {
    if (!c.getAutoCommit()) {
      c.commit();
    }
  }

  private static String hostName() {
    String name = ManagementFactory.getRuntimeMXBean().getName();
    int at = name.indexOf('@');
    return at < 0 ? "this host" : name.substring(at + 1);
  }
}
