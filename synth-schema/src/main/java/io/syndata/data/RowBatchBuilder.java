package io.syndata.data;

import java.util.List;
import java.util.function.Consumer;

/**
 * Collects rows of one table, value by value, and hands them on in batches of {@link
 * Source#BATCH_SIZE} rows: the loop every source's scan would otherwise write again.
 */
public final class RowBatchBuilder {
  private final String table;
  private final List<String> columns;
  private final Consumer<RowBatch> consumer;
  private Object[][] values;
  private int size;
  private long rows;

  public RowBatchBuilder(String table, List<String> columns, Consumer<RowBatch> consumer) {
    this.table = table;
    this.columns = List.copyOf(columns);
    this.consumer = consumer;
    this.values = new Object[columns.size()][Source.BATCH_SIZE];
  }

  /** Sets a value of the row being built. */
  public void set(int column, Object value) {
    values[column][size] = value;
  }

  /** Ends the row being built, handing on a full batch. */
  public void endRow() {
    rows++;
    if (++size == Source.BATCH_SIZE) {
      flush();
    }
  }

  /** Hands on the rows not yet handed on; returns the number of rows built in all. */
  public long finish() {
    if (size > 0) {
      flush();
    }
    return rows;
  }

  private void flush() {
    consumer.accept(new RowBatch(table, columns, values, size));
    values = new Object[columns.size()][Source.BATCH_SIZE];
    size = 0;
  }
}
