package io.syndata.connectors;

import io.syndata.schema.Relation;
import io.syndata.schema.SynthException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * How a database target loads a foreign-key cycle whose keys are all NOT NULL. Its rows are first
 * written with a placeholder parent and then set, so the key must not be checked before the load
 * ends: a created table gets the key after the load, in the same transaction (PostgreSQL, H2);
 * MariaDB and MySQL suspend key checks for the load and look for orphans before the commit; SQLite
 * defers key checks to the commit; an existing PostgreSQL key is deferred when it is DEFERRABLE.
 * Any other target is refused at once, naming the cycle.
 */
final class CycleLoad {
  private final Dialect dialect;
  private final String target;

  /** Cycle keys added at commit, by child table and columns. */
  private final Set<List<String>> postponed = new HashSet<>();

  /** Per postponed key: its table, the statement adding it and its constraint name. */
  private final List<String[]> pending = new ArrayList<>();

  private boolean checksSuspended;

  CycleLoad(Dialect dialect, String target) {
    this.dialect = dialect;
    this.target = target;
  }

  /**
   * Prepares the session for the cycles, before any table is created.
   *
   * @param cycles the NOT NULL keys deferred to close a cycle, each with the cycle for messages
   * @param creating the schema tables the target creates
   * @param targetName a schema table's name in the target
   */
  void prepare(
      Connection c,
      Map<Relation, String> cycles,
      Set<String> creating,
      UnaryOperator<String> targetName)
      throws SQLException {
    if (cycles.isEmpty()) {
      return;
    }
    try (Statement st = c.createStatement()) {
      switch (dialect) {
        case MARIADB, MYSQL -> {
          st.execute("SET SESSION foreign_key_checks = 0");
          checksSuspended = true;
        }
        case SQLITE -> st.execute("PRAGMA defer_foreign_keys = ON");
        default -> {
          for (Map.Entry<Relation, String> e : cycles.entrySet()) {
            Relation r = e.getKey();
            boolean created = creating.contains(r.child());
            if (created && dialect.foreignKeyStyle() == Dialect.ForeignKeyStyle.ALTER) {
              postponed.add(key(r.child(), r.fk().columns()));
            } else if (created && dialect == Dialect.DUCKDB) {
              continue; // not declared: DuckDB cannot declare a key of a cycle at all
            } else if (dialect == Dialect.POSTGRES
                && deferrable(c, targetName.apply(r.child()), targetName.apply(r.parent()))) {
              st.execute("SET CONSTRAINTS ALL DEFERRED");
            } else {
              throw new SynthException(
                  target
                      + " cannot load foreign-key cycle "
                      + e.getValue()
                      + ": none of its keys is nullable, and table "
                      + targetName.apply(r.child())
                      + " exists with key "
                      + r.fk().describe(r.child())
                      + " checked at once. Make the constraint DEFERRABLE, drop the table so that"
                      + " SynData creates it, or make one of the columns nullable");
            }
          }
        }
      }
    }
  }

  private static List<String> key(String table, List<String> columns) {
    List<String> key = new ArrayList<>(List.of(table));
    key.addAll(columns);
    return key;
  }

  /** Whether every key of an existing PostgreSQL child table to the parent is DEFERRABLE. */
  private static boolean deferrable(Connection c, String child, String parent) throws SQLException {
    String sql =
        "SELECT bool_and(condeferrable) FROM pg_constraint WHERE contype = 'f'"
            + " AND conrelid = to_regclass(quote_ident(?)) AND confrelid = to_regclass(quote_ident(?))";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, child);
      ps.setString(2, parent);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /**
   * Whether a created table's foreign key closes a NOT NULL cycle and is added at commit instead of
   * now; then {@code addSql} is kept for {@link #finish}.
   */
  boolean postpone(String table, TableDdl.NamedKey k, String addSql) {
    if (!postponed.contains(key(table, k.key().columns()))) {
      return false;
    }
    pending.add(new String[] {table, addSql, k.constraint()});
    return true;
  }

  /**
   * Before the commit: adds the postponed keys, and where checks were suspended, looks for orphans
   * and turns the checks back on. Returns the keys added, as {table, constraint}.
   */
  List<String[]> finish(Connection c, Supplier<Map<String, List<TableDdl.NamedKey>>> writtenKeys)
      throws SQLException {
    List<String[]> added = new ArrayList<>();
    try (Statement st = c.createStatement()) {
      for (String[] p : pending) {
        st.execute(p[1]);
        added.add(new String[] {p[0], p[2]});
      }
      if (checksSuspended) {
        TargetFinish.verifyNoOrphans(c, dialect, writtenKeys.get());
        st.execute("SET SESSION foreign_key_checks = 1");
      }
    }
    return added;
  }
}
