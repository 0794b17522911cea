package io.syndata.model;

import io.syndata.schema.Column;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Relation;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * What a generation will make, computed from the model and the options alone: the row count of
 * every table, and the stages and partitions it is made in.
 *
 * <p>A stage is a root table with every table whose primary parent chain leads to it (its tree);
 * its partitions are equal ranges of the root's rows, each carrying all their descendants, so a
 * partition needs nothing from another partition of its stage. Partition {@code p} of {@code P}
 * owns the rows {@code [floor(N·p/P), floor(N·(p+1)/P))} of every table of {@code N} rows in the
 * stage: keys, which are functions of a row's ordinal, never collide across partitions. Stages run
 * one after the other, so a table referenced by a secondary foreign key is complete before its
 * referencing stage starts. A stage is one partition when its rows cannot be made independently:
 * its trees reference each other, or a table in it references another table of the stage other than
 * through its primary parent, or a unique value in it is referenced or could repeat across
 * partitions.
 *
 * <p>The plan depends on the model, scale, row counts and seed only — never on the thread count —
 * so the rows are the same on any number of threads or machines.
 *
 * @param tables every table's plan, in generation order
 * @param stages the stages, in the order they run
 */
public record GenerationPlan(List<TablePlan> tables, List<Stage> stages) {
  /** A partition aims at about this many rows, over all the tables of its stage. */
  public static final long PARTITION_ROWS = 50_000;

  /** At most this many rows of one table in one partition (a partition is held in memory). */
  public static final long MAX_PARTITION_ROWS = 20_000_000;

  /** Rough rate for the time estimate of {@code --dry-run}, per thread. */
  private static final double ROWS_PER_SECOND_PER_THREAD = 150_000;

  /**
   * One table's share of the plan.
   *
   * @param table the table
   * @param rows rows to generate (fewer only where a one-to-one relation or a repeating unique key
   *     leaves no room)
   * @param nullParentRows of those, rows whose primary foreign key is null
   * @param stage the index of the stage that makes it
   */
  public record TablePlan(String table, long rows, long nullParentRows, int stage) {}

  /**
   * A set of tables made together, partition by partition.
   *
   * @param index position among the stages
   * @param tables its tables, in generation order
   * @param partitions how many partitions it is cut into
   * @param whole why the stage is one partition, empty when it is not held to one
   */
  public record Stage(int index, List<String> tables, int partitions, Optional<String> whole) {}

  public GenerationPlan {
    tables = List.copyOf(tables);
    stages = List.copyOf(stages);
  }

  public TablePlan table(String name) {
    return tables.stream()
        .filter(t -> t.table().equals(name))
        .findFirst()
        .orElseThrow(() -> new SynthException("the plan has no table " + name));
  }

  public long totalRows() {
    return tables.stream().mapToLong(TablePlan::rows).sum();
  }

  /** The first row (ordinal) of a table that a partition owns. */
  public static long partitionStart(long rows, int partition, int partitions) {
    if (partition == 0 || rows <= Long.MAX_VALUE / partition) {
      return rows * partition / partitions;
    }
    return BigInteger.valueOf(rows)
        .multiply(BigInteger.valueOf(partition))
        .divide(BigInteger.valueOf(partitions))
        .longValueExact();
  }

