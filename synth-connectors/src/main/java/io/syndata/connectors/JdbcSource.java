package io.syndata.connectors;

import io.syndata.data.RowBatch;
import io.syndata.data.SchemaFilter;
import io.syndata.data.Source;
import io.syndata.schema.Column;
import io.syndata.schema.ColumnKind;
import io.syndata.schema.ColumnKinds;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.Schema;
import io.syndata.schema.SqlDetail;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import io.syndata.schema.ValueFormat;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database read through JDBC. Structure comes from {@link DatabaseMetaData} (one path for every
 * database; DuckDB, whose driver lacks foreign keys there, reads them from its catalog). Columns of
 * a type SynData cannot model (binary, JSON, arrays, intervals, geometry...) are introspected as
 * excluded when nullable, and refused when NOT NULL, since no row could then be written without
 * them. The connection is read-only: a source is never written.
 */
final class JdbcSource implements Source {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcSource.class);
  private static final Set<String> TABLE_TYPES = Set.of("TABLE", "BASE TABLE", "PARTITIONED TABLE");
  private final Database db;
  private final Optional<Schema> schemaFile;
  private final SourceCatalog catalog;

  /**
   * Connections a large table is read over, by ranges of its integer key (see {@link
   * KeyRangeScan}).
   */
  static final int DEFAULT_READERS = 2;

  /** Tables with fewer rows are read in one query. */
  static final long MIN_SPLIT_ROWS = 100_000;

  private final JdbcTableReader reader;

  JdbcSource(Database db, Optional<Schema> schemaFile) {
    this(db, schemaFile, DEFAULT_READERS, MIN_SPLIT_ROWS);
  }

  JdbcSource(Database db, Optional<Schema> schemaFile, int readers, long minSplitRows) {
    this.db = db;
    this.schemaFile = schemaFile;
    this.catalog = new SourceCatalog(db.dialect());
    this.reader = new JdbcTableReader(db, readers, minSplitRows);
  }

  private record TableRef(String catalog, String schema, String name, Optional<String> namespace) {}

  @Override
  public Schema introspect(SchemaFilter filter) {
    return introspect(filter, schemaFile, true);
  }

  @Override
  public Schema structure(SchemaFilter filter) {
    return introspect(filter, Optional.empty(), false);
  }

  private Schema introspect(SchemaFilter filter, Optional<Schema> schemaFile, boolean counts) {
    try (Connection c = db.connection()) {
      if (schemaFile.isPresent()) {
        return fromSchemaFile(c, schemaFile.get(), filter);
      }
      DatabaseMetaData md = c.getMetaData();
      List<String> allNamespaces = namespaces(c, md);
      List<String> chosen = chosenNamespaces(c, filter, allNamespaces);
      List<TableRef> refs = tables(c, md, chosen);
      if (counts) {
        for (String ns : db.dialect().hasNamespaces() ? chosen : List.of("")) {
          catalog.reportOthers(c, Optional.of(ns));
        }
      }
      filter.checkAllNamed(refs.stream().map(TableRef::name).toList(), allNamespaces);
      List<Table> tables = new ArrayList<>();
      for (TableRef ref : refs) {
        if (filter.acceptsTable(ref.name())) {
          tables.add(readTable(c, md, ref, counts));
        }
      }
      return new Schema(tables).map(Table::withKeyKinds);
    } catch (SQLException e) {
      throw new SynthException(
          "cannot read the structure of " + db.maskedUrl() + ": " + db.explain(e), e);
    }
  }

  private Schema fromSchemaFile(Connection c, Schema file, SchemaFilter filter)
      throws SQLException {
    filter.checkAllNamed(
        file.tables().stream().map(Table::name).toList(),
        file.tables().stream().flatMap(t -> t.namespace().stream()).distinct().toList());
    List<Table> tables = new ArrayList<>();
    for (Table t : file.tables()) {
      if (filter.acceptsTable(t.name()) && t.namespace().map(filter::acceptsSchema).orElse(true)) {
        tables.add(t.withRowCount(count(c, t.namespace(), t.name())));
      }
    }
    return new Schema(tables);
  }

  private List<String> namespaces(Connection c, DatabaseMetaData md) throws SQLException {
    if (!db.dialect().hasNamespaces()) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    boolean catalogs = db.dialect().namespaceIsCatalog();
    try (ResultSet rs = catalogs ? md.getCatalogs() : md.getSchemas(c.getCatalog(), null)) {
      while (rs.next()) {
        String name = rs.getString(catalogs ? "TABLE_CAT" : "TABLE_SCHEM");
        if (name != null && !Dialect.isSystemNamespace(name) && !names.contains(name)) {
          names.add(name);
        }
      }
    }
    return names;
  }

  /** The namespaces to read: those --schemas names, else the connection's own. */
  private List<String> chosenNamespaces(Connection c, SchemaFilter filter, List<String> all)
      throws SQLException {
    if (!db.dialect().hasNamespaces()) {
      return List.of();
    }
    if (!filter.schemas().isEmpty()) {
      return all.stream().filter(filter::acceptsSchema).toList();
    }
    String current = db.dialect().namespaceIsCatalog() ? c.getCatalog() : c.getSchema();
    if (current == null || current.isEmpty()) {
      if (db.dialect().namespaceIsCatalog()) {
        throw new SynthException(
            db.maskedUrl()
                + " names no database: name one in the URL"
                + " (for example jdbc:mariadb://host:3306/shop) or choose databases with --schemas");
      }
      return all;
    }
    return List.of(current);
  }

  private List<TableRef> tables(Connection c, DatabaseMetaData md, List<String> namespaces)
      throws SQLException {
    List<TableRef> refs = new ArrayList<>();
    List<String> patterns =
        db.dialect().hasNamespaces() ? namespaces : java.util.Collections.singletonList(null);
    for (String ns : patterns) {
      boolean catalogs = db.dialect().namespaceIsCatalog();
      Set<String> children = ns == null ? Set.of() : catalog.readThroughParent(c, ns);
      try (ResultSet rs =
          catalogs
              ? md.getTables(ns, null, "%", null)
              : md.getTables(c.getCatalog(), ns, "%", null)) {
        while (rs.next()) {
          String type = rs.getString("TABLE_TYPE");
          String name = rs.getString("TABLE_NAME");
          String cat = rs.getString("TABLE_CAT");
          String schem = rs.getString("TABLE_SCHEM");
          String actualNs = catalogs ? cat : schem;
          if (type == null
              || !TABLE_TYPES.contains(type.toUpperCase(Locale.ROOT))
              || db.dialect().isSystemTable(name)
              || children.contains(name)
              || (ns != null && !ns.equals(actualNs))) {
            continue;
          }
          refs.add(new TableRef(cat, schem, name, Optional.ofNullable(ns)));
        }
      }
    }
    refs.sort(
        Comparator.comparing((TableRef r) -> r.namespace().orElse(""))
            .thenComparing(TableRef::name));
    return refs;
  }

  private Table readTable(Connection c, DatabaseMetaData md, TableRef ref, boolean counts)
      throws SQLException {
    List<Column> columns = readColumns(md, ref);
    List<String> primaryKey = primaryKey(md, ref);
    List<List<String>> uniqueKeys;
    List<ForeignKey> foreignKeys;
    if (db.dialect().keysFromMetadata()) {
      uniqueKeys = uniqueKeys(md, ref, primaryKey);
      foreignKeys = foreignKeys(md, ref);
    } else {
      uniqueKeys = new ArrayList<>();
      foreignKeys = new ArrayList<>();
      duckDbKeys(c, ref, primaryKey, uniqueKeys, foreignKeys);
    }
    long rows = counts ? count(c, ref.namespace(), ref.name()) : 0;
    Table table =
        new Table(ref.name(), ref.namespace(), columns, primaryKey, uniqueKeys, foreignKeys, rows);
    return catalog.enrich(
        c, table, db.dialect().namespaceIsCatalog() ? ref.catalog() : ref.schema());
  }

  private List<Column> readColumns(DatabaseMetaData md, TableRef ref) throws SQLException {
    TreeMap<Integer, Column> byPosition = new TreeMap<>();
    try (ResultSet rs = md.getColumns(ref.catalog(), ref.schema(), ref.name(), "%")) {
      while (rs.next()) {
        if (!ref.name().equals(rs.getString("TABLE_NAME"))
            || !java.util.Objects.equals(ref.schema(), rs.getString("TABLE_SCHEM"))) {
          continue;
        }
        String name = rs.getString("COLUMN_NAME");
        String typeName = Optional.ofNullable(rs.getString("TYPE_NAME")).orElse("");
        int jdbcType = rs.getInt("DATA_TYPE");
        if (jdbcType == Types.DISTINCT) {
          // A domain or distinct type: what matters is the type it is built on.
          jdbcType = sourceDataType(rs).orElse(jdbcType);
        }
        int size = rs.getInt("COLUMN_SIZE");
        int digits = rs.getInt("DECIMAL_DIGITS");
        boolean nullable = rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls;
        int position = rs.getInt("ORDINAL_POSITION");
        SqlTypes.TypeInfo t = db.dialect().sourceType(typeName, jdbcType, size, digits);
        if (t.format() == ValueFormat.OTHER) {
          LOG.warn(
              "column {}.{} has type {}, which SynData does not know: its values are learned as"
                  + " text{}",
              ref.name(),
              name,
              typeName,
              nullable ? "" : ", and generated values may not all be valid for the type");
        }
        ColumnKind kind =
            switch (t.format()) {
              case PLAIN, ENUM, SET, OTHER -> ColumnKinds.defaultKind(name, t.type());
              default -> ColumnKind.TEXT;
            };
        Column column =
            new Column(
                name,
                t.type(),
                typeName,
                t.length(),
                t.precision(),
                t.scale(),
                nullable,
                kind,
                Optional.empty(),
                false,
                Optional.of(
                    SqlDetail.of(db.dialect().dialectName(), typeName, t.format())
                        .withUnsigned(typeName.toLowerCase(Locale.ROOT).contains("unsigned"))));
        byPosition.put(position == 0 ? byPosition.size() + 1 : position, column);
      }
    }
    return List.copyOf(byPosition.values());
  }

  private static Optional<Integer> sourceDataType(ResultSet rs) {
    try {
      int source = rs.getInt("SOURCE_DATA_TYPE");
      return rs.wasNull() || source == 0 ? Optional.empty() : Optional.of(source);
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  private static List<String> primaryKey(DatabaseMetaData md, TableRef ref) throws SQLException {
    TreeMap<Integer, String> columns = new TreeMap<>();
    try (ResultSet rs = md.getPrimaryKeys(ref.catalog(), ref.schema(), ref.name())) {
      while (rs.next()) {
        columns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
      }
    }
    return List.copyOf(columns.values());
  }

  private static List<List<String>> uniqueKeys(
      DatabaseMetaData md, TableRef ref, List<String> primaryKey) throws SQLException {
    Map<String, TreeMap<Integer, String>> byIndex = new TreeMap<>();
    Set<String> partial = new java.util.HashSet<>();
    try (ResultSet rs = md.getIndexInfo(ref.catalog(), ref.schema(), ref.name(), true, true)) {
      while (rs.next()) {
        String index = rs.getString("INDEX_NAME");
        if (rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic
            || index == null
            || rs.getBoolean("NON_UNIQUE")) {
          continue;
        }
        String column = rs.getString("COLUMN_NAME");
        if (column == null || rs.getString("FILTER_CONDITION") != null) {
          partial.add(index); // expression or partial index: not a plain unique constraint
          continue;
        }
        byIndex
            .computeIfAbsent(index, k -> new TreeMap<>())
            .put((int) rs.getShort("ORDINAL_POSITION"), column);
      }
    }
    return distinctKeys(
        byIndex.entrySet().stream()
            .filter(e -> !partial.contains(e.getKey()))
            .map(e -> List.copyOf(e.getValue().values()))
            .toList(),
        primaryKey);
  }

  private static List<List<String>> distinctKeys(List<List<String>> keys, List<String> primaryKey) {
    Set<List<String>> seen = new LinkedHashSet<>();
    for (List<String> key : keys) {
      if (!(key.size() == primaryKey.size() && Set.copyOf(key).equals(Set.copyOf(primaryKey)))) {
        seen.add(key);
      }
    }
    return List.copyOf(seen);
  }

  private static final class FkBuilder {
    final String name;
    final String parent;
    final TreeMap<Integer, String[]> pairs = new TreeMap<>();

    FkBuilder(String name, String parent) {
      this.name = name;
      this.parent = parent;
    }
  }

  private List<ForeignKey> foreignKeys(DatabaseMetaData md, TableRef ref) throws SQLException {
    Map<String, FkBuilder> named = new LinkedHashMap<>();
    List<FkBuilder> all = new ArrayList<>();
    FkBuilder unnamed = null;
    try (ResultSet rs = md.getImportedKeys(ref.catalog(), ref.schema(), ref.name())) {
      while (rs.next()) {
        String name = rs.getString("FK_NAME");
        String parent = rs.getString("PKTABLE_NAME");
        int seq = rs.getInt("KEY_SEQ");
        String[] pair = {rs.getString("FKCOLUMN_NAME"), rs.getString("PKCOLUMN_NAME")};
        FkBuilder fk;
        if (name != null && !name.isEmpty()) {
          fk =
              named.computeIfAbsent(
                  name + "\u0000" + parent,
                  k -> {
                    FkBuilder b = new FkBuilder(name, parent);
                    all.add(b);
                    return b;
                  });
        } else {
          // Unnamed keys (SQLite) come one after another, each starting again at KEY_SEQ 1.
          if (unnamed == null
              || seq <= 1
              || !unnamed.parent.equals(parent)
              || unnamed.pairs.containsKey(seq)) {
            unnamed = new FkBuilder("", parent);
            all.add(unnamed);
          }
          fk = unnamed;
        }
        fk.pairs.put(seq, pair);
      }
    }
    List<ForeignKey> keys = new ArrayList<>();
    Set<String> names = new java.util.HashSet<>();
    for (FkBuilder b : all) {
      List<String> columns = b.pairs.values().stream().map(p -> p[0]).toList();
      List<String> parentColumns = b.pairs.values().stream().map(p -> p[1]).toList();
      if (parentColumns.stream().anyMatch(p -> p == null || p.isEmpty())) {
        // "REFERENCES parent" without columns refers to the parent's primary key
        parentColumns =
            primaryKey(md, new TableRef(ref.catalog(), ref.schema(), b.parent, ref.namespace()));
      }
      String name =
          b.name.isEmpty() || !names.add(b.name)
              ? "fk_" + ref.name() + "_" + String.join("_", columns)
              : b.name;
      names.add(name);
      keys.add(new ForeignKey(name, columns, b.parent, parentColumns, false));
    }
    keys.sort(Comparator.comparing(ForeignKey::parentTable).thenComparing(ForeignKey::name));
    return keys;
  }

  /**
   * DuckDB's driver reports neither foreign keys nor unique constraints; its catalog function does.
   */
  private void duckDbKeys(
      Connection c,
      TableRef ref,
      List<String> primaryKey,
      List<List<String>> uniqueKeys,
      List<ForeignKey> foreignKeys)
      throws SQLException {
    String sql =
        "SELECT constraint_type, constraint_name, constraint_column_names, referenced_table,"
            + " referenced_column_names FROM duckdb_constraints() WHERE database_name = current_database()"
            + " AND schema_name = ? AND table_name = ? AND constraint_type IN ('UNIQUE', 'FOREIGN KEY')"
            + " ORDER BY constraint_index";
    List<List<String>> uniques = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, ref.schema());
      ps.setString(2, ref.name());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          List<String> columns = strings(rs.getArray("constraint_column_names"));
          if ("UNIQUE".equals(rs.getString("constraint_type"))) {
            uniques.add(columns);
          } else {
            foreignKeys.add(
                new ForeignKey(
                    "fk_" + ref.name() + "_" + String.join("_", columns),
                    columns,
                    rs.getString("referenced_table"),
                    strings(rs.getArray("referenced_column_names")),
                    false));
          }
        }
      }
    }
    uniqueKeys.addAll(distinctKeys(uniques, primaryKey));
    foreignKeys.sort(Comparator.comparing(ForeignKey::parentTable).thenComparing(ForeignKey::name));
  }

  private static List<String> strings(Array array) throws SQLException {
    Object[] values = (Object[]) array.getArray();
    List<String> out = new ArrayList<>();
    for (Object v : values) {
      out.add(String.valueOf(v));
    }
    return out;
  }

  private long count(Connection c, Optional<String> namespace, String table) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + qualified(namespace, table))) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private String qualified(Optional<String> namespace, String table) {
    Dialect d = db.dialect();
    return namespace.filter(ns -> d.hasNamespaces()).map(ns -> d.quote(ns) + ".").orElse("")
        + d.quote(table);
  }

  @Override
  public long scan(Table table, List<String> columns, Consumer<RowBatch> consumer) {
    return reader.scan(table, qualified(table.namespace(), table.name()), columns, consumer);
  }

  @Override
  public String describe() {
    return db.maskedUrl();
  }

  @Override
  public void close() {
    db.close();
  }
}
