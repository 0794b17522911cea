package io.syndata.connectors;

import io.syndata.data.Source;
import io.syndata.data.Target;
import io.syndata.schema.Column;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Relation;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Copies a source into a target the way the engine writes: parents first, cycle keys in a second
 * pass.
 */
final class Copier {
  private Copier() {}

  static void copy(Source source, Schema schema, Target target) {
    target.begin(schema);
    writeAll(source, schema, target);
    target.commit();
  }

  /** Writes every row of the source into a target that has begun; does not commit. */
  static void writeAll(Source source, Schema schema, Target target) {
    ForeignKeyGraph graph = ForeignKeyGraph.of(schema);
    for (Table t : graph.generationOrder()) {
      Set<String> deferredColumns = new HashSet<>();
      graph.deferred().stream()
          .filter(r -> r.child().equals(t.name()))
          .forEach(r -> deferredColumns.addAll(r.fk().columns()));
      List<String> columns = t.writtenColumns().stream().map(Column::name).toList();
      source.scan(
          t,
          columns,
          batch -> {
            for (String c : deferredColumns) {
              java.util.Arrays.fill(batch.values()[batch.columnIndex(c)], null);
            }
            target.write(batch);
          });
    }
    for (Relation r : graph.deferred()) {
      Table t = schema.table(r.child());
      List<String> columns = new ArrayList<>(t.primaryKey());
      columns.addAll(r.fk().columns());
      long[] next = {0};
      source.scan(
          t,
          columns,
          batch -> {
            long[] index = new long[batch.size()];
            for (int i = 0; i < index.length; i++) {
              index[i] = next[0]++;
            }
            target.update(batch, t.primaryKey(), index);
          });
    }
  }
}
