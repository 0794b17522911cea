package io.syndata.connectors;

import io.syndata.data.PartitionedTarget.Committed;
import io.syndata.data.RunFingerprint;
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
import java.util.Map;
import java.util.Optional;

/**
 * The record of a run written partition by partition ({@code --writers}, {@code --resume}), kept in
 * a table of the target ({@value #TABLE}) from its begin to its commit: the plan's fingerprint, who
 * ran it, the tables and types it created and the (empty) tables it found, and one line per
 * committed partition, inserted in that partition's own transaction. An interrupted run leaves it
 * behind for {@code --resume} (which compares fingerprints and skips the committed partitions) or
 * {@code --abort} (which drops the created tables and empties the found ones).
 */
final class RunState {
  static final String TABLE = "syndata_run_state";

  private static final String PLAN = "plan";
  private static final String RUN = "run";
  private static final String CREATED = "created";
  private static final String FOUND = "found";
  private static final String TYPE = "type";
  private static final String PARTITION = "partition";

  /**
   * What an interrupted run recorded.
   *
   * @param created tables it created, in creation order (target names)
   * @param found tables it found empty and wrote into, in generation order (target names)
   * @param types what drops each type (PostgreSQL enum or domain) it created, in creation order
   */
  record Recorded(
      RunFingerprint fingerprint,
      String run,
      List<String> created,
      List<String> found,
      List<String> types,
      List<Committed> partitions) {}

  private RunState() {}

  /** The run recorded in the target, if any; {@code existing} maps lower-case names to tables. */
  static Optional<Recorded> read(Connection c, Dialect d, Map<String, String> existing)
      throws SQLException {
    String table = existing.get(TABLE);
    if (table == null) {
      return Optional.empty();
    }
    RunFingerprint fingerprint = new RunFingerprint(Map.of());
    String run = "";
    List<String> created = new ArrayList<>();
    List<String> found = new ArrayList<>();
    List<String> types = new ArrayList<>();
    List<Committed> partitions = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT item, stage, part, detail FROM "
                    + d.quote(table)
                    + " ORDER BY item, stage, part")) {
      while (rs.next()) {
        String detail = rs.getString(4);
        switch (rs.getString(1)) {
          case PLAN -> fingerprint = RunFingerprint.decode(detail);
          case RUN -> run = detail;
          case CREATED -> created.add(detail);
          case FOUND -> found.add(detail);
          case TYPE -> types.add(detail);
          case PARTITION -> partitions.add(new Committed(rs.getInt(2), rs.getInt(3), rows(detail)));
          default -> {}
        }
      }
    }
    return Optional.of(new Recorded(fingerprint, run, created, found, types, partitions));
  }

  /** Creates the record of a new run (in the caller's transaction where DDL is transactional). */
  static void create(
      Connection c,
      Dialect d,
      RunFingerprint plan,
      List<String> created,
      List<String> found,
      List<String> types)
      throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE "
              + d.quote(TABLE)
              + " (item VARCHAR(20) NOT NULL, stage INT NOT NULL, part INT NOT NULL, detail TEXT)");
    }
    String run =
        "pid "
            + ProcessHandle.current().pid()
            + " on "
            + hostName()
            + " since "
            + Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO " + d.quote(TABLE) + " VALUES (?, ?, ?, ?)")) {
      add(ps, PLAN, 0, 0, plan.encode());
      add(ps, RUN, 0, 0, run);
      for (int i = 0; i < created.size(); i++) {
        add(ps, CREATED, i, 0, created.get(i));
      }
      for (int i = 0; i < found.size(); i++) {
        add(ps, FOUND, i, 0, found.get(i));
      }
      for (int i = 0; i < types.size(); i++) {
        add(ps, TYPE, i, 0, types.get(i));
      }
      ps.executeBatch();
    }
  }

  /** Records a partition, in the transaction that writes its rows. */
  static void committed(Connection c, Dialect d, Committed p) throws SQLException {
    StringBuilder rows = new StringBuilder();
    p.rows().forEach((t, n) -> rows.append(t).append('\t').append(n).append('\t'));
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO " + d.quote(TABLE) + " VALUES (?, ?, ?, ?)")) {
      add(ps, PARTITION, p.stage(), p.partition(), rows.toString());
      ps.executeBatch();
    }
  }

  static void drop(Connection c, Dialect d) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("DROP TABLE " + d.quote(TABLE));
    }
  }

  private static void add(PreparedStatement ps, String item, int stage, int part, String detail)
      throws SQLException {
    ps.setString(1, item);
    ps.setInt(2, stage);
    ps.setInt(3, part);
    ps.setString(4, detail);
    ps.addBatch();
  }

  private static Map<String, Long> rows(String detail) {
    Map<String, Long> rows = new LinkedHashMap<>();
    String[] parts = detail.split("\t");
    for (int i = 0; i + 1 < parts.length; i += 2) {
      rows.put(parts[i], Long.parseLong(parts[i + 1]));
    }
    return rows;
  }

  private static String hostName() {
    String name = ManagementFactory.getRuntimeMXBean().getName();
    int at = name.indexOf('@');
    return at < 0 ? "this host" : name.substring(at + 1);
  }
}