  /**
   * Plans a generation.
   *
   * @throws SynthException when {@code options.rows()} names a table the model does not have
   */
  public static GenerationPlan of(SynthModel model, GenerationOptions options) {
    ForeignKeyGraph graph = model.graph();
    List<String> names = graph.generationOrder().stream().map(Table::name).toList();
    for (String name : options.rows().keySet()) {
      if (!names.contains(name)) {
        throw new SynthException(
            "--rows names table " + name + ", which is not in the model; its tables are " + names);
      }
    }
    Map<String, long[]> counts = new HashMap<>();
    for (String name : names) {
      counts.put(name, rowCounts(model, options, name, counts));
    }
    List<List<String>> stageTables = new ArrayList<>();
    List<Optional<String>> whole = new ArrayList<>();
    stages(model, stageTables, whole);
    List<Stage> stages = new ArrayList<>();
    Map<String, Integer> stageOf = new HashMap<>();
    for (int s = 0; s < stageTables.size(); s++) {
      List<String> members = stageTables.get(s);
      members.forEach(t -> stageOf.put(t, stages.size()));
      int partitions = 1;
      if (whole.get(s).isEmpty()) {
        long total = 0;
        // A table with children in the stage needs rows in every partition, or its children there
        // would have no parent.
        long fewest = Long.MAX_VALUE;
        for (String t : members) {
          long n = counts.get(t)[0];
          total += n;
          boolean parent =
              graph.childrenOf(t).stream()
                  .anyMatch(r -> graph.primaryParent(r.child()).equals(Optional.of(r)));
          if (n > 0 && parent) {
            fewest = Math.min(fewest, n);
          }
        }
        long wanted = (total + PARTITION_ROWS - 1) / PARTITION_ROWS;
        partitions = (int) Math.max(1, Math.min(Math.min(wanted, fewest), Integer.MAX_VALUE / 2));
      }
      for (String t : members) {
        long perPartition = (counts.get(t)[0] + partitions - 1) / partitions;
        if (perPartition > MAX_PARTITION_ROWS) {
          throw new SynthException(
              "table "
                  + t
                  + " would need "
                  + perPartition
                  + " rows in one partition, more than the "
                  + MAX_PARTITION_ROWS
                  + " a partition holds"
                  + whole.get(s).map(why -> " (its stage is one partition: " + why + ")").orElse("")
                  + "; lower --scale or --rows");
        }
      }
      stages.add(new Stage(stages.size(), members, partitions, whole.get(s)));
    }
    List<TablePlan> tables = new ArrayList<>();
    for (String name : names) {
      long[] c = counts.get(name);
      tables.add(new TablePlan(name, c[0], c[1], stageOf.get(name)));
    }
    return new GenerationPlan(tables, stages);
  }

  /** {rows, rows with a null primary parent} of a table, its parents' counts being known. */
  private static long[] rowCounts(
      SynthModel model, GenerationOptions options, String name, Map<String, long[]> planned) {
    TableModel tm = model.table(name);
    Table table = tm.table();
    Long override = options.rows().get(name);
    Optional<Relation> primary = model.graph().primaryParent(name);
    if (table.isKept()) {
      if (override != null && override != tm.sourceRows()) {
        throw new SynthException(
            "--rows names table "
                + name
                + ", which is kept (mode keep): its "
                + tm.sourceRows()
                + " source rows are copied as they are; synthesize it to choose its row count");
      }
      return new long[] {tm.sourceRows(), 0};
    }
    if (primary.isEmpty()) {
      if (override != null) {
        return new long[] {override, 0};
      }
      long n = Math.round(tm.sourceRows() * options.scale());
      return new long[] {n == 0 && tm.sourceRows() > 0 ? 1 : n, 0};
    }
    Relation p = primary.get();
    long parentRows = planned.get(p.parent())[0];
    long parentSource = model.table(p.parent()).sourceRows();
    boolean oneToOne =
        !table.primaryKey().isEmpty() && p.fk().columns().containsAll(table.primaryKey());
    boolean nullable = p.fk().columns().stream().allMatch(c -> table.column(c).nullable());
    double nullRate = nullable ? tm.nullRate(p) : 0;
    long withParent;
    long nulls;
    if (override != null) {
      if (parentRows == 0 && override > 0 && !nullable) {
        throw new SynthException(
            "cannot generate "
                + override
                + " rows of "
                + name
                + ": its foreign key "
                + p
                + " is NOT NULL but "
                + p.parent()
                + " has no rows");
      }
      nulls = parentRows == 0 && nullable ? override : Math.round(override * nullRate);
      withParent = override - nulls;
    } else {
      double perParent =
          parentSource == 0 ? 0 : tm.sourceRows() * (1 - nullRate) / (double) parentSource;
      withParent = Math.round(parentRows * perParent);
      nulls =
          nullRate <= 0
              ? 0
              : nullRate >= 1
                  ? Math.round(tm.sourceRows() * options.scale())
                  : Math.round(withParent * nullRate / (1 - nullRate));
    }
    if (parentRows == 0) {
      withParent = 0;
    }
    if (oneToOne) {
      withParent = Math.min(withParent, parentRows);
    }
    return new long[] {Math.addExact(withParent, nulls), nulls};
  }

