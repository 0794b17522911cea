package io.syndata.data;

import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A {@link Source} over rows held in memory: for tests, the Java API and demos. Values must use the
 * canonical Java type of their column's {@link DataType}; they are checked on construction. Scans
 * are deterministic: rows come ordered by primary key, else by all columns (nulls first).
 */
public final class InMemorySource implements Source {
  private final Schema schema;
  private final Map<String, List<Object[]>> rows;

  private InMemorySource(Schema schema, Map<String, List<Object[]>> rows) {
    this.schema = schema;
    this.rows = rows;
  }

  /**
   * A source of the given rows, each an array in the order of {@link Table#columns()}. Tables of
   * the schema missing from the map are empty.
   *
   * @throws SynthException naming table, row and column when a row has the wrong width or a value
   *     is not of its column's canonical type
   */
  public static InMemorySource ofRows(
      Schema schema, Map<String, ? extends List<Object[]>> rowsByTable) {
    Map<String, List<Object[]>> copy = new LinkedHashMap<>();
    for (String name : rowsByTable.keySet()) {
      schema.table(name);
    }
    for (Table t : schema.tables()) {
      List<Object[]> given =
          rowsByTable.containsKey(t.name()) ? rowsByTable.get(t.name()) : List.of();
      List<Object[]> checked = new ArrayList<>(given.size());
      for (int r = 0; r < given.size(); r++) {
        Object[] row = given.get(r);
        if (row.length != t.columns().size()) {
          throw new SynthException(
              "table "
                  + t.name()
                  + " row "
                  + r
                  + " has "
                  + row.length
                  + " values but the table has "
                  + t.columns().size()
                  + " columns");
        }
        for (int c = 0; c < row.length; c++) {
          checkCanonical(t, t.columns().get(c), r, row[c]);
        }
        checked.add(row.clone());
      }
      checked.sort(order(t));
      copy.put(t.name(), checked);
    }
    Schema counted = schema.map(t -> t.withRowCount(copy.get(t.name()).size()));
    return new InMemorySource(counted, copy);
  }

  /** A source of the given batches; several batches of one table are concatenated. */
  public static InMemorySource ofBatches(Schema schema, List<RowBatch> batches) {
    Map<String, List<Object[]>> rows = new LinkedHashMap<>();
    for (RowBatch b : batches) {
      Table t = schema.table(b.table());
      int[] from = new int[t.columns().size()];
      for (int c = 0; c < from.length; c++) {
        from[c] = b.columns().indexOf(t.columns().get(c).name());
      }
      List<Object[]> list = rows.computeIfAbsent(t.name(), k -> new ArrayList<>());
      for (int r = 0; r < b.size(); r++) {
        Object[] row = new Object[from.length];
        for (int c = 0; c < from.length; c++) {
          row[c] = from[c] < 0 ? null : b.values()[from[c]][r];
        }
        list.add(row);
      }
    }
    return ofRows(schema, rows);
  }

  private static void checkCanonical(Table t, Column c, int row, Object value) {
    if (value == null) {
      return;
    }
    Class<?> expected = c.type().javaType();
    if (!expected.isInstance(value)) {
      throw new SynthException(
          "table "
              + t.name()
              + " row "
              + row
              + " column "
              + c.name()
              + ": "
              + c.type()
              + " values must be "
              + expected.getSimpleName()
              + ", got "
              + value.getClass().getSimpleName());
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Comparator<Object[]> order(Table t) {
    List<String> keys =
        t.primaryKey().isEmpty() ? t.columns().stream().map(Column::name).toList() : t.primaryKey();
    int[] idx = keys.stream().mapToInt(k -> t.columns().indexOf(t.column(k))).toArray();
    Comparator<Object> values = Comparator.nullsFirst((a, b) -> ((Comparable) a).compareTo(b));
    return (a, b) -> {
      for (int i : idx) {
        int cmp = values.compare(a[i], b[i]);
        if (cmp != 0) {
          return cmp;
        }
      }
      return 0;
    };
  }

  @Override
  public Schema introspect(SchemaFilter filter) {
    List<Table> kept =
        schema.tables().stream()
            .filter(
                t ->
                    filter.acceptsSchema(t.namespace().orElse("")) && filter.acceptsTable(t.name()))
            .toList();
    List<String> names = kept.stream().map(Table::name).toList();
    return new Schema(
        kept.stream()
            .map(
                t ->
                    t.withForeignKeys(
                        t.foreignKeys().stream()
                            .filter(fk -> names.contains(fk.parentTable()))
                            .toList()))
            .toList());
  }

  /** The schema as given, with row counts. */
  public Schema schema() {
    return schema;
  }

  @Override
  public long scan(Table table, List<String> columns, Consumer<RowBatch> consumer) {
    Table t = schema.table(table.name());
    List<Object[]> all = rows.get(t.name());
    int[] idx = columns.stream().mapToInt(c -> t.columns().indexOf(t.column(c))).toArray();
    for (int start = 0; start < all.size(); start += BATCH_SIZE) {
      int size = Math.min(BATCH_SIZE, all.size() - start);
      Object[][] values = new Object[idx.length][size];
      for (int r = 0; r < size; r++) {
        Object[] row = all.get(start + r);
        for (int c = 0; c < idx.length; c++) {
          values[c][r] = row[idx[c]];
        }
      }
      consumer.accept(new RowBatch(t.name(), columns, values, size));
    }
    return all.size();
  }

  @Override
  public String describe() {
    return "memory ("
        + schema.tables().size()
        + " tables, "
        + rows.values().stream().mapToLong(List::size).sum()
        + " rows)";
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return describe() + " " + Arrays.toString(schema.tables().stream().map(Table::name).toArray());
  }
}
