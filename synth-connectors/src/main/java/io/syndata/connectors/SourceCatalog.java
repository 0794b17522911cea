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
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a database's own catalog says beyond JDBC metadata: exact column types, enumeration labels,
 * domains, defaults, comments, identity and computed columns, CHECK constraints and partitions
 * (PostgreSQL's {@code pg_catalog}, MariaDB's and MySQL's {@code information_schema}, SQLite's
 * table DDL); and what introspection leaves out but reports (views, materialised views, triggers,
 * partitions and inheritance children, which are read through their parent). Other databases get
 * nothing more than JDBC metadata gives.
 */
final class SourceCatalog {
  private static final Logger LOG = LoggerFactory.getLogger(SourceCatalog.class);
  private static final Pattern SQLITE_CHECK =
      Pattern.compile("(?i)(?:constraint\\s+(\"?\\w+\"?)\\s+)?check\\s*\\(");

  private final Dialect dialect;

  SourceCatalog(Dialect dialect) {
    this.dialect = dialect;
  }

  /**
   * Tables of a namespace that are read through another table (PostgreSQL partitions and
   * inheritance children), reported once; introspection leaves them out.
   */
  Set<String> readThroughParent(Connection c, String namespace) throws SQLException {
    Set<String> children = new TreeSet<>();
    if (dialect != Dialect.POSTGRES) {
      return children;
    }
    String sql =
        "SELECT ch.relname, pa.relname, ch.relispartition FROM pg_inherits i"
            + " JOIN pg_class ch ON ch.oid = i.inhrelid JOIN pg_class pa ON pa.oid = i.inhparent"
            + " JOIN pg_namespace n ON n.oid = ch.relnamespace WHERE n.nspname = ?"
            + " ORDER BY pa.relname, ch.relname";
    List<String> lines = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, namespace);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          children.add(rs.getString(1));
          lines.add(
              rs.getString(1)
                  + (rs.getBoolean(3) ? " (partition of " : " (inherits ")
                  + rs.getString(2)
                  + ")");
        }
      }
    }
    if (!lines.isEmpty()) {
      LOG.warn(
          "{} read through their parent table, not as tables of their own: {}",
          lines.size() == 1 ? "1 table is" : lines.size() + " tables are",
          String.join(", ", lines));
    }
    return children;
  }

  /** Reports, in one line, the views, materialised views and triggers of a namespace. */
  void reportOthers(Connection c, Optional<String> namespace) throws SQLException {
    String sql =
        switch (dialect) {
          case POSTGRES ->
              "SELECT CASE c.relkind WHEN 'v' THEN 'view' ELSE 'materialized view' END, c.relname"
                  + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                  + " WHERE n.nspname = ? AND c.relkind IN ('v', 'm')"
                  + " UNION ALL SELECT 'trigger', t.tgname || ' on ' || c.relname FROM pg_trigger t"
                  + " JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                  + " WHERE n.nspname = ? AND NOT t.tgisinternal ORDER BY 1, 2";
          case MARIADB, MYSQL ->
              "SELECT 'view', TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?"
                  + " UNION ALL SELECT 'trigger', CONCAT(TRIGGER_NAME, ' on ', EVENT_OBJECT_TABLE)"
                  + " FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? ORDER BY 1, 2";
          case SQLITE ->
              "SELECT type, name || CASE WHEN type = 'trigger' THEN ' on ' || tbl_name ELSE '' END"
                  + " FROM sqlite_master WHERE type IN ('view', 'trigger') ORDER BY 1, 2";
          default -> null;
        };
    if (sql == null) {
      return;
    }
    Map<String, List<String>> found = new java.util.TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (dialect != Dialect.SQLITE) {
        ps.setString(1, namespace.orElse(""));
        ps.setString(2, namespace.orElse(""));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
    }
    if (!found.isEmpty()) {
      List<String> parts = new ArrayList<>();
      found.forEach((kind, names) -> parts.add(names.size() + " " + kind + "s " + names));
      LOG.warn(
          "the source also has {}: they are not synthesized (the target gets tables only)",
          String.join(", ", parts));
    }
  }

  /** The table with what the catalog adds to its columns, its CHECK constraints and partitions. */
  Table enrich(Connection c, Table table, String schema) throws SQLException {
    return switch (dialect) {
      case POSTGRES -> PostgresCatalog.enrich(c, table, schema);
      case MARIADB, MYSQL -> mysql(c, table, schema, dialect.dialectName());
      case SQLITE -> sqlite(c, table);
      default -> table;
    };
  }

  private static Table mysql(Connection c, Table table, String schema, String dialectName)
      throws SQLException {
    Map<String, SqlDetail> details = new HashMap<>();
    String sql =
        "SELECT COLUMN_NAME, COLUMN_TYPE, COLUMN_DEFAULT, COLUMN_COMMENT, EXTRA,"
            + " GENERATION_EXPRESSION FROM information_schema.COLUMNS"
            + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, schema);
      ps.setString(2, table.name());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String type = rs.getString(2);
          String extra = String.valueOf(rs.getString(5)).toLowerCase(Locale.ROOT);
          String generation = rs.getString(6);
          boolean computed =
              extra.contains("generated") && generation != null && !generation.isBlank();
          String dflt = rs.getString(3);
          // MariaDB prints a NULL default as the word NULL, and string defaults quoted
          Optional<String> defaultValue =
              dflt == null || dflt.equalsIgnoreCase("NULL") || computed
                  ? Optional.empty()
                  : Optional.of(mysqlDefault(dflt, type));
          String comment = rs.getString(4);
          SqlDetail d =
              SqlDetail.of(dialectName, type, ValueFormat.PLAIN)
                  .withLabels(labels(type))
                  .withUnsigned(type.toLowerCase(Locale.ROOT).contains("unsigned"))
                  .withDeclarations(
                      defaultValue,
                      comment == null || comment.isEmpty()
                          ? Optional.empty()
                          : Optional.of(comment),
                      computed ? Optional.of(generation) : Optional.empty(),
                      extra.contains("auto_increment"));
          details.put(rs.getString(1), d);
        }
      }
    }
    List<TableDetail.Check> checks = new ArrayList<>();
    Set<String> jsonColumns = new TreeSet<>();
    String checkSql =
        "SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
            + " WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ? ORDER BY CONSTRAINT_NAME";
    try (PreparedStatement ps = c.prepareStatement(checkSql)) {
      ps.setString(1, schema);
      ps.setString(2, table.name());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String clause = rs.getString(2);
          Matcher json = Pattern.compile("(?i)^json_valid\\(`([^`]+)`\\)$").matcher(clause.trim());
          if (json.matches()) {
            jsonColumns.add(json.group(1)); // MariaDB's JSON is LONGTEXT with this check
          } else {
            checks.add(new TableDetail.Check(rs.getString(1), clause, dialectName));
          }
        }
      }
    } catch (SQLException e) {
      // MySQL before 8.0.16 and old MariaDB have no CHECK_CONSTRAINTS table
      LOG.debug("no CHECK constraints read from {}: {}", table.name(), e.getMessage());
    }
    Optional<String> comment = Optional.empty();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
      ps.setString(1, schema);
      ps.setString(2, table.name());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next() && rs.getString(1) != null && !rs.getString(1).isEmpty()) {
          comment = Optional.of(rs.getString(1));
        }
      }
    }
    List<Column> columns = new ArrayList<>();
    for (Column col : table.columns()) {
      SqlDetail d = details.get(col.name());
      if (d == null) {
        columns.add(col);
        continue;
      }
      ValueFormat format = jsonColumns.contains(col.name()) ? ValueFormat.JSON : col.format();
      SqlDetail detail =
          new SqlDetail(
              d.dialect(),
              jsonColumns.contains(col.name()) ? "json" : d.type(),
              format,
              d.labels(),
              Optional.empty(),
              d.defaultValue(),
              d.comment(),
              d.generatedAs(),
              d.identity(),
              d.unsigned());
      Column updated = col.withSql(Optional.of(detail));
      if (format == ValueFormat.JSON && updated.kind() != ColumnKind.ID) {
        updated = updated.withKind(ColumnKind.TEXT, Optional.empty());
      }
      columns.add(updated);
    }
    return table
        .withColumns(columns)
        .withSql(Optional.of(new TableDetail(checks, comment, Optional.empty(), List.of())));
  }

  /** A MariaDB default as DDL: string defaults come quoted there, MySQL's come bare. */
  private static String mysqlDefault(String dflt, String type) {
    String t = type.toLowerCase(Locale.ROOT);
    boolean textual =
        t.contains("char") || t.contains("text") || t.startsWith("enum") || t.startsWith("set");
    if (!textual || dflt.startsWith("'")) {
      return dflt;
    }
    return "'" + dflt.replace("'", "''") + "'";
  }

  /** The labels of {@code enum('a','b')} or {@code set('a','b')}; empty for other types. */
  static List<String> labels(String type) {
    String t = type.trim();
    String lower = t.toLowerCase(Locale.ROOT);
    if (!(lower.startsWith("enum(") || lower.startsWith("set(")) || !t.endsWith(")")) {
      return List.of();
    }
    List<String> labels = new ArrayList<>();
    Matcher m = Pattern.compile("'((?:[^']|'')*)'").matcher(t.substring(t.indexOf('(')));
    while (m.find()) {
      labels.add(m.group(1).replace("''", "'"));
    }
    return labels;
  }

  /** SQLite keeps a table's DDL as written: its CHECK clauses are read from there. */
  private static Table sqlite(Connection c, Table table) throws SQLException {
    String ddl;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")) {
      ps.setString(1, table.name());
      try (ResultSet rs = ps.executeQuery()) {
        ddl = rs.next() ? rs.getString(1) : null;
      }
    }
    if (ddl == null) {
      return table;
    }
    List<TableDetail.Check> checks = new ArrayList<>();
    Matcher m = SQLITE_CHECK.matcher(ddl);
    while (m.find()) {
      int open = m.end() - 1;
      int depth = 0;
      boolean quoted = false;
      for (int i = open; i < ddl.length(); i++) {
        char ch = ddl.charAt(i);
        if (ch == '\'') {
          quoted = !quoted;
        } else if (!quoted && ch == '(') {
          depth++;
        } else if (!quoted && ch == ')' && --depth == 0) {
          String name = m.group(1) == null ? "" : m.group(1).replace("\"", "");
          checks.add(new TableDetail.Check(name, ddl.substring(open + 1, i).trim(), "sqlite"));
          break;
        }
      }
    }
    return checks.isEmpty()
        ? table
        : table.withSql(
            Optional.of(new TableDetail(checks, Optional.empty(), Optional.empty(), List.of())));
  }
}
