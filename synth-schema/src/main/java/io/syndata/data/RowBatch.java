package io.syndata.data;

import java.util.List;
import java.util.Objects;

/**
 * A bounded batch of rows of one table, stored by column: {@code values[c][r]} is the value of
 * column {@code columns.get(c)} in row {@code r}, for {@code r < size}. Values use the canonical
 * Java type of the column's {@link io.syndata.schema.DataType}, and {@code null} for SQL NULL.
 */
public record RowBatch(String table, List<String> columns, Object[][] values, int size) {

  public RowBatch {
    Objects.requireNonNull(table, "table");
    columns = List.copyOf(columns);
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(
          "batch of "
              + table
              + " has "
              + columns.size()
              + " columns but "
              + values.length
              + " value arrays");
    }
    for (Object[] column : values) {
      if (column.length < size) {
        throw new IllegalArgumentException(
            "batch of " + table + " is shorter than its size " + size);
      }
    }
  }

  public Object value(int column, int row) {
    return values[column][row];
  }

  public int columnIndex(String column) {
    int i = columns.indexOf(column);
    if (i < 0) {
      throw new IllegalArgumentException("batch of " + table + " has no column " + column);
    }
    return i;
  }
}
