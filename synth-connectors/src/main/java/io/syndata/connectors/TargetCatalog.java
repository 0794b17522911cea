package io.syndata.connectors;

import io.syndata.schema.Column;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
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

/**
 * What a database target finds in itself: its tables, their spelling of the schema's columns and
 * the columns it computes, and whether a table is empty.
 */
final class TargetCatalog {
  private TargetCatalog() {}

  /** The target's tables in its current namespace, by lower-case name. */
  static Map<String, String> existingTables(Database db, Connection c) throws SQLException {
    Dialect dialect = db.dialect();
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

  static TargetTable checkExisting(Dialect dialect, Connection connection, Table t, String actual)
      throws SQLException {
    requireEmpty(dialect, connection, actual);
    return columnsOf(dialect, connection, t, actual);
  }

  private static void requireEmpty(Dialect dialect, Connection connection, String actual)
      throws SQLException {
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
  }

  /** A table found in the target, with its spelling of the schema's columns. */
  static TargetTable columnsOf(Dialect dialect, Connection connection, Table t, String actual)
      throws SQLException {
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

  /**
   * Foreign keys with constraint names of the form fk_table_columns, unique in the target and at
   * most 60 characters.
   */
  static Map<String, List<TableDdl.NamedKey>> namedKeys(
      List<Table> toCreate, java.util.function.Function<String, TargetTable> tables) {
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
        TargetTable parent = tables.apply(fk.parentTable());
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
    return name.length() <= 60 ? name : name.substring(0, 60);
  }
}
