package io.syndata.export;

import io.syndata.schema.Column;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * SQL scripts for Oracle and SQL Server, rendered by us: jOOQ renders these two dialects only in
 * its commercial editions. Every difference between the two lies in {@link Flavour}: types,
 * identifier quoting, literals, the multi-row INSERT and the statement terminator. Not executed on
 * a real server here (none is available): tests check the structure and parse the scripts with
 * JSqlParser.
 *
 * <ul>
 *   <li>Oracle: {@code NUMBER(19)}, {@code NUMBER(p,s)}, {@code BINARY_DOUBLE}, {@code NUMBER(1)}
 *       with a CHECK for booleans, {@code VARCHAR2(n CHAR)} or {@code CLOB}, {@code DATE}, {@code
 *       INTERVAL DAY(0) TO SECOND(6)} for times (Oracle has no TIME; literals {@code
 *       NUMTODSINTERVAL(seconds, 'SECOND')}), {@code TIMESTAMP(6)}, {@code TIMESTAMP(6) WITH TIME
 *       ZONE}, {@code RAW(16)} for UUIDs; {@code INSERT ALL … SELECT 1 FROM DUAL}; strings with
 *       characters outside printable ASCII as {@code UNISTR('\XXXX')}, so the script is ASCII
 *       whatever the client's character set; long strings in 1,000-character pieces joined with
 *       {@code ||} (as {@code TO_CLOB} pieces for CLOB columns).
 *   <li>SQL Server: {@code BIGINT}, {@code DECIMAL(p,s)}, {@code FLOAT}, {@code BIT}, {@code
 *       NVARCHAR(n)} or {@code NVARCHAR(MAX)}, {@code DATE}, {@code TIME(7)}, {@code DATETIME2(7)},
 *       {@code DATETIMEOFFSET(7)}, {@code UNIQUEIDENTIFIER}; multi-row VALUES of at most 1,000
 *       rows; strings as {@code N'…'} with line breaks as {@code NCHAR(10)} pieces, so no value
 *       line can be read as sqlcmd's {@code GO}; a {@code GO} after each statement.
 * </ul>
 */
final class CommercialSqlDialect implements ScriptDialect {
  static final List<String> NAMES = List.of("oracle", "sqlserver");

  /** Characters per string literal piece: well inside both dialects' literal limits. */
  static final int PIECE = 1000;

  enum Flavour {
    ORACLE(30, 4000),
    SQLSERVER(128, 4000);

    /** The longest constraint name (Oracle before 12.2 allows 30 bytes). */
    final int maxName;

    /** The longest bounded string column; longer or unbounded ones are CLOB / NVARCHAR(MAX). */
    final int maxVarchar;

    Flavour(int maxName, int maxVarchar) {
      this.maxName = maxName;
      this.maxVarchar = maxVarchar;
    }
  }

  private final Flavour flavour;

  private CommercialSqlDialect(Flavour flavour) {
    this.flavour = flavour;
  }

  static CommercialSqlDialect of(String name) {
    return new CommercialSqlDialect(name.equals("oracle") ? Flavour.ORACLE : Flavour.SQLSERVER);
  }

  @Override
  public String name() {
    return flavour == Flavour.ORACLE ? "oracle" : "sqlserver";
  }

  @Override
  public String terminator() {
    return flavour == Flavour.ORACLE ? ";\n" : ";\nGO\n";
  }

  @Override
  public int maxRowsPerInsert() {
    return flavour == Flavour.ORACLE ? Integer.MAX_VALUE : 1000;
  }

  String quote(String identifier) {
    return flavour == Flavour.ORACLE
        ? "\"" + identifier.replace("\"", "\"\"") + "\""
        : "[" + identifier.replace("]", "]]") + "]";
  }

  private String columns(List<String> names) {
    return String.join(", ", names.stream().map(this::quote).toList());
  }

