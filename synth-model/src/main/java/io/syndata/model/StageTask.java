package io.syndata.model;

import io.syndata.data.RowBatch;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Relation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The executor's half of a {@link DistributedGeneration}: makes any partition of one stage of the
 * plan, anywhere, from the model, the options and the stage's input bytes (the stores of earlier
 * stages it reads). A partition's rows are exactly those the {@link Generator} makes for it once
 * the coordinator's fixes for that partition are applied.
 *
 * <p>Immutable after construction and safe to share between threads: each call runs its own worker.
 * Building one costs a plan and the secondary parents of the stage, so an engine keeps one per
 * stage and JVM.
 */
public final class StageTask {
  private final SynthModel model;
  private final GenerationPlan plan;
  private final GenerationPlan.Stage stage;
  private final long seed;
  private final StoreSpecs specs;
  private final Map<String, TableStore> earlier = new HashMap<>();
  private final Map<Relation, SecondaryParents> secondary = new HashMap<>();

  /**
   * @param input the bytes {@link DistributedGeneration#stageInput} made for this stage
   */
  public StageTask(SynthModel model, GenerationOptions options, int stage, byte[] input) {
    this.model = model;
    this.plan = GenerationPlan.of(model, options);
    this.stage = plan.stages().get(stage);
    this.seed = options.seed();
    this.specs = new StoreSpecs(model);
    Wire.read(input, Wire.StageInput.class)
        .stores()
        .forEach(
            (table, image) -> {
              TableStore store = specs.newStore(table);
              image.addTo(store);
              earlier.put(table, store);
            });
    for (String t : this.stage.tables()) {
      for (Relation r : PartitionLinks.secondary(model.graph(), t)) {
        if (earlier.containsKey(r.parent())) {
          secondary.put(r, SecondaryParents.of(model, plan, r, earlier.get(r.parent()), seed));
        }
      }
    }
  }

  public GenerationPlan.Stage stage() {
    return stage;
  }

  /**
   * What the coordinator needs of a partition ({@link DistributedGeneration#summarize}): rows made,
   * store fragments, values of unique columns. Makes only the tables it needs to.
   */
  public byte[] summary(int partition) {
    List<String> tables = DistributedGeneration.summarized(model, specs, stage);
    PartitionWorker.Output out = worker(partition).run(closure(tables));
    Map<String, Long> made = new LinkedHashMap<>();
    Map<String, Wire.StoreImage> stores = new LinkedHashMap<>();
    Map<String, Map<String, Object[]>> uniques = new LinkedHashMap<>();
    for (String t : tables) {
      made.put(t, out.rows().getOrDefault(t, 0L));
      TableStore store = out.stores().get(t);
      if (store != null) {
        stores.put(t, Wire.StoreImage.of(store));
      }
      List<String> columns = DistributedGeneration.uniqueColumns(model, stage, t);
      if (!columns.isEmpty()) {
        Map<String, Object[]> values = new LinkedHashMap<>();
        for (String c : columns) {
          values.put(c, values(out.batches(), t, c, out.rows().getOrDefault(t, 0L)));
        }
        uniques.put(t, values);
      }
    }
    return Wire.write(new Wire.Summary(made, stores, uniques));
  }

  /**
   * One table's rows of a partition, in the order the {@link Generator} writes them, with the
   * coordinator's fixes applied.
   *
   * @param fixes the bytes {@link DistributedGeneration#fixes} made for this partition
   */
  public List<RowBatch> rows(int partition, String table, byte[] fixes) {
    PartitionWorker.Output out = worker(partition).run(closure(List.of(table)));
    Map<String, Map<Integer, Object>> fix =
        Wire.read(fixes, Wire.Fixes.class).values().getOrDefault(table, Map.of());
    List<RowBatch> batches = new ArrayList<>();
    int offset = 0;
    for (RowBatch b : out.batches()) {
      if (!b.table().equals(table)) {
        continue;
      }
      for (int c = 0; c < b.columns().size() && !fix.isEmpty(); c++) {
        Map<Integer, Object> column = fix.get(b.columns().get(c));
        if (column == null) {
          continue;
        }
        Object[] values = b.values()[c];
        for (int r = 0; r < b.size(); r++) {
          Integer row = offset + r;
          if (column.containsKey(row)) {
            values[r] = column.get(row);
          }
        }
      }
      offset += b.size();
      batches.add(b);
    }
    return batches;
  }

  private PartitionWorker worker(int partition) {
    return new PartitionWorker(model, plan, stage, partition, seed, specs, earlier, secondary);
  }

  /** The tables a partition must make to make these: their parents within the stage, upwards. */
  private Set<String> closure(List<String> tables) {
    ForeignKeyGraph graph = model.graph();
    Set<String> inStage = Set.copyOf(stage.tables());
    Set<String> need = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(tables);
    while (!todo.isEmpty()) {
      String t = todo.pop();
      if (!need.add(t)) {
        continue;
      }
      graph.primaryParent(t).map(Relation::parent).filter(inStage::contains).ifPresent(todo::push);
      for (Relation r : PartitionLinks.secondary(graph, t)) {
        if (inStage.contains(r.parent())) {
          todo.push(r.parent());
        }
      }
    }
    return need;
  }

  /** A column's values of one table, over the batches, in row order. */
  private static Object[] values(List<RowBatch> batches, String table, String column, long rows) {
    Object[] values = new Object[Math.toIntExact(rows)];
    int at = 0;
    for (RowBatch b : batches) {
      if (b.table().equals(table)) {
        Object[] v = b.values()[b.columns().indexOf(column)];
        System.arraycopy(v, 0, values, at, b.size());
        at += b.size();
      }
    }
    return values;
  }
}
