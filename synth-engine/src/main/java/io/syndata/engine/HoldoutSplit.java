package io.syndata.engine;

import io.syndata.data.RowBatch;
import io.syndata.data.RowBatchBuilder;
import io.syndata.data.SchemaFilter;
import io.syndata.data.Source;
import io.syndata.model.Seeds;
import io.syndata.schema.Column;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Relation;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Splits a source into training and holdout rows, deterministically by seed: a root table's row is
 * held out with probability {@code fraction} (decided by a hash of its primary key, or of all its
 * values), and a child row is held out when any of its parents is, so that a held-out customer's
 * orders are held out too and no training row points at a held-out one. The two views are sources
 * of their own; the model only ever sees {@link #training()}.
 */
final class HoldoutSplit {
  private final Source delegate;
  private final Schema schema;
  private final ForeignKeyGraph graph;
  private final double fraction;
  private final long seed;

  /** Per table, per referenced column list, the key values of its held-out rows. */
  private final Map<String, Map<List<String>, Set<List<Object>>>> heldOut = new HashMap<>();

  HoldoutSplit(Source delegate, Schema schema, double fraction, long seed) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new SynthException(
          "--holdout must be a fraction between 0 and 1 (e.g. 0.2), was " + fraction);
    }
    this.delegate = delegate;
    this.schema = schema;
    this.graph = ForeignKeyGraph.of(schema);
    this.fraction = fraction;
    this.seed = seed;
  }

  Source training() {
    return new View(false);
  }

  Source holdout() {
    return new View(true);
  }

  /**
   * Scans every written column of the table, each row marked held out or not: held out when any of
   * its parents (through a non-deferred foreign key) is, so that no training row references a
   * held-out row; a row without parents is held out by the hash of its key.
   */
  private long scanSplit(Table table, RowConsumer consumer) {
    List<String> columns = table.writtenColumns().stream().map(Column::name).toList();
    List<Relation> parents =
        graph.parentsOf(table.name()).stream()
            .filter(r -> !r.isSelfReference() && !graph.isDeferred(r))
            .toList();
    List<int[]> fkColumns =
        parents.stream()
            .map(r -> r.fk().columns().stream().mapToInt(columns::indexOf).toArray())
            .toList();
    List<Set<List<Object>>> parentHeldOut =
        parents.stream().map(r -> keysOf(r.parent(), r.fk().parentColumns())).toList();
    int[] hashed =
        (table.primaryKey().isEmpty() ? columns : table.primaryKey())
            .stream().mapToInt(columns::indexOf).toArray();
    return delegate.scan(
        table,
        columns,
        batch -> {
          for (int row = 0; row < batch.size(); row++) {
            boolean anyParent = false;
            boolean out = false;
            for (int p = 0; p < parents.size() && !out; p++) {
              List<Object> key = values(batch, row, fkColumns.get(p));
              if (!key.contains(null)) {
                anyParent = true;
                out = parentHeldOut.get(p).contains(key);
              }
            }
            if (table.isKept()) {
              // Kept rows are copied, not learned, and their children draw any of their keys.
              out = false;
            } else if (!anyParent) {
              out = hashToUnit(table.name(), values(batch, row, hashed)) < fraction;
            }
            consumer.accept(batch, row, out);
          }
        });
  }

  private interface RowConsumer {
    void accept(RowBatch batch, int row, boolean heldOut);
  }

  /** The values of the held-out rows of a table on the given columns (computed once, by a scan). */
  private synchronized Set<List<Object>> keysOf(String table, List<String> keyColumns) {
    Map<List<String>, Set<List<Object>>> byColumns =
        heldOut.computeIfAbsent(table, t -> new HashMap<>());
    Set<List<Object>> known = byColumns.get(keyColumns);
    if (known != null) {
      return known;
    }
    Table t = schema.table(table);
    List<String> columns = t.writtenColumns().stream().map(Column::name).toList();
    int[] index = keyColumns.stream().mapToInt(columns::indexOf).toArray();
    Set<List<Object>> keys = new HashSet<>();
    scanSplit(
        t,
        (batch, row, out) -> {
          if (out) {
            keys.add(values(batch, row, index));
          }
        });
    byColumns.put(keyColumns, keys);
    return keys;
  }

  private static List<Object> values(RowBatch batch, int row, int[] columns) {
    Object[] v = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      v[i] = batch.value(columns[i], row);
    }
    return Arrays.asList(v);
  }

  private double hashToUnit(String table, List<Object> values) {
    StringBuilder text = new StringBuilder();
    for (Object v : values) {
      text.append(v).append('\u001f');
    }
    return (Seeds.derive(seed, "holdout", table, text.toString()) >>> 11) * 0x1.0p-53;
  }

  /** Training or holdout rows of the source, with the requested columns. */
  private final class View implements Source {
    private final boolean holdout;

    View(boolean holdout) {
      this.holdout = holdout;
    }

    @Override
    public Schema introspect(SchemaFilter filter) {
      return schema;
    }

    @Override
    public long scan(Table table, List<String> columns, Consumer<RowBatch> consumer) {
      List<String> all = table.writtenColumns().stream().map(Column::name).toList();
      int[] wanted =
          columns.stream()
              .mapToInt(
                  c -> {
                    int i = all.indexOf(c);
                    if (i < 0) {
                      throw new SynthException("table " + table.name() + " has no column " + c);
                    }
                    return i;
                  })
              .toArray();
      RowBatchBuilder batches = new RowBatchBuilder(table.name(), columns, consumer);
      scanSplit(
          table,
          (batch, row, out) -> {
            if (out != holdout) {
              return;
            }
            for (int c = 0; c < wanted.length; c++) {
              batches.set(c, batch.value(wanted[c], row));
            }
            batches.endRow();
          });
      return batches.finish();
    }

    @Override
    public String describe() {
      return (holdout ? "holdout rows of " : "training rows of ") + delegate.describe();
    }

    @Override
    public void close() {
      // the split's owner closes the delegate
    }
  }
}
