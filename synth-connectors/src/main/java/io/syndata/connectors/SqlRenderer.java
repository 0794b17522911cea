package io.syndata.connectors;

import io.syndata.schema.ForeignKey;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.conf.ParamType;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * SQL text in a database's dialect, without a connection: the DDL the database target runs (same
 * types, keys and constraint names) and INSERT and UPDATE statements with values inlined as
 * literals, quoted by jOOQ for the dialect. For writing SQL scripts.
 */
public final class SqlRenderer {
  private static final Map<String, Dialect> DIALECTS = new LinkedHashMap<>();

  static {
    DIALECTS.put("postgresql", Dialect.POSTGRES);
    DIALECTS.put("mysql", Dialect.MYSQL);
    DIALECTS.put("mariadb", Dialect.MARIADB);
    DIALECTS.put("h2", Dialect.H2);
    DIALECTS.put("sqlite", Dialect.SQLITE);
  }

  private static final int MAX_NAME = 60;

  private final String name;
  private final Dialect dialect;
  private final TableDdl ddl;
  private final DSLContext sql;

  private SqlRenderer(String name, Dialect dialect) {
    this.name = name;
    this.dialect = dialect;
    this.ddl = new TableDdl(dialect);
    this.sql = DSL.using(dialect.jooq(), new Settings().withRenderFormatted(false));
  }

  /** The dialect names {@link #of} takes. */
  public static List<String> dialects() {
    return List.copyOf(DIALECTS.keySet());
  }

  /**
   * @throws SynthException listing the dialects when {@code dialect} is not one of them
   */
  public static SqlRenderer of(String dialect) {
    String key = dialect.trim().toLowerCase(Locale.ROOT);
    Dialect d = DIALECTS.get(key);
    if (d == null) {
      throw new SynthException(
          "unknown SQL dialect " + dialect + ": choose from " + String.join(", ", dialects()));
    }
    return new SqlRenderer(key, d);
  }

  public String name() {
    return name;
  }

  /**
   * CREATE TABLE for every table, parents first, with primary and unique keys; foreign keys inline
   * where the dialect declares them so (SQLite), else as ALTER TABLE once all tables exist. No
   * statement ends with a semicolon.
   */
  public List<String> createTables(Schema schema) {
    List<Table> order = ForeignKeyGraph.of(schema).generationOrder();
    Map<String, List<TableDdl.NamedKey>> keys = namedKeys(order);
    boolean inline = dialect.foreignKeyStyle() != Dialect.ForeignKeyStyle.ALTER;
    List<String> statements = new ArrayList<>();
    for (Table t : order) {
      statements.add(ddl.createTable(t.name(), t, inline ? keys.get(t.name()) : List.of()));
    }
    if (!inline) {
      for (Table t : order) {
        for (TableDdl.NamedKey k : keys.get(t.name())) {
          statements.add(ddl.addForeignKey(t.name(), k));
        }
      }
    }
    return statements;
  }

  /** Constraint names as the database target gives them: fk_table_columns, unique, short. */
  private static Map<String, List<TableDdl.NamedKey>> namedKeys(List<Table> tables) {
    Set<String> used = new HashSet<>();
    Map<String, List<TableDdl.NamedKey>> keys = new LinkedHashMap<>();
    for (Table t : tables) {
      List<TableDdl.NamedKey> named = new ArrayList<>();
      for (ForeignKey fk : t.foreignKeys()) {
        String base = "fk_" + t.name() + "_" + String.join("_", fk.columns());
        String constraint = truncate(base);
        if (used.contains(constraint.toLowerCase(Locale.ROOT))) {
          constraint = truncate(t.name() + "_" + base);
        }
        for (int i = 2; used.contains(constraint.toLowerCase(Locale.ROOT)); i++) {
          constraint = truncate(base) + "_" + i;
        }
        used.add(constraint.toLowerCase(Locale.ROOT));
        named.add(new TableDdl.NamedKey(constraint, fk, fk.parentTable()));
      }
      keys.put(t.name(), named);
    }
    return keys;
  }

