package io.syndata.connectors;

import io.syndata.schema.Column;
import io.syndata.schema.ColumnKind;
import io.syndata.schema.SqlDetail;
import io.syndata.schema.Table;
import io.syndata.schema.TableDetail;
import io.syndata.schema.ValueFormat;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL's catalog read for one table: each column's exact type ({@code format_type}), enum
 * labels and the statement creating the enum or domain, default, comment, identity and generation
 * expression; the table's CHECK constraints, comment, partition key and partitions.
 */
final class PostgresCatalog {
  private PostgresCatalog() {}

  private static final String COLUMNS =
      "SELECT a.attname, format_type(a.atttypid, a.atttypmod), t.typtype, t.typcategory,"
          + " quote_ident(tn.nspname) || '.' || quote_ident(t.typname), t.oid,"
          + " pg_get_expr(d.adbin, d.adrelid), col_description(a.attrelid, a.attnum),"
          + " a.attidentity, a.attgenerated, format_type(t.typbasetype, t.typtypmod),"
          + " t.typnotnull, t.typdefault, bt.typtype, bt.typname, et.typname"
          + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
          + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid"
          + " JOIN pg_namespace tn ON tn.oid = t.typnamespace"
          + " LEFT JOIN pg_type bt ON bt.oid = t.typbasetype"
          + " LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'"
          + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
          + " WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped";

  static Table enrich(Connection c, Table table, String schema) throws SQLException {
    Map<String, Column> byName = new HashMap<>();
    table.columns().forEach(col -> byName.put(col.name(), col));
    Map<String, Column> updated = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
      ps.setString(1, schema);
      ps.setString(2, table.name());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Column col = byName.get(rs.getString(1));
          if (col != null) {
            updated.put(col.name(), column(c, col, rs));
          }
        }
      }
    }
    List<Column> columns = new ArrayList<>();
    table.columns().forEach(col -> columns.add(updated.getOrDefault(col.name(), col)));
    return table.withColumns(columns).withSql(Optional.of(detail(c, table.name(), schema)));
  }

  private static Column column(Connection c, Column col, ResultSet rs) throws SQLException {
    String type = rs.getString(2);
    String typtype = rs.getString(3);
    String qualified = rs.getString(5);
    String dflt = rs.getString(7);
    String identity = rs.getString(9);
    String generated = rs.getString(10);
    boolean computed = "s".equals(generated);
    boolean serial = dflt != null && dflt.startsWith("nextval(");
    ValueFormat format = col.format();
    List<String> labels = List.of();
    Optional<String> definition = Optional.empty();
    ColumnKind kind = col.kind();
    if ("e".equals(typtype)) {
      labels = enumLabels(c, rs.getLong(6));
      format = ValueFormat.ENUM;
      definition =
          Optional.of(
              "CREATE TYPE "
                  + qualified
                  + " AS ENUM ("
                  + String.join(", ", labels.stream().map(PostgresCatalog::literal).toList())
                  + ")");
      if (kind != ColumnKind.ID) {
        kind = ColumnKind.CATEGORICAL;
      }
    } else if ("d".equals(typtype)) {
      String base = rs.getString(11);
      StringBuilder ddl =
          new StringBuilder("CREATE DOMAIN ").append(qualified).append(" AS ").append(base);
      if (rs.getString(13) != null) {
        ddl.append(" DEFAULT ").append(rs.getString(13));
      }
      if (rs.getBoolean(12)) {
        ddl.append(" NOT NULL");
      }
      for (String check : domainChecks(c, rs.getLong(6))) {
        ddl.append(' ').append(check);
      }
      definition = Optional.of(ddl.toString());
      // the domain's base type says what the values are
      format = SqlTypes.map(rs.getString(15), 0, 0, 0).format();
      if ("e".equals(rs.getString(14))) {
        format = ValueFormat.OTHER; // a domain over an enum: left as text
      }
    } else if ("A".equals(rs.getString(4))) {
      format = ValueFormat.ARRAY;
    } else if ("r".equals(typtype)) {
      format = ValueFormat.RANGE;
    }
    boolean generatedFormat =
        format != ValueFormat.PLAIN
            && format != ValueFormat.ENUM
            && format != ValueFormat.SET
            && format != ValueFormat.OTHER;
    if (generatedFormat && kind != ColumnKind.ID) {
      kind = ColumnKind.TEXT;
    }
    SqlDetail detail =
        new SqlDetail(
            "postgresql",
            type,
            format,
            labels,
            definition,
            serial || computed ? Optional.empty() : Optional.ofNullable(dflt),
            Optional.ofNullable(rs.getString(8)),
            computed ? Optional.ofNullable(dflt) : Optional.empty(),
            serial || "a".equals(identity) || "d".equals(identity),
            false);
    return new Column(
        col.name(),
        col.type(),
        col.sqlType(),
        col.length(),
        col.precision(),
        col.scale(),
        col.nullable(),
        kind,
        col.pii(),
        col.excluded(),
        Optional.of(detail));
  }

  private static List<String> enumLabels(Connection c, long type) throws SQLException {
    List<String> labels = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT enumlabel FROM pg_enum WHERE enumtypid = ? ORDER BY enumsortorder")) {
      ps.setLong(1, type);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          labels.add(rs.getString(1));
        }
      }
    }
    return labels;
  }

  private static List<String> domainChecks(Connection c, long type) throws SQLException {
    List<String> checks = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE contypid = ? AND contype = 'c'"
                + " ORDER BY conname")) {
      ps.setLong(1, type);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          checks.add(rs.getString(1));
        }
      }
    }
    return checks;
  }

  private static TableDetail detail(Connection c, String table, String schema) throws SQLException {
    List<TableDetail.Check> checks = new ArrayList<>();
    Optional<String> comment = Optional.empty();
    Optional<String> partitionBy = Optional.empty();
    List<TableDetail.Partition> partitions = new ArrayList<>();
    long oid;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT c.oid, obj_description(c.oid, 'pg_class'), CASE WHEN c.relkind = 'p'"
                + " THEN pg_get_partkeydef(c.oid) END FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?")) {
      ps.setString(1, schema);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return TableDetail.NONE;
        }
        oid = rs.getLong(1);
        comment = Optional.ofNullable(rs.getString(2));
        partitionBy = Optional.ofNullable(rs.getString(3));
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                + " WHERE conrelid = ? AND contype = 'c' ORDER BY conname")) {
      ps.setLong(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String def = rs.getString(2).replaceFirst("(?i)\\s+NOT VALID$", "");
          if (def.toUpperCase(Locale.ROOT).startsWith("CHECK")) {
            def = def.substring(5).trim();
          }
          checks.add(new TableDetail.Check(rs.getString(1), def, "postgresql"));
        }
      }
    }
    if (partitionBy.isPresent()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT ch.relname, pg_get_expr(ch.relpartbound, ch.oid) FROM pg_inherits i"
                  + " JOIN pg_class ch ON ch.oid = i.inhrelid WHERE i.inhparent = ? ORDER BY 1")) {
        ps.setLong(1, oid);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            partitions.add(new TableDetail.Partition(rs.getString(1), rs.getString(2)));
          }
        }
      }
    }
    return new TableDetail(checks, comment, partitionBy, partitions);
  }

  static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
