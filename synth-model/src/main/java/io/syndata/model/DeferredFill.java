package io.syndata.model;

import io.syndata.data.RowBatch;
import io.syndata.data.Source;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.Relation;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The second pass of a generation: deferred foreign keys set on rows already written, from the
 * {@link TableStore}s of the child and parent tables. Shared by the {@link Generator}, which
 * updates its target, and {@link DistributedGeneration}, which turns the updates into per-partition
 * fixes before anything is written.
 */
final class DeferredFill {
  /** Where the updates go: rows located by their key columns or, without a key, by row index. */
  @FunctionalInterface
  interface Updates {
    void update(RowBatch batch, List<String> keyColumns, long[] rowIndex);
  }

  private final SynthModel model;
  private final StoreSpecs specs;
  private final long seed;

  DeferredFill(SynthModel model, StoreSpecs specs, long seed) {
    this.model = model;
    this.specs = specs;
    this.seed = seed;
  }

  /**
   * Sets a deferred foreign key of rows already written, keeping its null rate. The parent row is
   * one that references the row back when there is such a key (a store's manager works in that
   * store), else any: a self-reference only points at rows generated earlier.
   */
  void fill(Relation d, Map<String, TableStore> stores, Updates target) {
    TableStore child = stores.getOrDefault(d.child(), specs.newStore(d.child()));
    TableStore parent = stores.getOrDefault(d.parent(), specs.newStore(d.parent()));
    Optional<ForeignKey> back = specs.backReference(d);
    Map<List<Object>, List<Integer>> referencing = new HashMap<>();
    back.ifPresent(
        b -> {
          for (int i = 0; i < parent.size(); i++) {
            Object[] key = new Object[b.columns().size()];
            for (int k = 0; k < key.length; k++) {
              key[k] = parent.value(b.columns().get(k), i);
            }
            referencing.computeIfAbsent(Arrays.asList(key), x -> new ArrayList<>()).add(i);
          }
        });
    Table table = model.table(d.child()).table();
    double nullRate = model.table(d.child()).nullRate(d);
    SplittableRandom random = Seeds.random(seed, d.child(), "deferred", d.fk().name());
    List<String> keyColumns = table.primaryKey();
    boolean unique =
        table.uniqueKeys().contains(d.fk().columns())
            || table.primaryKey().equals(d.fk().columns());
    java.util.BitSet used = unique && !d.isSelfReference() ? new java.util.BitSet() : null;
    List<String> batchColumns = new ArrayList<>(keyColumns);
    batchColumns.addAll(d.fk().columns());
    int width = batchColumns.size();
    int batchSize = Source.BATCH_SIZE;
    Object[][] values = new Object[width][batchSize];
    long[] rowIndex = new long[batchSize];
    int b = 0;
    Optional<SelfReference> shape = d.isSelfReference() ? model.selfReference(d) : Optional.empty();
    int[] hierarchy =
        shape.isPresent()
            ? SelfReferenceParents.assign(child.size(), nullRate, shape.get(), random)
            : null;
    for (int r = 0; r < child.size(); r++) {
      if (hierarchy == null && random.nextDouble() < nullRate) {
        continue;
      }
      int j;
      if (hierarchy != null) {
        j = hierarchy[r];
        if (j < 0) {
          continue;
        }
      } else if (d.isSelfReference()) {
        // Only rows generated earlier: a hierarchy without cycles.
        if (r == 0) {
          continue;
        }
        j = random.nextInt(r);
      } else {
        if (parent.size() == 0) {
          continue;
        }
        List<Integer> candidates = List.of();
        if (back.isPresent()) {
          Object[] key = new Object[back.get().parentColumns().size()];
          for (int k = 0; k < key.length; k++) {
            key[k] = child.value(back.get().parentColumns().get(k), r);
          }
          candidates = referencing.getOrDefault(Arrays.asList(key), List.of());
        }
        j =
            candidates.isEmpty()
                ? random.nextInt(parent.size())
                : candidates.get(random.nextInt(candidates.size()));
        if (used != null) {
          // A unique reference (a store's one manager): the first parent not taken yet.
          List<Integer> free = candidates.stream().filter(i -> !used.get(i)).toList();
          j = free.isEmpty() ? used.nextClearBit(j) : free.get(0);
          if (j >= parent.size()) {
            j = used.nextClearBit(0);
          }
          if (j >= parent.size()) {
            continue;
          }
          used.set(j);
        }
      }
      for (int k = 0; k < keyColumns.size(); k++) {
        values[k][b] = child.value(keyColumns.get(k), r);
      }
      for (int k = 0; k < d.fk().parentColumns().size(); k++) {
        values[keyColumns.size() + k][b] = parent.value(d.fk().parentColumns().get(k), j);
      }
      rowIndex[b] = r;
      if (++b == batchSize) {
        target.update(new RowBatch(d.child(), batchColumns, values, b), keyColumns, rowIndex);
        values = new Object[width][batchSize];
        rowIndex = new long[batchSize];
        b = 0;
      }
    }
    if (b > 0) {
      Object[][] trimmed = new Object[width][];
      for (int c = 0; c < width; c++) {
        trimmed[c] = Arrays.copyOf(values[c], b);
      }
      target.update(
          new RowBatch(d.child(), batchColumns, trimmed, b),
          keyColumns,
          Arrays.copyOf(rowIndex, b));
    }
  }
}
