package io.syndata.data;

import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link Target} that keeps what it receives in memory, applies {@link #update}s to the rows
 * already written, and exposes the resulting rows per table: for tests, the Java API and demos. Not
 * thread-safe.
 */
public final class InMemoryTarget implements Target {
  private final Map<String, Stored> tables = new LinkedHashMap<>();
  private Schema schema;
  private boolean committed;

  private static final class Stored {
    final List<String> columns;
    final List<Object[]> rows = new ArrayList<>();
    Map<String, Map<List<Object>, Integer>> keyIndexes = new HashMap<>();

    Stored(List<String> columns) {
      this.columns = List.copyOf(columns);
    }
  }

  @Override
  public void begin(Schema newSchema) {
    if (schema != null) {
      throw new SynthException("in-memory target already begun; use a new target per run");
    }
    this.schema = newSchema;
  }

  @Override
  public void write(RowBatch batch) {
    Stored stored = tables.computeIfAbsent(batch.table(), k -> new Stored(batch.columns()));
    int[] from = new int[stored.columns.size()];
    for (int c = 0; c < from.length; c++) {
      from[c] = batch.columns().indexOf(stored.columns.get(c));
    }
    if (!stored.columns.containsAll(batch.columns())) {
      throw new SynthException(
          "batch of "
              + batch.table()
              + " has columns "
              + batch.columns()
              + " but earlier batches had "
              + stored.columns);
    }
    for (int r = 0; r < batch.size(); r++) {
      Object[] row = new Object[from.length];
      for (int c = 0; c < from.length; c++) {
        row[c] = from[c] < 0 ? null : batch.values()[from[c]][r];
      }
      stored.rows.add(row);
    }
    stored.keyIndexes.clear();
  }

  @Override
  public void update(RowBatch batch, List<String> keyColumns, long[] rowIndex) {
    Stored stored = tables.get(batch.table());
    if (stored == null) {
      throw new SynthException("update of table " + batch.table() + ", which has not been written");
    }
    int[] keyAt = keyColumns.stream().mapToInt(stored.columns::indexOf).toArray();
    Map<List<Object>, Integer> index =
        keyColumns.isEmpty()
            ? Map.of()
            : stored.keyIndexes.computeIfAbsent(
                String.join("\u0000", keyColumns), k -> indexOf(stored, keyAt));
    for (int r = 0; r < batch.size(); r++) {
      int row;
      if (keyColumns.isEmpty()) {
        row = Math.toIntExact(rowIndex[r]);
      } else {
        List<Object> key = new ArrayList<>(keyColumns.size());
        for (int k = 0; k < keyColumns.size(); k++) {
          key.add(batch.values()[k][r]);
        }
        Integer found = index.get(key);
        if (found == null) {
          throw new SynthException(
              "update of " + batch.table() + ": no row has key " + keyColumns + " = " + key);
        }
        row = found;
      }
      Object[] target = stored.rows.get(row);
      for (int c = keyColumns.size(); c < batch.columns().size(); c++) {
        int at = stored.columns.indexOf(batch.columns().get(c));
        if (at < 0) {
          throw new SynthException(
              "update of "
                  + batch.table()
                  + " sets column "
                  + batch.columns().get(c)
                  + ", which was never written");
        }
        target[at] = batch.values()[c][r];
      }
    }
  }

  private static Map<List<Object>, Integer> indexOf(Stored stored, int[] keyAt) {
    Map<List<Object>, Integer> index = new HashMap<>();
    for (int r = 0; r < stored.rows.size(); r++) {
      Object[] row = stored.rows.get(r);
      List<Object> key = new ArrayList<>(keyAt.length);
      for (int k : keyAt) {
        key.add(row[k]);
      }
      index.put(key, r);
    }
    return index;
  }

  @Override
  public void commit() {
    committed = true;
  }

  /** Forgets everything written. */
  @Override
  public void abort() {
    tables.clear();
    committed = false;
  }

  public boolean committed() {
    return committed;
  }

  /** The schema given to {@link #begin}, if begun. */
  public Optional<Schema> schema() {
    return Optional.ofNullable(schema);
  }

  /** The tables written, in the order of their first batch. */
  public List<String> tables() {
    return List.copyOf(tables.keySet());
  }

  /** The columns of a table as written, or an empty list when nothing was written to it. */
  public List<String> columns(String table) {
    Stored stored = tables.get(table);
    return stored == null ? List.of() : stored.columns;
  }

  public int rowCount(String table) {
    Stored stored = tables.get(table);
    return stored == null ? 0 : stored.rows.size();
  }

  /**
   * Copies of the rows of a table in write order, each in {@link #columns} order, updates applied.
   */
  public List<Object[]> rows(String table) {
    Stored stored = tables.get(table);
    return stored == null ? List.of() : stored.rows.stream().map(Object[]::clone).toList();
  }

  /** The values of one column in write order (nulls included). */
  public List<Object> column(String table, String column) {
    Stored stored = tables.get(table);
    if (stored == null) {
      return List.of();
    }
    int at = stored.columns.indexOf(column);
    if (at < 0) {
      throw new SynthException(
          "table "
              + table
              + " was written without column "
              + column
              + "; it has "
              + stored.columns);
    }
    Object[] values = new Object[stored.rows.size()];
    for (int r = 0; r < values.length; r++) {
      values[r] = stored.rows.get(r)[at];
    }
    return Collections.unmodifiableList(Arrays.asList(values));
  }

  @Override
  public String describe() {
    return "memory";
  }

  @Override
  public void close() {}
}