  @Override
  public List<String> createTables(Schema schema) {
    List<Table> order = ForeignKeyGraph.of(schema).generationOrder();
    List<String> statements = new ArrayList<>();
    for (Table t : order) {
      statements.add(createTable(t));
    }
    Set<String> used = new HashSet<>();
    for (Table t : order) {
      for (ForeignKey fk : t.foreignKeys()) {
        statements.add(
            "ALTER TABLE "
                + quote(t.name())
                + " ADD CONSTRAINT "
                + quote(constraintName(t, fk, used))
                + " FOREIGN KEY ("
                + columns(fk.columns())
                + ") REFERENCES "
                + quote(fk.parentTable())
                + " ("
                + columns(fk.parentColumns())
                + ")");
      }
    }
    return statements;
  }

  /** fk_table_columns, as the database target names them, cut to the dialect's limit, unique. */
  private String constraintName(Table t, ForeignKey fk, Set<String> used) {
    String base = cut("fk_" + t.name() + "_" + String.join("_", fk.columns()), 0);
    String name = base;
    for (int i = 2; used.contains(name.toLowerCase(Locale.ROOT)); i++) {
      String suffix = "_" + i;
      name = cut(base, suffix.length()) + suffix;
    }
    used.add(name.toLowerCase(Locale.ROOT));
    return name;
  }

  private String cut(String name, int room) {
    int max = flavour.maxName - room;
    return name.length() <= max ? name : name.substring(0, max);
  }

  private static Set<String> keyed(Table t) {
    Set<String> keyed = new HashSet<>(t.primaryKey());
    t.uniqueKeys().forEach(keyed::addAll);
    t.foreignKeys().forEach(fk -> keyed.addAll(fk.columns()));
    return keyed;
  }

  private final java.util.Map<String, Set<String>> keyedByTable = new java.util.HashMap<>();

  private boolean isClob(Table t, Column c) {
    Set<String> keyed = keyedByTable.computeIfAbsent(t.name(), k -> keyed(t));
    return type(c, keyed.contains(c.name())).equals("CLOB");
  }

  private String createTable(Table t) {
    Set<String> keyed = keyed(t);
    List<String> parts = new ArrayList<>();
    for (Column c : t.writtenColumns()) {
      String part = quote(c.name()) + " " + type(c, keyed.contains(c.name()));
      if (!c.nullable()) {
        part += " NOT NULL";
      }
      if (c.type() == io.syndata.schema.DataType.BOOLEAN && flavour == Flavour.ORACLE) {
        part += " CHECK (" + quote(c.name()) + " IN (0, 1))";
      }
      parts.add(part);
    }
    if (!t.primaryKey().isEmpty()) {
      parts.add("PRIMARY KEY (" + columns(t.primaryKey()) + ")");
    }
    for (List<String> unique : t.uniqueKeys()) {
      parts.add("UNIQUE (" + columns(unique) + ")");
    }
    return "CREATE TABLE " + quote(t.name()) + " (\n  " + String.join(",\n  ", parts) + "\n)";
  }

  /** The column's type; a key column gets a bounded string type, since LOBs cannot be indexed. */
  String type(Column c, boolean inKey) {
    boolean oracle = flavour == Flavour.ORACLE;
    return switch (c.type()) {
      case BOOLEAN -> oracle ? "NUMBER(1)" : "BIT";
      case INTEGER -> oracle ? "NUMBER(19)" : "BIGINT";
      case DECIMAL -> decimal(c);
      case FLOAT -> oracle ? "BINARY_DOUBLE" : "FLOAT";
      case STRING -> {
        int length = c.length() > 0 && c.length() <= flavour.maxVarchar ? c.length() : 0;
        if (length == 0 && inKey) {
          // An index key holds at most 6,398 bytes in Oracle (8 KB blocks; 1,000 characters of up
          // to 4 bytes fit) and 900 in SQL Server (a clustered key: 450 UTF-16 characters).
          length = oracle ? 1000 : 450;
        }
        yield length > 0
            ? (oracle ? "VARCHAR2(" + length + " CHAR)" : "NVARCHAR(" + length + ")")
            : (oracle ? "CLOB" : "NVARCHAR(MAX)");
      }
      case DATE -> "DATE";
      case TIME -> oracle ? "INTERVAL DAY(0) TO SECOND(6)" : "TIME(7)";
      case TIMESTAMP -> oracle ? "TIMESTAMP(6)" : "DATETIME2(7)";
      case TIMESTAMP_TZ -> oracle ? "TIMESTAMP(6) WITH TIME ZONE" : "DATETIMEOFFSET(7)";
      case UUID -> oracle ? "RAW(16)" : "UNIQUEIDENTIFIER";
    };
  }

