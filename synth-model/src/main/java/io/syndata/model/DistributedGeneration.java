package io.syndata.model;

import io.syndata.schema.Relation;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The coordinator's half of a generation whose partitions run elsewhere — on Spark executors — and
 * give exactly the rows of the {@link Generator} for the same model, options and seed.
 *
 * <p>A partition is a function of (model, options, stage, partition) except for three things that
 * the {@link Generator} carries across partitions, which the coordinator computes instead:
 *
 * <ol>
 *   <li>the {@link TableStore}s of tables that secondary or deferred foreign keys reference: a
 *       stage's tasks read those of earlier stages ({@link #stageInput});
 *   <li>unique sampled columns of a stage of several partitions: a value an earlier partition (in
 *       plan order) made already is changed, in plan order;
 *   <li>deferred foreign keys, set once every stage is made.
 * </ol>
 *
 * <p>So for every stage in order: if {@link #needsSummary} says so, every partition is summarized
 * by a {@link StageTask} and the summaries are handed to {@link #summarize} in partition order;
 * then every partition of every stage can be made, in any order and anywhere, by {@link
 * StageTask#rows} with its {@link #fixes}. The coordinator holds what the {@link Generator} holds:
 * the stores and the values of unique sampled columns; tasks hold one partition.
 */
public final class DistributedGeneration {
  private final SynthModel model;
  private final GenerationOptions options;
  private final GenerationPlan plan;
  private final StoreSpecs specs;
  private final Map<String, TableStore> stores = new HashMap<>();

  /** Per summarized table, the rows made by partitions before each partition (and in all). */
  private final Map<String, long[]> offsets = new HashMap<>();

  /** Per stage, per partition: table → column → row → value. */
  private final Map<Integer, Map<Integer, Map<String, Map<String, Map<Integer, Object>>>>> fixes =
      new HashMap<>();

  private final Set<Integer> summarized = new HashSet<>();
  private boolean deferredFilled;

  private DistributedGeneration(SynthModel model, GenerationOptions options) {
    this.model = model;
    this.options = options;
    this.plan = GenerationPlan.of(model, options);
    this.specs = new StoreSpecs(model);
  }

  /**
   * Plans a generation to be run as tasks.
   *
   * @throws SynthException as {@link GenerationPlan#of} does
   */
  public static DistributedGeneration of(SynthModel model, GenerationOptions options) {
    return new DistributedGeneration(model, options);
  }

  public GenerationPlan plan() {
    return plan;
  }

  /** Whether a stage's partitions must be summarized before any stage after it runs. */
  public boolean needsSummary(int stage) {
    return !summarized(model, specs, plan.stages().get(stage)).isEmpty();
  }

  /**
   * What the tasks of a stage read of earlier stages, as bytes for {@link StageTask}.
   *
   * @throws SynthException when an earlier stage that the stage reads has not been summarized
   */
  public byte[] stageInput(int stage) {
    Map<String, Wire.StoreImage> images = new LinkedHashMap<>();
    for (String t : plan.stages().get(stage).tables()) {
      for (Relation r : PartitionLinks.secondary(model.graph(), t)) {
        int parentStage = plan.table(r.parent()).stage();
        if (parentStage < stage && !images.containsKey(r.parent())) {
          requireSummarized(parentStage);
          images.put(
              r.parent(), Wire.StoreImage.of(stores.getOrDefault(r.parent(), empty(r.parent()))));
        }
      }
    }
    return Wire.write(new Wire.StageInput(images));
  }

  /**
   * Takes the summaries of every partition of a stage ({@link StageTask#summary}), in partition
   * order: keeps the stores, counts the rows, and makes unique columns unique across partitions as
   * the {@link Generator} does when it writes them.
   */
  public void summarize(int stage, List<byte[]> summaries) {
    GenerationPlan.Stage s = plan.stages().get(stage);
    if (summaries.size() != s.partitions()) {
      throw new SynthException(
          "stage "
              + (stage + 1)
              + " has "
              + s.partitions()
              + " partitions but "
              + summaries.size()
              + " summaries were given");
    }
    if (!summarized.add(stage)) {
      throw new SynthException("stage " + (stage + 1) + " was summarized already");
    }
    Map<String, Map<String, Set<Object>>> seen = new HashMap<>();
    for (int p = 0; p < summaries.size(); p++) {
      Wire.Summary summary = Wire.read(summaries.get(p), Wire.Summary.class);
      for (Map.Entry<String, Long> e : summary.made().entrySet()) {
        long[] o = offsets.computeIfAbsent(e.getKey(), t -> new long[s.partitions() + 1]);
        o[p + 1] = o[p] + e.getValue();
      }
      summary
          .stores()
          .forEach((t, image) -> image.addTo(stores.computeIfAbsent(t, specs::newStore)));
      int partition = p;
      summary.uniques().forEach((t, columns) -> keepUnique(stage, partition, t, columns, seen));
    }
  }

  /**
   * Unique sampled columns of a table made in several partitions: a value an earlier partition made
   * is changed, in partition and row order, exactly as {@code Generator.keepUnique} does.
   */
  private void keepUnique(
      int stage,
      int partition,
      String table,
      Map<String, Object[]> columns,
      Map<String, Map<String, Set<Object>>> seen) {
    Table t = model.table(table).table();
    for (Map.Entry<String, Object[]> e : columns.entrySet()) {
      Set<Object> values =
          seen.computeIfAbsent(table, x -> new HashMap<>())
              .computeIfAbsent(e.getKey(), x -> new HashSet<>());
      int length = t.column(e.getKey()).length();
      Object[] v = e.getValue();
      for (int r = 0; r < v.length; r++) {
        Object unique = Uniques.unique(v[r], values, length);
        if (!Objects.equals(unique, v[r])) {
          fix(stage, partition, table, e.getKey(), r, unique);
        }
      }
    }
  }

  /**
   * The fixes of one partition, as bytes for {@link StageTask#rows}: its unique values changed
   * across partitions and its deferred foreign keys.
   *
   * @throws SynthException when a stage that needs a summary has not been summarized
   */
  public byte[] fixes(int stage, int partition) {
    if (!deferredFilled) {
      for (int s = 0; s < plan.stages().size(); s++) {
        if (needsSummary(s)) {
          requireSummarized(s);
        }
      }
      DeferredFill fill = new DeferredFill(model, specs, options.seed());
      for (Relation d : StoreSpecs.deferred(model.graph())) {
        fill.fill(d, stores, this::deferred);
      }
      deferredFilled = true;
    }
    return Wire.write(
        new Wire.Fixes(
            fixes.getOrDefault(stage, Map.of()).getOrDefault(partition, new HashMap<>())));
  }

  /** Records a deferred update: each row located by its index in its table (store order). */
  private void deferred(io.syndata.data.RowBatch batch, List<String> keyColumns, long[] rowIndex) {
    String table = batch.table();
    int stage = plan.table(table).stage();
    long[] o = offsets.get(table);
    for (int r = 0; r < batch.size(); r++) {
      int p = partitionOf(o, rowIndex[r]);
      int row = Math.toIntExact(rowIndex[r] - o[p]);
      for (int c = keyColumns.size(); c < batch.columns().size(); c++) {
        fix(stage, p, table, batch.columns().get(c), row, batch.values()[c][r]);
      }
    }
  }

  /** The last partition whose first row is at or before the row: the one that made it. */
  private static int partitionOf(long[] offsets, long row) {
    int lo = 0;
    int hi = offsets.length - 2;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (offsets[mid] <= row) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  private void fix(int stage, int partition, String table, String column, int row, Object value) {
    fixes
        .computeIfAbsent(stage, x -> new HashMap<>())
        .computeIfAbsent(partition, x -> new HashMap<>())
        .computeIfAbsent(table, x -> new HashMap<>())
        .computeIfAbsent(column, x -> new HashMap<>())
        .put(row, value);
  }

  private void requireSummarized(int stage) {
    if (!summarized.contains(stage)) {
      throw new SynthException(
          "stage "
              + (stage + 1)
              + " of the distributed generation must be summarized first"
              + " (DistributedGeneration.summarize)");
    }
  }

  private TableStore empty(String table) {
    return specs.newStore(table);
  }

  /**
   * The tables of a stage whose partitions the coordinator must see: those with a store, and those
   * with unique sampled columns when the stage has several partitions.
   */
  static List<String> summarized(SynthModel model, StoreSpecs specs, GenerationPlan.Stage stage) {
    List<String> tables = new ArrayList<>();
    for (String t : stage.tables()) {
      if (specs.has(t) || !uniqueColumns(model, stage, t).isEmpty()) {
        tables.add(t);
      }
    }
    return tables;
  }

  /** The columns {@code Generator.keepUnique} changes across the partitions of a stage. */
  static List<String> uniqueColumns(SynthModel model, GenerationPlan.Stage stage, String table) {
    TableModel tm = model.table(table);
    if (stage.partitions() < 2) {
      return List.of();
    }
    return tm.table().writtenColumns().stream()
        .map(io.syndata.schema.Column::name)
        .filter(c -> tm.attributeColumns().contains(c) && tm.table().isUniqueColumn(c))
        .toList();
  }
}