  /** Groups tables into stages in running order, and says which must be one partition. */
  private static void stages(
      SynthModel model, List<List<String>> stageTables, List<Optional<String>> whole) {
    ForeignKeyGraph graph = model.graph();
    List<String> names = graph.generationOrder().stream().map(Table::name).toList();
    Map<String, String> rootOf = new HashMap<>();
    for (String name : names) {
      rootOf.put(name, graph.primaryParent(name).map(r -> rootOf.get(r.parent())).orElse(name));
    }
    Graph<String, DefaultEdge> trees = new DefaultDirectedGraph<>(DefaultEdge.class);
    names.stream().filter(n -> rootOf.get(n).equals(n)).forEach(trees::addVertex);
    Map<String, String> reasons = new HashMap<>();
    for (String name : names) {
      String tree = rootOf.get(name);
      for (Relation r : PartitionLinks.secondary(graph, name)) {
        String from = rootOf.get(r.parent());
        if (from.equals(tree)) {
          reasons.putIfAbsent(
              tree, "table " + name + " references " + r.parent() + " of the same stage by " + r);
        } else {
          trees.addEdge(from, tree);
        }
      }
      // A kept table's keys are drawn by the tables that reference it: it is written first.
      for (Relation r : graph.keptReferences(name)) {
        String from = rootOf.get(r.parent());
        if (!from.equals(tree)) {
          trees.addEdge(from, tree);
        }
      }
      uniqueAcrossPartitions(model, name)
          .ifPresent(reason -> reasons.putIfAbsent(rootOf.get(name), reason));
    }
    KosarajuStrongConnectivityInspector<String, DefaultEdge> scc =
        new KosarajuStrongConnectivityInspector<>(trees);
    Graph<Graph<String, DefaultEdge>, DefaultEdge> condensed = scc.getCondensation();
    // Topological order of the components, ties broken by generation order for a stable plan.
    List<Graph<String, DefaultEdge>> components = new ArrayList<>();
    new TopologicalOrderIterator<>(
            condensed,
            java.util.Comparator.comparingInt(
                (Graph<String, DefaultEdge> c) ->
                    c.vertexSet().stream().mapToInt(names::indexOf).min().orElse(0)))
        .forEachRemaining(components::add);
    for (Graph<String, DefaultEdge> component : components) {
      Set<String> roots = component.vertexSet();
      List<String> members = names.stream().filter(n -> roots.contains(rootOf.get(n))).toList();
      stageTables.add(members);
      Optional<String> reason =
          roots.size() > 1
              ? Optional.of("the trees of " + new LinkedHashSet<>(roots) + " reference each other")
              : Optional.ofNullable(reasons.get(roots.iterator().next()));
      whole.add(reason);
    }
  }

  /**
   * Why a table's unique values need the whole table: a unique sampled column that a foreign key
   * references, or a key of several columns that holds neither the primary parent's key nor a
   * generated column, so its tuples could repeat across partitions.
   */
  private static Optional<String> uniqueAcrossPartitions(SynthModel model, String name) {
    TableModel tm = model.table(name);
    Table table = tm.table();
    if (table.isKept()) {
      return Optional.empty();
    }
    Set<String> attributes = new LinkedHashSet<>(tm.attributeColumns());
    for (Relation r : model.graph().childrenOf(name)) {
      for (String c : r.fk().parentColumns()) {
        if (attributes.contains(c)) {
          return Optional.of(
              "sampled column " + name + "." + c + " is referenced by " + r + " and is unique");
        }
      }
    }
    List<List<String>> keys = new ArrayList<>(table.uniqueKeys());
    keys.add(table.primaryKey());
    List<String> primaryColumns =
        model.graph().primaryParent(name).map(r -> r.fk().columns()).orElse(List.of());
    for (List<String> key : keys) {
      if (key.size() < 2 || !key.stream().allMatch(c -> table.findColumn(c).isPresent())) {
        continue;
      }
      boolean owned =
          (!primaryColumns.isEmpty() && key.containsAll(primaryColumns))
              || key.stream().anyMatch(tm.keyFormats()::containsKey);
      if (!owned) {
        return Optional.of("key " + key + " of " + name + " could repeat across partitions");
      }
    }
    return Optional.empty();
  }

