package io.syndata.quality;

import io.syndata.data.RowBatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The rows of one table as evaluated: a deterministic reservoir sample of at most {@code capacity}
 * rows (every column, by logical column name), plus, for each foreign key, the number of rows per
 * referenced key counted over <em>all</em> rows.
 */
public final class TableData {
  private final List<String> columns;
  private final List<Object[]> rows = new ArrayList<>();
  private final int capacity;
  private final Map<String, Map<List<Object>, Integer>> fkCounts = new HashMap<>();
  private long total;

  TableData(List<String> columns, int capacity) {
    this.columns = List.copyOf(columns);
    this.capacity = capacity;
  }

  /** Builds a table from rows given in memory (for tests and callers that hold data already). */
  public static TableData of(List<String> columns, List<Object[]> rows) {
    TableData data = new TableData(columns, Math.max(1, rows.size()));
    for (Object[] row : rows) {
      data.total++;
      data.rows.add(row.clone());
    }
    return data;
  }

  void offer(RowBatch batch, int[] columnIndex, int row, SplittableRandom rng) {
    total++;
    int slot = rows.size() < capacity ? rows.size() : (int) rng.nextLong(total);
    if (slot >= capacity) {
      return;
    }
    Object[] values = new Object[columnIndex.length];
    for (int c = 0; c < columnIndex.length; c++) {
      values[c] = batch.value(columnIndex[c], row);
    }
    if (slot == rows.size()) {
      rows.add(values);
    } else {
      rows.set(slot, values);
    }
  }

  /**
   * Counts one row's foreign-key value, given as the raw values of its columns in key order; a key
   * with a null references nothing and is not counted.
   */
  void countKey(String foreignKey, Object[] values) {
    Object[] key = new Object[values.length];
    for (int k = 0; k < key.length; k++) {
      key[k] = Values.key(values[k]);
      if (key[k] == null) {
        return;
      }
    }
    fkCounts.computeIfAbsent(foreignKey, f -> new HashMap<>()).merge(List.of(key), 1, Integer::sum);
  }

  /** Logical column names, in the schema's order. */
  public List<String> columns() {
    return columns;
  }

  /** Rows in the sample. */
  public int size() {
    return rows.size();
  }

  /** Rows in the table. */
  public long totalRows() {
    return total;
  }

  public boolean sampled() {
    return total > rows.size();
  }

  /** The sampled values of a column, one per sampled row. */
  public Object[] column(String name) {
    int c = columns.indexOf(name);
    if (c < 0) {
      throw new IllegalArgumentException("no column " + name + " among " + columns);
    }
    Object[] out = new Object[rows.size()];
    for (int r = 0; r < out.length; r++) {
      out[r] = rows.get(r)[c];
    }
    return out;
  }

  /** One sampled row, by column position; do not modify. */
  public Object[] row(int index) {
    return rows.get(index);
  }

  /** Rows per non-null foreign-key value, over every row of the table. */
  public Map<List<Object>, Integer> childCounts(String foreignKey) {
    return Collections.unmodifiableMap(fkCounts.getOrDefault(foreignKey, Map.of()));
  }
}
