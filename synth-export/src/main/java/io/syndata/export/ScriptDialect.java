package io.syndata.export;

import io.syndata.connectors.SqlRenderer;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.util.List;

/**
 * What {@link SqlWriter} needs of a SQL dialect: the DDL and the INSERT, UPDATE and COPY text, with
 * values inlined as literals. The open dialects are rendered by jOOQ ({@link SqlRenderer}, as the
 * database target does); Oracle and SQL Server, which jOOQ's open-source edition does not render,
 * by our own {@link CommercialSqlDialect}.
 */
interface ScriptDialect {

  /** Every dialect {@link #of} takes. */
  static List<String> names() {
    List<String> names = new java.util.ArrayList<>(SqlRenderer.dialects());
    names.addAll(CommercialSqlDialect.NAMES);
    return names;
  }

  /**
   * @throws io.syndata.schema.SynthException listing the dialects when there is no such one
   */
  static ScriptDialect of(String name) {
    String key = name.trim().toLowerCase(java.util.Locale.ROOT);
    if (CommercialSqlDialect.NAMES.contains(key)) {
      return CommercialSqlDialect.of(key);
    }
    if (!SqlRenderer.dialects().contains(key)) {
      throw new io.syndata.schema.SynthException(
          "unknown SQL dialect " + name + ": choose from " + String.join(", ", names()));
    }
    return new Jooq(SqlRenderer.of(key));
  }

  String name();

  /** CREATE TABLE per table, parents first, then the foreign keys; no statement terminators. */
  List<String> createTables(Schema schema);

  /** One INSERT of the rows; no terminator. */
  String insert(Table table, List<String> columns, List<Object[]> rows);

  /** An UPDATE setting {@code columns} of the row whose {@code keyColumns} hold {@code key}. */
  String update(
      Table table, List<String> columns, Object[] values, List<String> keyColumns, Object[] key);

  /** Whether {@link #copy} works: PostgreSQL's COPY blocks. */
  default boolean copies() {
    return false;
  }

  default String copy(Table table, List<String> columns, List<Object[]> rows) {
    throw new IllegalStateException("COPY is PostgreSQL's, not " + name() + "'s");
  }

  /** What ends a statement in a script the dialect's client runs. */
  default String terminator() {
    return ";\n";
  }

  /** The most rows one INSERT may carry in the dialect. */
  default int maxRowsPerInsert() {
    return Integer.MAX_VALUE;
  }

  /** The open dialects, through jOOQ. */
  record Jooq(SqlRenderer sql) implements ScriptDialect {
    @Override
    public String name() {
      return sql.name();
    }

    @Override
    public List<String> createTables(Schema schema) {
      return sql.createTables(schema);
    }

    @Override
    public String insert(Table table, List<String> columns, List<Object[]> rows) {
      return sql.insert(table, columns, rows);
    }

    @Override
    public String update(
        Table table, List<String> columns, Object[] values, List<String> keyColumns, Object[] key) {
      return sql.update(table, columns, values, keyColumns, key);
    }

    @Override
    public boolean copies() {
      return sql.copies();
    }

    @Override
    public String copy(Table table, List<String> columns, List<Object[]> rows) {
      return sql.copy(table, columns, rows);
    }
  }
}
