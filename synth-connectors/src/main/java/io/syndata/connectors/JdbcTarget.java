package io.syndata.connectors;

import io.syndata.data.RowBatch;
import io.syndata.data.Target;
import io.syndata.data.TargetLock;
import io.syndata.schema.Column;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database as a target: one connection, one transaction, foreign keys enforced. Existing tables
 * must be empty; missing ones are created (jOOQ DDL in the target's dialect) and dropped again by
 * {@link #abort} where the database cannot roll DDL back. PostgreSQL takes rows through COPY, other
 * databases through multi-row INSERT. The target is locked from {@link #begin} to the end of commit
 * or abort ({@link JdbcTargetLock}), so that a second run fails at once.
 */
final class JdbcTarget implements Target {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcTarget.class);

  /** Bind parameters per INSERT statement: below every driver's and server's limit. */
  private static final int MAX_PARAMETERS = 30_000;

  private static final int MAX_ROWS_PER_INSERT = 1_000;
  private static final int MAX_NAME = 60;

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
  private PreparedStatement cachedInsert;
  private String cachedInsertKey = "";
  private boolean finished;
  private TargetLock lock = TargetLock.none();

  /** Where DDL commits on its own: the tables this run creates, for a rerun after a kill. */
  private RunRecord record;

  private CycleLoad cycles;

  private Schema schema;

  /** A schema table as found or created in the target, with the target's spelling of its names. */
  private record TargetTable(
      Table table, String name, Map<String, String> columns, Set<String> computed) {
    String column(String schemaColumn) {
      String actual = columns.get(schemaColumn);
      if (actual == null) {
        throw new SynthException(
            "table " + table.name() + " has no written column " + schemaColumn);
      }
      return actual;
    }
  }

  JdbcTarget(Database db) {
    this.db = db;
    this.dialect = db.dialect();
    this.ddl = new TableDdl(dialect);
  }

  @Override
  public void begin(Schema schema) {
    if (connection != null) {
      throw new IllegalStateException("begin() was called twice on " + describe());
    }
    connection = db.connection();
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
      }
      connection.setAutoCommit(false);
      this.schema = schema;
      Map<String, String> existing = existingTables(connection);
      if (!dialect.transactionalDdl()) {
        step = "removing what an earlier run left";
        RunRecord.removeLeftovers(connection, dialect, ddl, existing);
      }
      List<Table> toCreate = new ArrayList<>();
      for (Table t : schema.tables()) {
        String actual = existing.get(t.name().toLowerCase(Locale.ROOT));
        if (actual == null) {
          toCreate.add(t);
        } else {
          step = "checking table " + actual;
          tables.put(t.name(), checkExisting(t, actual));
        }
      }
      for (Table t : toCreate) {
        Map<String, String> columns = new LinkedHashMap<>();
        t.writtenColumns().forEach(c -> columns.put(c.name(), c.name()));
        Set<String> computed = new HashSet<>();
        if (ExactDdl.applies(dialect, t)) {
          t.writtenColumns().stream().filter(Column::computed).forEach(c -> computed.add(c.name()));
        }
        tables.put(t.name(), new TargetTable(t, t.name(), columns, computed));
      }
      if (!dialect.transactionalDdl() && !toCreate.isEmpty()) {
        record = RunRecord.write(connection, dialect, toCreate.stream().map(Table::name).toList());
      }
      step = "preparing for a foreign-key cycle";
      Set<String> creating = new HashSet<>();
      toCreate.forEach(t -> creating.add(t.name()));
      cycles = new CycleLoad(dialect, describe());
      cycles.prepare(
          connection,
          ForeignKeyGraph.of(schema).notNullDeferred(),
          creating,
          table -> tables.get(table).name());
      step = "creating tables";
      createTables(schema, toCreate);
    } catch (SQLException e) {
      abort();
      throw new SynthException(
          "cannot prepare " + describe() + " (" + step + "): " + db.explain(e), e);
    } catch (RuntimeException e) {
      abort();
      throw e;
    }
  }

  /** The target's tables in its current namespace, by lower-case name. */
  private Map<String, String> existingTables(Connection c) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    String catalog = c.getCatalog();
    String schema = dialect.namespaceIsCatalog() || !dialect.hasNamespaces() ? null : c.getSchema();
    if (dialect.namespaceIsCatalog() && (catalog == null || catalog.isEmpty())) {
      throw new SynthException(
          db.maskedUrl()
              + " names no database to write into: name one in the URL"
              + " (for example jdbc:mariadb://host:3306/synthetic)");
    }
    Map<String, String> names = new HashMap<>();
    try (ResultSet rs = md.getTables(catalog, schema, "%", null)) {
      while (rs.next()) {
        String type = String.valueOf(rs.getString("TABLE_TYPE")).toUpperCase(Locale.ROOT);
        boolean sameNamespace = schema == null || schema.equals(rs.getString("TABLE_SCHEM"));
        if ((type.equals("TABLE") || type.equals("BASE TABLE")) && sameNamespace) {
          String name = rs.getString("TABLE_NAME");
          names.merge(name.toLowerCase(Locale.ROOT), name, (a, b) -> a.equals(name) ? a : b);
        }
      }
    }
    return names;
  }

  private TargetTable checkExisting(Table t, String actual) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + dialect.quote(actual))) {
      rs.next();
      long rows = rs.getLong(1);
      if (rows > 0) {
        throw new SynthException(
            "target table "
                + actual
                + " already holds "
                + rows
                + " rows; synthesize into an empty database or empty tables");
      }
    }
    Map<String, String> present = new HashMap<>();
    Set<String> computed = new HashSet<>();
    try (ResultSet rs =
        connection
            .getMetaData()
            .getColumns(
                connection.getCatalog(),
                dialect.namespaceIsCatalog() || !dialect.hasNamespaces()
                    ? null
                    : connection.getSchema(),
                actual,
                "%")) {
      while (rs.next()) {
        if (actual.equals(rs.getString("TABLE_NAME"))) {
          String name = rs.getString("COLUMN_NAME");
          if ("YES".equalsIgnoreCase(generatedColumn(rs))) {
            computed.add(name.toLowerCase(Locale.ROOT));
          }
          present.merge(name.toLowerCase(Locale.ROOT), name, (a, b) -> a);
          present.put(name, name);
        }
      }
    }
    Map<String, String> columns = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (Column c : t.writtenColumns()) {
      String match =
          present.containsKey(c.name())
              ? present.get(c.name())
              : present.get(c.name().toLowerCase(Locale.ROOT));
      if (match == null) {
        missing.add(c.name());
      } else {
        columns.put(c.name(), match);
      }
    }
    if (!missing.isEmpty()) {
      throw new SynthException(
          "target table "
              + actual
              + " lacks columns "
              + missing
              + " that the schema writes: add them to the table, or mark them excluded in the schema file");
    }
    Set<String> skipped = new HashSet<>();
    columns.forEach(
        (schemaName, actualName) -> {
          if (computed.contains(actualName.toLowerCase(Locale.ROOT))) {
            skipped.add(schemaName);
          }
        });
    return new TargetTable(t, actual, columns, skipped);
  }

  private static String generatedColumn(ResultSet rs) {
    try {
      return rs.getString("IS_GENERATEDCOLUMN");
    } catch (SQLException e) {
      return "NO"; // drivers before JDBC 4.1
    }
  }

  private void createTables(Schema schema, List<Table> toCreate) throws SQLException {
    if (toCreate.isEmpty()) {
      return;
    }
    Set<String> creating = new HashSet<>();
    toCreate.forEach(t -> creating.add(t.name()));
    Map<String, List<TableDdl.NamedKey>> keys = namedKeys(toCreate);
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

  /**
   * Foreign keys with constraint names of the form fk_table_columns, unique in the target and at
   * most {@value #MAX_NAME} characters.
   */
  private Map<String, List<TableDdl.NamedKey>> namedKeys(List<Table> toCreate) {
    Set<String> used = new HashSet<>();
    Map<String, List<TableDdl.NamedKey>> keys = new LinkedHashMap<>();
    for (Table t : toCreate) {
      List<TableDdl.NamedKey> named = new ArrayList<>();
      for (ForeignKey fk : t.foreignKeys()) {
        // Names come from the table and columns, never from the source: a source's own names can be
        // generated ones (H2's CONSTRAINT_7) that clash with names the target generates itself.
        String base = "fk_" + t.name() + "_" + String.join("_", fk.columns());
        String name = truncate(base);
        if (used.contains(name.toLowerCase(Locale.ROOT))) {
          name = truncate(t.name() + "_" + base);
        }
        for (int i = 2; used.contains(name.toLowerCase(Locale.ROOT)); i++) {
          name = truncate(base) + "_" + i;
        }
        used.add(name.toLowerCase(Locale.ROOT));
        TargetTable parent = tables.get(fk.parentTable());
        List<String> parentColumns = fk.parentColumns().stream().map(parent::column).toList();
        ForeignKey actual =
            new ForeignKey(name, fk.columns(), parent.name(), parentColumns, fk.inferred());
        named.add(new TableDdl.NamedKey(name, actual, parent.name()));
      }
      keys.put(t.name(), named);
    }
    return keys;
  }

  private static String truncate(String name) {
    return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
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
    TargetTable t = table(batch.table());
    if (batch.size() == 0) {
      return;
    }
    if (!t.computed().isEmpty()) {
      batch = withoutComputed(batch, t.computed());
    }
    try {
      if (dialect.copiesRows()) {
        copy(t, batch);
      } else {
        insert(t, batch);
      }
    } catch (SQLException | IOException e) {
      throw new SynthException("writing table " + t.name() + " failed: " + db.explain(e), e);
    }
  }

  /** The batch without the columns the target computes itself. */
  private static RowBatch withoutComputed(RowBatch batch, Set<String> computed) {
    List<String> kept = batch.columns().stream().filter(c -> !computed.contains(c)).toList();
    Object[][] values = new Object[kept.size()][];
    for (int i = 0; i < kept.size(); i++) {
      values[i] = batch.values()[batch.columnIndex(kept.get(i))];
    }
    return new RowBatch(batch.table(), kept, values, batch.size());
  }

  private List<String> quotedColumns(TargetTable t, List<String> columns) {
    return columns.stream().map(c -> dialect.quote(t.column(c))).toList();
  }

  private void copy(TargetTable t, RowBatch batch) throws SQLException, IOException {
    String sql =
        "COPY "
            + dialect.quote(t.name())
            + " ("
            + String.join(", ", quotedColumns(t, batch.columns()))
            + ") FROM STDIN (FORMAT csv)";
    StringBuilder csv = new StringBuilder(batch.size() * batch.columns().size() * 8);
    for (int r = 0; r < batch.size(); r++) {
      for (int c = 0; c < batch.columns().size(); c++) {
        if (c > 0) {
          csv.append(',');
        }
        Object v = batch.value(c, r);
        if (v instanceof String s) {
          // Quoted, so that an empty string stays distinct from NULL (an unquoted empty field).
          csv.append('"').append(s.replace("\"", "\"\"")).append('"');
        } else if (v != null) {
          csv.append(TextValues.format(v));
        }
      }
      csv.append('\n');
    }
    connection
        .unwrap(PGConnection.class)
        .getCopyAPI()
        .copyIn(sql, new StringReader(csv.toString()));
  }

  private void insert(TargetTable t, RowBatch batch) throws SQLException {
    int width = Math.max(1, batch.columns().size());
    int perStatement = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, MAX_PARAMETERS / width));
    String head =
        "INSERT INTO "
            + dialect.quote(t.name())
            + " ("
            + String.join(", ", quotedColumns(t, batch.columns()))
            + ") VALUES ";
    Column[] columns =
        batch.columns().stream().map(c -> t.table().column(c)).toArray(Column[]::new);
    String row =
        "("
            + String.join(", ", java.util.Arrays.stream(columns).map(dialect::placeholder).toList())
            + ")";
    for (int from = 0; from < batch.size(); from += perStatement) {
      int rows = Math.min(perStatement, batch.size() - from);
      PreparedStatement ps;
      boolean cached = rows == perStatement;
      if (cached) {
        String key = head + rows;
        if (!key.equals(cachedInsertKey)) {
          closeCachedInsert();
          cachedInsert =
              connection.prepareStatement(
                  head + String.join(", ", java.util.Collections.nCopies(rows, row)));
          cachedInsertKey = key;
        }
        ps = cachedInsert;
      } else {
        ps =
            connection.prepareStatement(
                head + String.join(", ", java.util.Collections.nCopies(rows, row)));
      }
      try {
        int p = 1;
        for (int r = from; r < from + rows; r++) {
          for (int c = 0; c < batch.columns().size(); c++) {
            bind(ps, p++, columns[c], batch.value(c, r));
          }
        }
        ps.executeUpdate();
      } finally {
        if (!cached) {
          ps.close();
        }
      }
    }
  }

  private void bind(PreparedStatement ps, int index, Object value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.NULL);
    } else {
      ps.setObject(index, dialect.bindable(value));
    }
  }

  private void bind(PreparedStatement ps, int index, Column column, Object value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.NULL);
    } else {
      ps.setObject(index, dialect.bindable(column, value));
    }
  }

  private void closeCachedInsert() {
    if (cachedInsert != null) {
      try {
        cachedInsert.close();
      } catch (SQLException e) {
        LOG.debug("closing a statement failed", e);
      }
      cachedInsert = null;
      cachedInsertKey = "";
    }
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
    List<String> setColumns =
        batch.columns().stream().filter(c -> !keyColumns.contains(c)).toList();
    if (setColumns.isEmpty() || batch.size() == 0) {
      return;
    }
    String sql =
        "UPDATE "
            + dialect.quote(t.name())
            + " SET "
            + String.join(
                ", ", setColumns.stream().map(c -> dialect.quote(t.column(c)) + " = ?").toList())
            + " WHERE "
            + String.join(
                " AND ",
                keyColumns.stream().map(c -> dialect.quote(t.column(c)) + " = ?").toList());
    int[] setIndex = setColumns.stream().mapToInt(batch::columnIndex).toArray();
    int[] keyIndex = keyColumns.stream().mapToInt(batch::columnIndex).toArray();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int r = 0; r < batch.size(); r++) {
        int p = 1;
        for (int c : setIndex) {
          bind(ps, p++, batch.value(c, r));
        }
        for (int c : keyIndex) {
          bind(ps, p++, batch.value(c, r));
        }
        ps.addBatch();
        if ((r + 1) % MAX_ROWS_PER_INSERT == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new SynthException("updating table " + t.name() + " failed: " + db.explain(e), e);
    }
  }

  @Override
  public void commit() {
    if (connection == null) {
      throw new IllegalStateException("commit() before begin() on " + describe());
    }
    closeCachedInsert();
    String step = "committing to ";
    try {
      step = "completing a foreign-key cycle in ";
      for (String[] added : cycles.finish(connection, this::writtenKeys)) {
        alteredKeys.computeIfAbsent(added[0], n -> new ArrayList<>()).add(added[1]);
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
    closeCachedInsert();
    if (connection == null) {
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
    lock.close();
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.debug("closing the connection failed", e);
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
      Map<String, String> remaining = existingTables(c);
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
