package io.syndata.connectors;

import io.syndata.data.PartitionedTarget;
import io.syndata.data.RowBatch;
import io.syndata.data.RunFingerprint;
import io.syndata.data.TargetLock;
import io.syndata.schema.Column;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database as a target: one connection, one transaction, foreign keys enforced. Existing tables
 * must be empty; missing ones are created (jOOQ DDL in the target's dialect) and dropped again by
 * {@link #abort} where the database cannot roll DDL back. PostgreSQL takes rows through COPY, other
 * databases through multi-row INSERT. The target is locked from {@link #begin} to the end of commit
 * or abort ({@link JdbcTargetLock}), so that a second run fails at once.
 */
final class JdbcTarget implements PartitionedTarget {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcTarget.class);

  private final Database db;
  private final Dialect dialect;
  private final TableDdl ddl;
  private Connection connection;
  private final Map<String, TargetTable> tables = new LinkedHashMap<>();

  /**
   * Tables this target created, in creation order, with the foreign keys it added to them by ALTER.
   */
  private final List<TargetTable> created = new ArrayList<>();

  private final Map<String, List<String>> alteredKeys = new HashMap<>();
  private RowWriter rows;
  private boolean finished;
  private TargetLock lock = TargetLock.none();

  /** Where DDL commits on its own: the tables this run creates, for a rerun after a kill. */
  private RunRecord record;

  private CycleLoad cycles;

  /** Whether {@link #beginPartitioned} succeeded: from then on, abort keeps what is committed. */
  private boolean partitionedBegun;

  /** Whether this run wrote a {@link RunState}, to be removed if its preparation fails. */
  private boolean stateCreated;

  /** Foreign keys added after a partitioned load: {table, ADD statement, constraint}. */
  private final List<String[]> pendingKeys = new ArrayList<>();

  private Schema schema;

  JdbcTarget(Database db) {
    this.db = db;
    this.dialect = db.dialect();
    this.ddl = new TableDdl(dialect);
  }

  @Override
  public void begin(Schema schema) {
    prepare(schema, null, false);
  }

  @Override
  public List<Committed> beginPartitioned(
      Schema schema, RunFingerprint fingerprint, boolean resume) {
    if (!PartitionedLoad.supports(dialect)) {
      throw new SynthException(
          describe()
              + " is written in one transaction: --writers above 1 and --resume need PostgreSQL,"
              + " MariaDB or MySQL");
    }
    List<Committed> done = prepare(schema, fingerprint, resume);
    partitionedBegun = true;
    return done;
  }

  /**
   * Locks the target, checks its tables and creates the missing ones; for a partitioned run ({@code
   * fingerprint} not null) also records the run, or with {@code resume} takes up the run recorded,
   * and commits that preparation so that other connections see the tables.
   */
  private List<Committed> prepare(Schema schema, RunFingerprint fingerprint, boolean resume) {
    if (connection != null) {
      throw new IllegalStateException("begin() was called twice on " + describe());
    }
    connection = db.connection();
    rows = new RowWriter(db, connection);
    boolean partitioned = fingerprint != null;
    String step = "locking";
    try {
      // Before anything is looked at: a second run into this target stops here, and its abort
      // then has nothing of its own to undo.
      lock = JdbcTargetLock.acquire(db, connection);
      step = "preparing";
      try (Statement st = connection.createStatement()) {
        for (String setup : dialect.targetSessionSetup()) {
          st.execute(setup);
        }
        if (partitioned) {
          for (String setup : PartitionedLoad.sessionSetup(dialect)) {
            st.execute(setup);
          }
        }
      }
      connection.setAutoCommit(false);
      this.schema = schema;
      Map<String, String> existing = TargetCatalog.existingTables(db, connection);
      step = "reading the record of an interrupted run";
      java.util.Optional<RunState.Recorded> recorded = RunState.read(connection, dialect, existing);
      if (recorded.isPresent()) {
        if (!resume) {
          throw new SynthException(
              describe()
                  + " holds a run that was interrupted ("
                  + recorded.get().run()
                  + ", "
                  + recorded.get().partitions().size()
                  + " partitions committed): continue it with --resume or undo it with --abort");
        }
        fingerprint.requireSameAs(recorded.get().fingerprint(), describe());
        step = "taking up the interrupted run";
        resumeTables(schema, existing, recorded.get());
        // Ends the transaction whose snapshot (MariaDB's REPEATABLE READ) predates the rows the
        // writers are about to commit, so that the final orphan check sees them.
        connection.commit();
        return recorded.get().partitions();
      }
      if (!dialect.transactionalDdl()) {
        step = "removing what an earlier run left";
        RunRecord.removeLeftovers(connection, dialect, ddl, existing);
      }
      List<Table> toCreate = new ArrayList<>();
      List<String> found = new ArrayList<>();
      for (Table t : ForeignKeyGraph.of(schema).generationOrder()) {
        String actual = existing.get(t.name().toLowerCase(Locale.ROOT));
        if (actual == null) {
          toCreate.add(t);
        } else {
          step = "checking table " + actual;
          tables.put(t.name(), TargetCatalog.checkExisting(dialect, connection, t, actual));
          found.add(actual);
        }
      }
      toCreate = schema.tables().stream().filter(toCreate::contains).toList();
      for (Table t : toCreate) {
        tables.put(t.name(), newTable(t));
      }
      if (partitioned) {
        step = "recording the run";
        stateCreated = true;
        RunState.create(
            connection,
            dialect,
            fingerprint,
            toCreate.stream().map(t -> tables.get(t.name()).name()).toList(),
            found,
            ExactDdl.newTypes(connection, dialect, toCreate));
        connection.commit(); // where DDL commits itself, the record is there before the tables
      } else if (!dialect.transactionalDdl() && !toCreate.isEmpty()) {
        record = RunRecord.write(connection, dialect, toCreate.stream().map(Table::name).toList());
      }
      step = "preparing for a foreign-key cycle";
      Set<String> creating = new HashSet<>();
      toCreate.forEach(t -> creating.add(t.name()));
      cycles = new CycleLoad(dialect, describe());
      if (!partitioned) {
        cycles.prepare(
            connection,
            ForeignKeyGraph.of(schema).notNullDeferred(),
            creating,
            table -> tables.get(table).name());
      }
      step = "creating tables";
      createTables(schema, toCreate, partitioned);
      if (partitioned) {
        connection.commit();
      }
      return List.of();
    } catch (SQLException e) {
      abort();
      throw new SynthException(
          "cannot prepare " + describe() + " (" + step + "): " + db.explain(e), e);
    } catch (RuntimeException e) {
      abort();
      throw e;
    }
  }

  private TargetTable newTable(Table t) {
    Map<String, String> columns = new LinkedHashMap<>();
    t.writtenColumns().forEach(c -> columns.put(c.name(), c.name()));
    Set<String> computed = new HashSet<>();
    if (ExactDdl.applies(dialect, t)) {
      t.writtenColumns().stream().filter(Column::computed).forEach(c -> computed.add(c.name()));
    }
    return new TargetTable(t, t.name(), columns, computed);
  }

  /**
   * The tables of an interrupted run as it left them: every schema table must be there (created by
   * it or found empty by it); the foreign keys it postponed are postponed again.
   */
  private void resumeTables(Schema schema, Map<String, String> existing, RunState.Recorded recorded)
      throws SQLException {
    cycles = new CycleLoad(dialect, describe());
    Set<String> createdNames = new HashSet<>();
    recorded.created().forEach(n -> createdNames.add(n.toLowerCase(Locale.ROOT)));
    List<Table> createdTables = new ArrayList<>();
    for (Table t : schema.tables()) {
      String actual = existing.get(t.name().toLowerCase(Locale.ROOT));
      if (actual == null) {
        throw new SynthException(
            "cannot --resume into "
                + describe()
                + ": table "
                + t.name()
                + " of the interrupted run is missing; undo the run with --abort");
      }
      tables.put(t.name(), TargetCatalog.columnsOf(dialect, connection, t, actual));
      if (createdNames.contains(actual.toLowerCase(Locale.ROOT))) {
        createdTables.add(t); // not in `created`: a failed resume keeps the run's tables
      }
    }
    if (PartitionedLoad.postponesKeys(dialect)) {
      Map<String, List<TableDdl.NamedKey>> keys =
          TargetCatalog.namedKeys(createdTables, tables::get);
      for (Table t : createdTables) {
        for (TableDdl.NamedKey k : keys.get(t.name())) {
          pendingKeys.add(new String[] {t.name(), ddl.addForeignKey(t.name(), k), k.constraint()});
        }
      }
    }
  }

  private void createTables(Schema schema, List<Table> toCreate, boolean partitioned)
      throws SQLException {
    if (toCreate.isEmpty()) {
      return;
    }
    Set<String> creating = new HashSet<>();
    toCreate.forEach(t -> creating.add(t.name()));
    Map<String, List<TableDdl.NamedKey>> keys = TargetCatalog.namedKeys(toCreate, tables::get);
    List<Table> order = toCreate;
    if (dialect.foreignKeyStyle() == Dialect.ForeignKeyStyle.INLINE_PARENTS_FIRST) {
      order =
          ForeignKeyGraph.of(schema).generationOrder().stream()
              .filter(t -> creating.contains(t.name()))
              .toList();
    }
    Set<String> done = new HashSet<>();
    try (Statement st = connection.createStatement()) {
      for (String definition : ExactDdl.typeDefinitions(dialect, toCreate)) {
        createType(definition);
      }
      for (Table t : order) {
        List<TableDdl.NamedKey> inline =
            switch (dialect.foreignKeyStyle()) {
              case ALTER -> List.of();
              case INLINE_ANY_ORDER -> keys.get(t.name());
              case INLINE_PARENTS_FIRST ->
                  keys.get(t.name()).stream()
                      .filter(
                          k -> {
                            boolean parentReady =
                                done.contains(k.key().parentTable())
                                    || !creating.contains(k.key().parentTable());
                            if (!parentReady || k.key().parentTable().equals(t.name())) {
                              LOG.warn(
                                  "{} cannot declare foreign key {} of a cycle; it is written but not enforced",
                                  describe(),
                                  k.key().describe(t.name()));
                              return false;
                            }
                            return true;
                          })
                      .toList();
            };
        if (ExactDdl.applies(dialect, t)) {
          for (String sql : ExactDdl.create(dialect, t.name(), t)) {
            LOG.debug("{}", sql);
            st.execute(sql);
          }
        } else {
          String sql = ddl.createTable(t.name(), t, inline);
          LOG.debug("{}", sql);
          st.execute(sql);
        }
        created.add(tables.get(t.name()));
        done.add(t.name());
      }
      if (dialect.foreignKeyStyle() == Dialect.ForeignKeyStyle.ALTER) {
        for (Table t : toCreate) {
          for (TableDdl.NamedKey k : keys.get(t.name())) {
            if (partitioned && PartitionedLoad.postponesKeys(dialect)) {
              pendingKeys.add(
                  new String[] {t.name(), ddl.addForeignKey(t.name(), k), k.constraint()});
              continue;
            }
            if (cycles.postpone(t.name(), k, ddl.addForeignKey(t.name(), k))) {
              continue;
            }
            st.execute(ddl.addForeignKey(t.name(), k));
            alteredKeys.computeIfAbsent(t.name(), n -> new ArrayList<>()).add(k.constraint());
          }
        }
      }
    }
  }

  /** Creates a user-defined type (enum, domain) unless the target has one of that name already. */
  private void createType(String definition) throws SQLException {
    java.sql.Savepoint savepoint = connection.setSavepoint();
    try (Statement st = connection.createStatement()) {
      st.execute(definition);
      connection.releaseSavepoint(savepoint);
    } catch (SQLException e) {
      if (!"42710".equals(e.getSQLState())) {
        throw e;
      }
      connection.rollback(savepoint); // duplicate_object: the type exists; it is used as found
      LOG.debug("type exists already: {}", definition);
    }
  }

  private TargetTable table(String name) {
    if (connection == null) {
      throw new IllegalStateException("write before begin() on " + describe());
    }
    TargetTable t = tables.get(name);
    if (t == null) {
      throw new SynthException(
          "table " + name + " was not part of the schema given to " + describe());
    }
    return t;
  }

  @Override
  public void write(RowBatch batch) {
    rows.write(table(batch.table()), batch);
  }

  /** Rows of a partition over a connection of its own ({@link PartitionedTarget}). */
  @Override
  public PartitionWriter openWriter() {
    if (!partitionedBegun) {
      throw new IllegalStateException("openWriter() before beginPartitioned() on " + describe());
    }
    return new PartitionedLoad.Writer(db, this::table);
  }

  @Override
  public void update(RowBatch batch, List<String> keyColumns, long[] rowIndex) {
    TargetTable t = table(batch.table());
    if (keyColumns.isEmpty()) {
      throw new SynthException(
          "cannot update rows of table "
              + t.name()
              + " in "
              + describe()
              + ": it has no key to find them by; give the table a primary key");
    }
    rows.update(t, batch, keyColumns);
  }

  @Override
  public void commit() {
    if (connection == null) {
      throw new IllegalStateException("commit() before begin() on " + describe());
    }
    closeRows();
    String step = "committing to ";
    try {
      step = "completing a foreign-key cycle in ";
      for (String[] added : cycles.finish(connection, this::writtenKeys)) {
        alteredKeys.computeIfAbsent(added[0], n -> new ArrayList<>()).add(added[1]);
      }
      if (partitionedBegun) {
        step = "checking the foreign keys of the parallel load in ";
        PartitionedLoad.finish(connection, dialect, pendingKeys, writtenKeys());
        step = "removing the run's record from ";
        RunState.drop(connection, dialect);
      }
      step = "committing to ";
      connection.commit();
      finished = true;
    } catch (SQLException e) {
      throw new SynthException(step + describe() + " failed: " + db.explain(e), e);
    }
    try {
      // after the commit: MariaDB commits an ALTER TABLE by itself
      TargetFinish.resetCounters(
          connection, dialect, tables.values().stream().map(TargetTable::name).toList());
    } catch (SQLException e) {
      LOG.warn(
          "the rows are committed, but the sequences of {} could not be set above them: {}",
          describe(),
          db.explain(e));
    }
    if (record != null) {
      record.remove();
    }
    try {
      lock.close();
      connection.close();
    } catch (SQLException e) {
      LOG.debug("closing the connection failed", e);
    }
  }

  /** Every foreign key of the schema's tables, with the target's names, for the orphan check. */
  private Map<String, List<TableDdl.NamedKey>> writtenKeys() {
    Map<String, List<TableDdl.NamedKey>> keys = new LinkedHashMap<>();
    for (Table t : schema.tables()) {
      TargetTable child = tables.get(t.name());
      List<TableDdl.NamedKey> named = new ArrayList<>();
      for (ForeignKey fk : t.foreignKeys()) {
        TargetTable parent = tables.get(fk.parentTable());
        ForeignKey actual =
            new ForeignKey(
                fk.name(),
                fk.columns().stream().map(child::column).toList(),
                parent.name(),
                fk.parentColumns().stream().map(parent::column).toList(),
                fk.inferred());
        named.add(new TableDdl.NamedKey(fk.name(), actual, parent.name()));
      }
      keys.put(child.name(), named);
    }
    return keys;
  }

  @Override
  public void abort() {
    if (finished) {
      return;
    }
    finished = true;
    closeRows();
    if (connection == null) {
      return;
    }
    if (partitionedBegun) {
      // The committed partitions and their record stay, for --resume or --abort.
      try {
        connection.rollback();
      } catch (SQLException e) {
        LOG.warn("rolling back {} failed: {}", describe(), e.getMessage());
      }
      LOG.warn(
          "the run into {} stopped; the partitions it committed stay there: continue it with"
              + " --resume, or undo it with --abort",
          describe());
      release();
      return;
    }
    try {
      connection.rollback();
    } catch (SQLException e) {
      LOG.warn("rolling back {} failed: {}", describe(), e.getMessage());
    }
    if (!created.isEmpty()) {
      dropCreated();
    }
    if (record != null) {
      record.remove();
    }
    if (stateCreated) {
      PartitionedLoad.dropQuietly(db, RunState.TABLE);
    }
    release();
  }

  private void release() {
    lock.close();
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.debug("closing the connection failed", e);
    }
  }

  private void closeRows() {
    if (rows != null) {
      rows.close();
    }
  }

  /** Undoes the interrupted run the target records ({@code --abort}). */
  @Override
  public String abandon() {
    if (connection != null) {
      throw new IllegalStateException("abandon() after begin() on " + describe());
    }
    connection = db.connection();
    finished = true;
    try {
      lock = JdbcTargetLock.acquire(db, connection);
      for (String setup : PartitionedLoad.sessionSetup(dialect)) {
        try (Statement st = connection.createStatement()) {
          st.execute(setup);
        }
      }
      connection.setAutoCommit(false);
      Map<String, String> existing = TargetCatalog.existingTables(db, connection);
      RunState.Recorded recorded =
          RunState.read(connection, dialect, existing)
              .orElseThrow(
                  () ->
                      new SynthException(
                          describe() + " records no interrupted run: there is nothing to --abort"));
      return PartitionedLoad.undo(connection, dialect, ddl, existing, recorded, describe());
    } catch (SQLException e) {
      throw new SynthException(
          "cannot undo the interrupted run in " + describe() + ": " + db.explain(e), e);
    } finally {
      release();
    }
  }

  /**
   * Drops the tables this target created that survived the rollback (DDL that committed itself).
   */
  private void dropCreated() {
    Connection c = connection;
    try {
      if (c.isClosed() || !c.isValid(5)) {
        c = db.connection();
      }
      c.setAutoCommit(true);
      Map<String, String> remaining = TargetCatalog.existingTables(db, c);
      try (Statement st = c.createStatement()) {
        for (TargetTable t : created) {
          if (!remaining.containsKey(t.name().toLowerCase(Locale.ROOT))) {
            continue;
          }
          for (String fk : alteredKeys.getOrDefault(t.table().name(), List.of())) {
            execQuietly(st, ddl.dropForeignKey(t.name(), fk));
          }
        }
        for (int i = created.size() - 1; i >= 0; i--) {
          TargetTable t = created.get(i);
          if (remaining.containsKey(t.name().toLowerCase(Locale.ROOT))) {
            execQuietly(st, ddl.dropTable(t.name()));
          }
        }
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warn("could not drop the tables created in {}: {}", describe(), e.getMessage());
    } finally {
      if (c != connection) {
        try {
          c.close();
        } catch (SQLException e) {
          LOG.debug("closing the connection failed", e);
        }
      }
    }
  }

  private void execQuietly(Statement st, String sql) {
    try {
      st.execute(sql);
    } catch (SQLException e) {
      LOG.warn("{} failed on {}: {}", sql, describe(), e.getMessage());
    }
  }

  @Override
  public String describe() {
    return db.maskedUrl();
  }

  @Override
  public void close() {
    if (!finished) {
      abort();
    }
    db.close();
  }
}
