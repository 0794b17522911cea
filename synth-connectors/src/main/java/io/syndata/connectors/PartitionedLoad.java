package io.syndata.connectors;

import io.syndata.data.PartitionedTarget.Committed;
import io.syndata.data.PartitionedTarget.PartitionWriter;
import io.syndata.data.RowBatch;
import io.syndata.schema.SynthException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a database target takes a generation over several connections, each partition in its own
 * transaction, and keeps foreign keys enforced at the end. PostgreSQL: the keys of created tables
 * are added after the load, {@code NOT VALID} and then validated in the final transaction (one scan
 * per key instead of a check per row, and no ordering between writers). MariaDB and MySQL: every
 * session of the run turns {@code foreign_key_checks} off, and a query for orphans runs before the
 * final commit. Stages are written one after another, so a parent committed in an earlier stage is
 * there when an existing table checks its keys.
 */
final class PartitionedLoad {
  private static final Logger LOG = LoggerFactory.getLogger(PartitionedLoad.class);

  private PartitionedLoad() {}

  static boolean supports(Dialect d) {
    return d == Dialect.POSTGRES || d == Dialect.MARIADB || d == Dialect.MYSQL;
  }

  /** Whether created tables get their foreign keys after the load rather than before. */
  static boolean postponesKeys(Dialect d) {
    return d == Dialect.POSTGRES;
  }

  /** Statements every session of a partitioned run runs first. */
  static List<String> sessionSetup(Dialect d) {
    return d == Dialect.MARIADB || d == Dialect.MYSQL
        ? List.of("SET SESSION foreign_key_checks = 0")
        : List.of();
  }

  /**
   * In the final transaction: adds the postponed keys and validates them (PostgreSQL), or looks for
   * orphans and turns key checks back on (MariaDB, MySQL).
   *
   * @param pending postponed keys as {table, ADD statement, constraint}
   * @param writtenKeys every foreign key of the written tables, target names, for the orphan check
   */
  static void finish(
      Connection c,
      Dialect d,
      List<String[]> pending,
      Map<String, List<TableDdl.NamedKey>> writtenKeys)
      throws SQLException {
    try (Statement st = c.createStatement()) {
      for (String[] p : pending) {
        st.execute(p[1] + " NOT VALID");
        st.execute("ALTER TABLE " + d.quote(p[0]) + " VALIDATE CONSTRAINT " + d.quote(p[2]));
      }
      if (!sessionSetup(d).isEmpty()) {
        TargetFinish.verifyNoOrphans(c, d, writtenKeys);
        st.execute("SET SESSION foreign_key_checks = 1");
      }
    }
  }

  /**
   * Undoes an interrupted run: empties the tables it found (children first), drops the tables it
   * created (last created first) and its record, all in one transaction where DDL is transactional.
   */
  static String undo(
      Connection c,
      Dialect d,
      TableDdl ddl,
      Map<String, String> existing,
      RunState.Recorded recorded,
      String target)
      throws SQLException {
    List<String> emptied = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    try (Statement st = c.createStatement()) {
      for (int i = recorded.found().size() - 1; i >= 0; i--) {
        String t = existing.get(recorded.found().get(i).toLowerCase(Locale.ROOT));
        if (t != null) {
          st.execute("DELETE FROM " + d.quote(t));
          emptied.add(t);
        }
      }
      for (int i = recorded.created().size() - 1; i >= 0; i--) {
        String t = existing.get(recorded.created().get(i).toLowerCase(Locale.ROOT));
        if (t != null) {
          st.execute(d == Dialect.POSTGRES ? ddl.dropTable(t) + " CASCADE" : ddl.dropTable(t));
          dropped.add(t);
        }
      }
      for (int i = recorded.types().size() - 1; i >= 0; i--) {
        st.execute(recorded.types().get(i));
      }
      RunState.drop(c, d);
    }
    c.commit();
    String line =
        "undid the interrupted run in "
            + target
            + " ("
            + recorded.run()
            + ", "
            + recorded.partitions().size()
            + " partitions committed): dropped "
            + dropped.size()
            + " tables it created"
            + (dropped.isEmpty() ? "" : " " + dropped)
            + " and emptied "
            + emptied.size()
            + " tables it had found empty"
            + (emptied.isEmpty() ? "" : " " + emptied)
            + (recorded.types().isEmpty()
                ? ""
                : ", and dropped " + recorded.types().size() + " types it created");
    LOG.info("{}", line);
    return line;
  }

  /** Drops a table on a connection of its own, logging a failure. */
  static void dropQuietly(Database db, String table) {
    try (Connection c = db.connection();
        Statement st = c.createStatement()) {
      c.setAutoCommit(true);
      st.execute("DROP TABLE IF EXISTS " + db.dialect().quote(table));
    } catch (SQLException | RuntimeException e) {
      LOG.warn("could not drop {} from {}: {}", table, db.maskedUrl(), e.getMessage());
    }
  }

  /** One writer: a connection, its row writer, one transaction per partition. */
  static final class Writer implements PartitionWriter {
    private final Database db;
    private final Function<String, TargetTable> tables;
    private final Connection connection;
    private final RowWriter rows;

    Writer(Database db, Function<String, TargetTable> tables) {
      this.db = db;
      this.tables = tables;
      db.ensurePoolSize();
      this.connection = db.connection();
      try (Statement st = connection.createStatement()) {
        for (String setup : db.dialect().targetSessionSetup()) {
          st.execute(setup);
        }
        for (String setup : sessionSetup(db.dialect())) {
          st.execute(setup);
        }
        connection.setAutoCommit(false);
      } catch (SQLException e) {
        close();
        throw new SynthException(
            "cannot open a writer on " + db.maskedUrl() + ": " + db.explain(e), e);
      }
      this.rows = new RowWriter(db, connection);
    }

    @Override
    public void write(Committed partition, List<RowBatch> batches) {
      try {
        for (RowBatch batch : batches) {
          rows.write(tables.apply(batch.table()), batch);
        }
        RunState.committed(connection, db.dialect(), partition);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        try {
          connection.rollback();
        } catch (SQLException r) {
          LOG.debug("rolling back a partition failed", r);
        }
        String why = e instanceof SQLException sql ? db.explain(sql) : e.getMessage();
        throw new SynthException(
            "writing partition "
                + (partition.partition() + 1)
                + " of stage "
                + (partition.stage() + 1)
                + " into "
                + db.maskedUrl()
                + " failed: "
                + why,
            e);
      }
    }

    @Override
    public void close() {
      if (rows != null) {
        rows.close();
      }
      try {
        if (!sessionSetup(db.dialect()).isEmpty() && !connection.isClosed()) {
          connection.setAutoCommit(true);
          try (Statement st = connection.createStatement()) {
            st.execute("SET SESSION foreign_key_checks = 1"); // the pool lends it out again
          }
        }
        connection.close();
      } catch (SQLException e) {
        LOG.debug("closing a writer failed", e);
      }
    }
  }
}