  /**
   * The plan as {@code --dry-run} prints it: per table rows, stage and partitions, then an estimate
   * of time and output size.
   */
  public String describe(SynthModel model, int threads) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT, "%-28s %14s %6s %10s%n", "table", "rows", "stage", "partitions"));
    long bytes = 0;
    for (TablePlan t : tables) {
      Stage s = stages.get(t.stage());
      sb.append(
          String.format(
              Locale.ROOT,
              "%-28s %,14d %6d %10d%n",
              t.table(),
              t.rows(),
              t.stage() + 1,
              s.partitions()));
      bytes += t.rows() * rowWidth(model.table(t.table()).table());
    }
    for (Stage s : stages) {
      s.whole()
          .ifPresent(
              why ->
                  sb.append("stage ")
                      .append(s.index() + 1)
                      .append(" is one partition: ")
                      .append(why)
                      .append('\n'));
    }
    long total = totalRows();
    int usable =
        (int) Math.min(threads, stages.stream().mapToInt(Stage::partitions).max().orElse(1));
    double seconds = total / (ROWS_PER_SECOND_PER_THREAD * Math.max(1, usable));
    sb.append(
        String.format(
            Locale.ROOT,
            "total %,d rows in %d partitions; estimate on %d thread%s: about %s and %s as CSV%n",
            total,
            stages.stream().mapToInt(Stage::partitions).sum(),
            threads,
            threads == 1 ? "" : "s",
            duration(seconds),
            size(bytes)));
    // What one worker — a thread here, an executor core on a cluster — holds and makes.
    Stage biggest = stages.get(0);
    long biggestRows = 0;
    for (Stage s : stages) {
      long rows = 0;
      for (String t : s.tables()) {
        rows += table(t).rows() / Math.max(1, s.partitions()) + 1;
      }
      if (rows > biggestRows) {
        biggestRows = rows;
        biggest = s;
      }
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "per worker (a thread, or an executor core): partitions of up to %,d rows (stage %d),"
                + " about %s of heap each while made or waiting to be written; about %s per"
                + " partition at the estimated rate%n",
            biggestRows,
            biggest.index() + 1,
            HeapEstimate.size(HeapEstimate.partition(model, this, biggest)),
            duration(biggestRows / ROWS_PER_SECOND_PER_THREAD)));
    sb.append("heap: ")
        .append(HeapEstimate.of(model, this, threads).describe())
        .append("; this Java may use about ")
        .append(HeapEstimate.size(HeapEstimate.usableHeap()))
        .append('\n');
    return sb.toString();
  }

  private static long rowWidth(Table table) {
    long width = 1;
    for (Column c : table.writtenColumns()) {
      width +=
          1
              + switch (c.type()) {
                case INTEGER -> 6;
                case DECIMAL, FLOAT -> 9;
                case BOOLEAN -> 5;
                case STRING -> c.length() > 0 ? Math.min(c.length(), 24) : 16;
                case DATE -> 10;
                case TIME -> 8;
                case TIMESTAMP -> 19;
                case TIMESTAMP_TZ -> 25;
                case UUID -> 36;
              };
    }
    return width;
  }

  private static String duration(double seconds) {
    if (seconds < 1) {
      return "under a second";
    }
    if (seconds < 120) {
      return Math.round(seconds) + " s";
    }
    return Math.round(seconds / 60) + " min";
  }

  private static String size(long bytes) {
    if (bytes < 1 << 20) {
      return Math.max(1, bytes >> 10) + " KiB";
    }
    if (bytes < 1L << 30) {
      return (bytes >> 20) + " MiB";
    }
    return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
  }

  /**
   * What decides this plan's rows, for a resumed run to compare with the run it continues: the
   * model's {@link ModelFile#fingerprint}, the seed, scale and row counts, and the stages with
   * their partitions. Threads and writers are not part of it: they do not change the rows.
   */
  public io.syndata.data.RunFingerprint fingerprint(SynthModel model, GenerationOptions options) {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("model", ModelFile.fingerprint(model));
    parts.put("seed", Long.toString(options.seed()));
    parts.put("scale", Double.toString(options.scale()));
    parts.put(
        "rows",
        options.rows().isEmpty() ? "{}" : new java.util.TreeMap<>(options.rows()).toString());
    StringBuilder partitions = new StringBuilder();
    for (Stage s : stages) {
      partitions.append(partitions.length() == 0 ? "" : " ");
      partitions.append(String.join("+", s.tables())).append(':').append(s.partitions());
    }
    parts.put("partitions", partitions.toString());
    return new io.syndata.data.RunFingerprint(parts);
  }

  /** Tables of the plan, by name, in generation order. */
  Map<String, TablePlan> byName() {
    Map<String, TablePlan> m = new LinkedHashMap<>();
    tables.forEach(t -> m.put(t.table(), t));
    return m;
  }
}