  private static String truncate(String name) {
    return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
  }

  /**
   * One multi-row INSERT of {@code rows}, each holding the values of {@code columns} in order, in
   * their canonical Java types. No semicolon.
   */
  public String insert(Table table, List<String> columns, List<Object[]> rows) {
    List<Field<Object>> fields = columns.stream().map(c -> DSL.field(DSL.name(c))).toList();
    InsertValuesStepN<Record> insert = sql.insertInto(DSL.table(DSL.name(table.name())), fields);
    for (Object[] row : rows) {
      List<Field<?>> values = new ArrayList<>(row.length);
      for (Object v : row) {
        values.add(literal(v));
      }
      insert = insert.values(values);
    }
    return insert.getSQL(ParamType.INLINED);
  }

  /** UPDATE setting {@code columns} of the row whose {@code keyColumns} hold {@code key}. */
  public String update(
      Table table, List<String> columns, Object[] values, List<String> keyColumns, Object[] key) {
    Map<Field<?>, Field<?>> set = new LinkedHashMap<>();
    for (int c = 0; c < columns.size(); c++) {
      set.put(DSL.field(DSL.name(columns.get(c))), literal(values[c]));
    }
    List<org.jooq.Condition> where = new ArrayList<>();
    for (int k = 0; k < keyColumns.size(); k++) {
      Field<Object> f = DSL.field(DSL.name(keyColumns.get(k)));
      where.add(key[k] == null ? f.isNull() : f.eq(literal(key[k])));
    }
    return sql.update(DSL.table(DSL.name(table.name())))
        .set(set)
        .where(where)
        .getSQL(ParamType.INLINED);
  }

  private Field<?> literal(Object value) {
    if (value == null) {
      return DSL.inline((Object) null);
    }
    Object bound = dialect.bindable(value);
    // jOOQ renders a time literal in whole seconds, and an untyped temporal literal may be cast
    // to the type's default precision: give both their fractions explicitly.
    if (bound instanceof LocalTime t) {
      return DSL.cast(DSL.inline(t.toString()), SQLDataType.LOCALTIME(6));
    }
    if (bound instanceof LocalDateTime t) {
      return DSL.inline(t, SQLDataType.LOCALDATETIME(6));
    }
    if (bound instanceof OffsetDateTime t) {
      return DSL.inline(t, SQLDataType.OFFSETDATETIME(6));
    }
    return DSL.inline(bound);
  }

  /** The dialect's quoted form of an identifier. */
  public String quote(String identifier) {
    return dialect.quote(identifier);
  }

  /** Whether {@link #copy} works in this dialect: PostgreSQL's COPY, as psql runs it. */
  public boolean copies() {
    return dialect == Dialect.POSTGRES;
  }

  /**
   * A PostgreSQL COPY block for psql: {@code COPY … FROM stdin (FORMAT csv);}, the rows as CSV
   * (strings always quoted, so that an empty string stays distinct from NULL, an empty field), and
   * the end marker {@code \.}.
   *
   * @throws IllegalStateException in a dialect other than PostgreSQL
   */
  public String copy(Table table, List<String> columns, List<Object[]> rows) {
    if (!copies()) {
      throw new IllegalStateException("COPY is PostgreSQL's, not " + name + "'s");
    }
    StringBuilder sb = new StringBuilder(64 + rows.size() * columns.size() * 10);
    sb.append("COPY ")
        .append(dialect.quote(table.name()))
        .append(" (")
        .append(String.join(", ", columns.stream().map(dialect::quote).toList()))
        .append(") FROM stdin (FORMAT csv);\n");
    for (Object[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        if (c > 0) {
          sb.append(',');
        }
        Object v = row[c];
        if (v instanceof String str) {
          sb.append('"').append(str.replace("\"", "\"\"")).append('"');
        } else if (v != null) {
          sb.append(TextValues.format(v));
        }
      }
      sb.append('\n');
    }
    return sb.append("\\.\n").toString();
  }
}
