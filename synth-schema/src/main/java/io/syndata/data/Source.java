package io.syndata.data;

import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where real rows come from: a database over JDBC, a folder of files, or rows held in memory. A
 * source is only ever read.
 */
public interface Source extends AutoCloseable {
  /** Rows per batch handed to {@link #scan} consumers. */
  int BATCH_SIZE = 10_000;

  /**
   * Reads the structure (tables, columns, keys) and the row count of every table the filter
   * accepts. Column kinds are first guesses from names and types.
   */
  Schema introspect(SchemaFilter filter);

  /**
   * The tables and columns the source itself holds, whatever schema file it was opened with: for
   * checking such a file before anything is read. Row counts may be 0. Types are the source's own
   * where {@link #declaresTypes()}; otherwise columns are reported as strings.
   */
  default Schema structure(SchemaFilter filter) {
    return introspect(filter);
  }

  /**
   * Whether {@link #structure} reports the types the source stores (a database does), rather than
   * names only (a CSV file declares no types: its values are checked as they are parsed).
   */
  default boolean declaresTypes() {
    return true;
  }

  /**
   * Streams the given columns of a table in a deterministic order (by primary key, else by all
   * columns), in batches of at most {@link #BATCH_SIZE} rows.
   *
   * @return the number of rows read
   */
  long scan(Table table, List<String> columns, Consumer<RowBatch> consumer);

  /** Where this source reads from, without credentials, for messages and progress. */
  String describe();

  @Override
  void close();
}