  /**
   * The declared precision and scale where both dialects hold them (up to 38 digits); else Oracle's
   * unbounded NUMBER, and SQL Server's widest DECIMAL(38, s) with the declared scale (10 when
   * none).
   */
  private String decimal(Column c) {
    boolean declared = c.precision() > 0 && c.precision() <= 38 && c.scale() >= 0;
    if (declared) {
      return (flavour == Flavour.ORACLE ? "NUMBER(" : "DECIMAL(")
          + c.precision()
          + ", "
          + Math.min(c.scale(), c.precision())
          + ")";
    }
    return flavour == Flavour.ORACLE
        ? "NUMBER"
        : "DECIMAL(38, " + (c.scale() > 0 ? Math.min(c.scale(), 38) : 10) + ")";
  }

  @Override
  public String insert(Table table, List<String> columns, List<Object[]> rows) {
    Column[] typed = columns.stream().map(table::column).toArray(Column[]::new);
    StringBuilder sb = new StringBuilder(64 + rows.size() * columns.size() * 12);
    String into = quote(table.name()) + " (" + columns(columns) + ")";
    if (flavour == Flavour.ORACLE) {
      // INSERT ALL is Oracle's multi-row INSERT before 23ai's VALUES lists.
      sb.append(rows.size() == 1 ? "INSERT INTO " : "INSERT ALL");
      for (Object[] row : rows) {
        if (rows.size() > 1) {
          sb.append("\n  INTO ");
        }
        sb.append(into).append(" VALUES ");
        values(sb, table, typed, row);
      }
      if (rows.size() > 1) {
        sb.append("\nSELECT 1 FROM DUAL");
      }
      return sb.toString();
    }
    sb.append("INSERT INTO ").append(into).append(" VALUES");
    for (int r = 0; r < rows.size(); r++) {
      sb.append(r == 0 ? "\n  " : ",\n  ");
      values(sb, table, typed, rows.get(r));
    }
    return sb.toString();
  }

  private void values(StringBuilder sb, Table table, Column[] typed, Object[] row) {
    sb.append('(');
    for (int c = 0; c < row.length; c++) {
      if (c > 0) {
        sb.append(", ");
      }
      sb.append(literal(table, typed[c], row[c]));
    }
    sb.append(')');
  }

