package io.syndata.model;

import io.syndata.schema.Relation;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The few columns of a whole table that rows of other stages read — keys that secondary and
 * deferred foreign keys point at, and each row's child count in those relations — in the order the
 * rows were written. Kept only for tables that are such parents (dimensions, as a rule), so memory
 * follows their size, not the size of the tables that reference them.
 */
final class TableStore {
  private final Map<String, Object[]> columns = new LinkedHashMap<>();
  private final Map<Relation, int[]> counts = new LinkedHashMap<>();
  private int size;

  TableStore(List<String> columnNames, List<Relation> countedRelations) {
    columnNames.forEach(c -> columns.put(c, new Object[16]));
    countedRelations.forEach(r -> counts.put(r, new int[16]));
  }

  /** An empty store with the same columns. */
  TableStore emptyCopy() {
    return new TableStore(List.copyOf(columns.keySet()), List.copyOf(counts.keySet()));
  }

  List<String> columnNames() {
    return List.copyOf(columns.keySet());
  }

  List<Relation> countedRelations() {
    return List.copyOf(counts.keySet());
  }

  int size() {
    return size;
  }

  Object value(String column, int row) {
    return columns.get(column)[row];
  }

  /** A column's values, the first {@link #size()} of them in use; read-only. */
  Object[] column(String column) {
    return columns.get(column);
  }

  int count(Relation relation, int row) {
    return counts.get(relation)[row];
  }

  /** Appends a row: its value for each column and its count for each relation, in store order. */
  void add(Object[] values, int[] rowCounts) {
    if (size == Integer.MAX_VALUE - 8) {
      throw new io.syndata.schema.SynthException(
          "a table referenced by secondary or deferred foreign keys may have at most "
              + size
              + " rows");
    }
    int c = 0;
    for (Map.Entry<String, Object[]> e : columns.entrySet()) {
      Object[] column = e.getValue();
      if (size == column.length) {
        column = Arrays.copyOf(column, grow(column.length));
        e.setValue(column);
      }
      column[size] = values[c++];
    }
    int k = 0;
    for (Map.Entry<Relation, int[]> e : counts.entrySet()) {
      int[] column = e.getValue();
      if (size == column.length) {
        column = Arrays.copyOf(column, grow(column.length));
        e.setValue(column);
      }
      column[size] = rowCounts[k++];
    }
    size++;
  }

  /** Appends every row of another store with the same columns. */
  void addAll(TableStore other) {
    Object[] values = new Object[columns.size()];
    int[] rowCounts = new int[counts.size()];
    List<String> names = columnNames();
    List<Relation> relations = countedRelations();
    for (int r = 0; r < other.size; r++) {
      for (int c = 0; c < values.length; c++) {
        values[c] = other.value(names.get(c), r);
      }
      for (int k = 0; k < rowCounts.length; k++) {
        rowCounts[k] = other.count(relations.get(k), r);
      }
      add(values, rowCounts);
    }
  }

  private static int grow(int length) {
    return (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(16L, length * 2L));
  }
}
