package io.syndata.engine;

import io.syndata.data.RowBatch;
import io.syndata.data.Source;
import io.syndata.data.Target;
import io.syndata.schema.Column;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Relation;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies every row of a source into a begun target, parents first. The foreign keys of a cycle (a
 * store's manager, every staff member's store) cannot all point at rows already written: they are
 * written as null and set afterwards through {@link Target#update}, as generation does, so a target
 * checking foreign keys at each statement accepts every row.
 */
final class Copier {
  private Copier() {}

  /** Copies the tables of {@code schema}; returns rows per table. */
  static Map<String, Long> copy(Source source, Schema schema, Target target) {
    ForeignKeyGraph graph = ForeignKeyGraph.of(schema);
    Map<String, Long> rows = new LinkedHashMap<>();
    List<Deferred> deferred = new ArrayList<>();
    for (Table t : graph.generationOrder()) {
      List<String> columns = t.columns().stream().map(Column::name).toList();
      List<Deferred> own = new ArrayList<>();
      for (Relation r : graph.parentsOf(t.name())) {
        if (graph.isDeferred(r)) {
          own.add(new Deferred(t, r, columns));
        }
      }
      deferred.addAll(own);
      long[] written = {0};
      rows.put(
          t.name(),
          source.scan(
              t,
              columns,
              batch -> {
                for (Deferred d : own) {
                  d.holdBack(batch, written[0]);
                }
                written[0] += batch.size();
                target.write(batch);
              }));
    }
    for (Deferred d : deferred) {
      d.apply(target);
    }
    return rows;
  }

  /** The values of one deferred foreign key, held back from the rows and set once all exist. */
  private static final class Deferred {
    private final Table table;
    private final List<String> keyColumns;
    private final List<String> setColumns;
    private final int[] keyIndex;
    private final int[] setIndex;
    private final List<Object[]> held = new ArrayList<>();
    private final List<Long> ordinals = new ArrayList<>();

    Deferred(Table table, Relation relation, List<String> columns) {
      this.table = table;
      this.keyColumns = table.primaryKey();
      this.setColumns = relation.fk().columns();
      this.keyIndex = keyColumns.stream().mapToInt(columns::indexOf).toArray();
      this.setIndex = setColumns.stream().mapToInt(columns::indexOf).toArray();
    }

    /** Takes the key's values out of a batch about to be written, remembering them by row. */
    void holdBack(RowBatch batch, long firstOrdinal) {
      Object[][] v = batch.values();
      for (int r = 0; r < batch.size(); r++) {
        boolean any = false;
        Object[] row = new Object[keyIndex.length + setIndex.length];
        for (int k = 0; k < keyIndex.length; k++) {
          row[k] = v[keyIndex[k]][r];
        }
        for (int k = 0; k < setIndex.length; k++) {
          row[keyIndex.length + k] = v[setIndex[k]][r];
          any |= v[setIndex[k]][r] != null;
          v[setIndex[k]][r] = null;
        }
        if (any) {
          held.add(row);
          ordinals.add(firstOrdinal + r);
        }
      }
    }

    void apply(Target target) {
      List<String> columns = new ArrayList<>(keyColumns);
      columns.addAll(setColumns);
      for (int from = 0; from < held.size(); from += Source.BATCH_SIZE) {
        int n = Math.min(Source.BATCH_SIZE, held.size() - from);
        Object[][] values = new Object[columns.size()][n];
        long[] rowIndex = new long[n];
        for (int r = 0; r < n; r++) {
          Object[] row = held.get(from + r);
          for (int c = 0; c < row.length; c++) {
            values[c][r] = row[c];
          }
          rowIndex[r] = ordinals.get(from + r);
        }
        target.update(new RowBatch(table.name(), columns, values, n), keyColumns, rowIndex);
      }
      held.clear();
      ordinals.clear();
    }
  }
}