  @Override
  public String update(
      Table table, List<String> columns, Object[] values, List<String> keyColumns, Object[] key) {
    List<String> set = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      set.add(
          quote(columns.get(c)) + " = " + literal(table, table.column(columns.get(c)), values[c]));
    }
    List<String> where = new ArrayList<>();
    for (int k = 0; k < keyColumns.size(); k++) {
      Column c = table.column(keyColumns.get(k));
      where.add(
          quote(c.name()) + (key[k] == null ? " IS NULL" : " = " + literal(table, c, key[k])));
    }
    return "UPDATE "
        + quote(table.name())
        + " SET "
        + String.join(", ", set)
        + " WHERE "
        + String.join(" AND ", where);
  }

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

  /** A value as a literal of the column's type in this dialect. */
  String literal(Table table, Column c, Object v) {
    if (v == null) {
      return "NULL";
    }
    boolean oracle = flavour == Flavour.ORACLE;
    return switch (c.type()) {
      case BOOLEAN -> (Boolean) v ? "1" : "0";
      case INTEGER -> Long.toString(((Number) v).longValue());
      case DECIMAL -> ((BigDecimal) v).toPlainString();
      case FLOAT -> floating(table, c, ((Number) v).doubleValue());
      case STRING -> oracle ? OracleText.literal((String) v, isClob(table, c)) : nText((String) v);
      case DATE -> (oracle ? "DATE " : "") + "'" + v + "'";
      case TIME ->
          oracle
              ? "NUMTODSINTERVAL("
                  + BigDecimal.valueOf(((LocalTime) v).toNanoOfDay(), 9)
                      .stripTrailingZeros()
                      .toPlainString()
                  + ", 'SECOND')"
              : "'" + time((LocalTime) v) + "'";
      case TIMESTAMP ->
          oracle
              ? "TIMESTAMP '" + STAMP.format((LocalDateTime) v) + "'"
              : "'" + STAMP.format((LocalDateTime) v) + "'";
      case TIMESTAMP_TZ -> {
        String text =
            STAMP.format(((OffsetDateTime) v).withOffsetSameInstant(ZoneOffset.UTC)) + " +00:00";
        yield oracle ? "TIMESTAMP '" + text + "'" : "'" + text + "'";
      }
      case UUID ->
          oracle
              ? "HEXTORAW('" + v.toString().replace("-", "").toUpperCase(Locale.ROOT) + "')"
              : "'" + ((UUID) v) + "'";
    };
  }

  private static String time(LocalTime t) {
    return DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS", Locale.ROOT).format(t);
  }

  private String floating(Table table, Column c, double d) {
    if (flavour == Flavour.ORACLE) {
      if (Double.isNaN(d)) {
        return "BINARY_DOUBLE_NAN";
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? "BINARY_DOUBLE_INFINITY" : "-BINARY_DOUBLE_INFINITY";
      }
      if (Math.abs(d) == Double.MAX_VALUE) {
        return d > 0 ? "BINARY_DOUBLE_MAX_NORMAL" : "-BINARY_DOUBLE_MAX_NORMAL";
      }
      double abs = Math.abs(d);
      // A NUMBER literal (converted to the nearest double on insert) where NUMBER's range holds
      // it; beyond, Oracle's BINARY_DOUBLE literal suffix.
      return abs == 0 || (abs >= 1e-129 && abs < 1e125)
          ? Double.toString(d)
          : Double.toString(d) + "D";
    }
    if (!Double.isFinite(d)) {
      throw new SynthException(
          "table "
              + table.name()
              + ", column "
              + c.name()
              + ": "
              + d
              + " has no SQL Server FLOAT literal (FLOAT holds no NaN or infinity)");
    }
    return Double.toString(d);
  }

  /**
   * SQL Server's Unicode literal: {@code N'…'} with quotes doubled; CR and LF as {@code NCHAR(13)}
   * and {@code NCHAR(10)} pieces so that every value stays on its line; long values in pieces of
   * {@link #PIECE} characters, the first cast to NVARCHAR(MAX) so that joining does not truncate at
   * 4,000 characters.
   */
  static String nText(String s) {
    List<String> pieces = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\n' || ch == '\r') {
        if (current.length() > 0) {
          pieces.add("N'" + current + "'");
          current.setLength(0);
        }
        pieces.add(ch == '\n' ? "NCHAR(10)" : "NCHAR(13)");
      } else {
        current.append(ch == '\'' ? "''" : String.valueOf(ch));
        boolean split = current.length() >= PIECE && !Character.isHighSurrogate(ch);
        if (split) {
          pieces.add("N'" + current + "'");
          current.setLength(0);
        }
      }
    }
    if (current.length() > 0 || pieces.isEmpty()) {
      pieces.add("N'" + current + "'");
    }
    if (pieces.size() == 1) {
      return pieces.get(0);
    }
    String joined = String.join(" + ", pieces);
    return s.length() > 4000 ? "CAST(N'' AS NVARCHAR(MAX)) + " + joined : "(" + joined + ")";
  }
}
