package io.syndata.model;

import io.syndata.data.RowBatch;
import io.syndata.data.Source;
import io.syndata.schema.Column;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Relation;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates one partition of a stage: for each table of the stage, parents first, the rows whose
 * ordinals the partition owns. Every random draw comes from generators derived from (seed, table,
 * partition), and everything read from outside the partition (secondary parents, stores of earlier
 * stages) is complete and immutable while it runs, so a partition's rows are the same on any thread
 * and in any order of execution.
 */
final class PartitionWorker {
  private static final int BATCH = Source.BATCH_SIZE;

  /** What a partition made: its batches in write order, and what the generator keeps of it. */
  record Output(
      List<RowBatch> batches,
      Map<String, Long> rows,
      Map<String, TableStore> stores,
      Map<String, Long> dropped) {}

  /** What a table of this partition keeps for its primary children. */
  private static final class State {
    final Map<String, Object[]> columns = new HashMap<>();
    final Map<Relation, int[]> childCounts = new HashMap<>();
    int size;
  }

  private final SynthModel model;
  private final ForeignKeyGraph graph;
  private final GenerationPlan plan;
  private final GenerationPlan.Stage stage;
  private final int partition;
  private final long seed;
  private final StoreSpecs specs;
  private final Map<String, TableStore> earlierStores;
  private final Map<Relation, SecondaryParents> earlierSecondary;
  private final Map<String, State> states = new HashMap<>();
  private final Map<String, TableStore> stores = new LinkedHashMap<>();
  private final Map<Relation, SecondaryParents> localSecondary = new HashMap<>();
  private final List<RowBatch> batches = new ArrayList<>();
  private final Map<String, Long> rows = new LinkedHashMap<>();
  private final Map<String, Long> dropped = new LinkedHashMap<>();

  PartitionWorker(
      SynthModel model,
      GenerationPlan plan,
      GenerationPlan.Stage stage,
      int partition,
      long seed,
      StoreSpecs specs,
      Map<String, TableStore> earlierStores,
      Map<Relation, SecondaryParents> earlierSecondary) {
    this.model = model;
    this.graph = model.graph();
    this.plan = plan;
    this.stage = stage;
    this.partition = partition;
    this.seed = seed;
    this.specs = specs;
    this.earlierStores = earlierStores;
    this.earlierSecondary = earlierSecondary;
  }

  Output run() {
    return run(Set.copyOf(stage.tables()));
  }

  /**
   * Makes only some tables of the stage, which must hold every table of the stage that they read
   * (primary parents, parents of secondary keys): their rows are then the same as in a full run.
   */
  Output run(Set<String> only) {
    List<String> tables = stage.tables();
    for (int i = 0; i < tables.size(); i++) {
      if (!only.contains(tables.get(i))) {
        continue;
      }
      generateTable(tables.get(i));
      // Free what no later table of the stage reads.
      for (String done : List.copyOf(states.keySet())) {
        if (!readLater(done, tables.subList(i + 1, tables.size()))) {
          states.remove(done);
        }
      }
    }
    return new Output(batches, rows, stores, dropped);
  }

  private boolean readLater(String table, List<String> later) {
    for (String t : later) {
      if (graph.primaryParent(t).map(Relation::parent).filter(table::equals).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** The columns of a table its primary children in this stage read. */
  private Set<String> retained(Table table) {
    Set<String> keep = new LinkedHashSet<>();
    for (Relation r : graph.childrenOf(table.name())) {
      if (!graph.primaryParent(r.child()).equals(Optional.of(r))) {
        continue;
      }
      keep.addAll(r.fk().parentColumns());
      TableModel child = model.table(r.child());
      if (child.parentRelation().equals(Optional.of(r))) {
        keep.addAll(child.parentColumns());
      }
      // A child whose other parent follows from this table's own reference (a sale's store from
      // its clerk) reads that reference here.
      for (Relation other : graph.parentsOf(r.child())) {
        graph.impliedBy(other, r).ifPresent(f -> keep.addAll(f.columns()));
      }
    }
    return keep;
  }

  private SecondaryParents secondary(Relation r) {
    SecondaryParents s = earlierSecondary.get(r);
    if (s != null) {
      return s;
    }
    // A parent of the same stage: the stage is one partition, so this partition holds it whole.
    return localSecondary.computeIfAbsent(
        r, x -> SecondaryParents.of(model, plan, x, stores.get(x.parent()), seed));
  }

  private TableStore storeOf(String table) {
    TableStore s = stores.get(table);
    return s != null ? s : earlierStores.get(table);
  }

  private void generateTable(String name) {
    TableModel tm = model.table(name);
    Table table = tm.table();
    GenerationPlan.TablePlan tp = plan.table(name);
    int partitions = stage.partitions();
    long first = GenerationPlan.partitionStart(tp.rows(), partition, partitions);
    long quota = GenerationPlan.partitionStart(tp.rows(), partition + 1, partitions) - first;
    long nullQuota =
        GenerationPlan.partitionStart(tp.nullParentRows(), partition + 1, partitions)
            - GenerationPlan.partitionStart(tp.nullParentRows(), partition, partitions);
    if (tm instanceof KeptTableModel kept) {
      copyKept(kept, first, quota);
      return;
    }
    String p = Integer.toString(partition);
    SplittableRandom planRandom = Seeds.random(seed, name, "plan", p);
    SplittableRandom sampleRandom = Seeds.random(seed, name, "sample", p);
    SplittableRandom keyRandom = Seeds.random(seed, name, "keys", p);
    Optional<Relation> primary = graph.primaryParent(name);

    // 1. How many rows, and the parent row of each.
    int[] parentOf = null;
    int n;
    int conditionedRows;
    State parent = primary.map(r -> states.get(r.parent())).orElse(null);
    if (primary.isEmpty()) {
      n = Math.toIntExact(quota);
      conditionedRows = 0;
    } else {
      Relation pr = primary.get();
      boolean oneToOne =
          !table.primaryKey().isEmpty() && pr.fk().columns().containsAll(table.primaryKey());
      int[] counts = parent.childCounts.get(pr);
      counts = counts == null ? new int[parent.size] : Arrays.copyOf(counts, parent.size);
      if (oneToOne) {
        for (int i = 0; i < counts.length; i++) {
          counts[i] = Math.min(counts[i], 1);
        }
      }
      counts = Counts.rescale(counts, quota - nullQuota, oneToOne, planRandom);
      long sum = Arrays.stream(counts).asLongStream().sum();
      n = Math.toIntExact(sum + nullQuota);
      conditionedRows = (int) sum;
      parentOf = new int[n];
      int at = 0;
      for (int i = 0; i < counts.length; i++) {
        for (int c = 0; c < counts[i]; c++) {
          parentOf[at++] = i;
        }
      }
      Arrays.fill(parentOf, at, n, -1);
    }

    // 2. Which column comes from where.
    List<Relation> links = new ArrayList<>();
    primary.ifPresent(links::add);
    List<Relation> secondary = PartitionLinks.secondary(graph, name);
    links.addAll(secondary);
    List<Relation> implied = new ArrayList<>();
    Map<Relation, ForeignKey> impliedVia = new HashMap<>();
    for (Relation r : graph.parentsOf(name)) {
      if (!graph.isDeferred(r) && !links.contains(r) && !implied.contains(r)) {
        implied.add(r);
        impliedVia.put(r, graph.impliedBy(r, primary.orElseThrow()).orElseThrow());
      }
    }
    int firstSecondary = primary.isPresent() ? 1 : 0;
    List<Column> columns = table.writtenColumns();
    List<String> columnNames = columns.stream().map(Column::name).toList();
    int width = columns.size();
    Map<String, Integer> at = new HashMap<>();
    for (int c = 0; c < width; c++) {
      at.put(columnNames.get(c), c);
    }
    // Per column: the link (index in links) it is read from, and which of its parent columns; or
    // the implied relation (index in implied), read from the primary parent's own foreign key.
    int[] fromRelation = new int[width];
    int[] fromParentColumn = new int[width];
    int[] fromImplied = new int[width];
    Arrays.fill(fromRelation, -1);
    Arrays.fill(fromImplied, -1);
    for (int k = 0; k < links.size(); k++) {
      List<String> fkCols = links.get(k).fk().columns();
      for (int j = 0; j < fkCols.size(); j++) {
        Integer c = at.get(fkCols.get(j));
        if (c != null && fromRelation[c] < 0) {
          fromRelation[c] = k;
          fromParentColumn[c] = j;
        }
      }
    }
    for (int k = 0; k < implied.size(); k++) {
      List<String> fkCols = implied.get(k).fk().columns();
      for (int j = 0; j < fkCols.size(); j++) {
        Integer c = at.get(fkCols.get(j));
        if (c != null && fromRelation[c] < 0 && fromImplied[c] < 0) {
          fromImplied[c] = k;
          fromParentColumn[c] = j;
        }
      }
    }
    int[] attribute = new int[width];
    Arrays.fill(attribute, -1);
    for (int i = 0; i < tm.attributeColumns().size(); i++) {
      Integer c = at.get(tm.attributeColumns().get(i));
      if (c != null) {
        attribute[c] = i;
      }
    }
    KeyFormat[] formats = new KeyFormat[width];
    long[] salts = new long[width];
    boolean[] inPrimaryKey = new boolean[width];
    for (int c = 0; c < width; c++) {
      formats[c] = tm.keyFormats().get(columnNames.get(c));
      salts[c] = Seeds.derive(seed, name, columnNames.get(c), "key");
      inPrimaryKey[c] = table.primaryKey().contains(columnNames.get(c));
    }
    // A NOT NULL key deferred to close a cycle: a placeholder parent until the second pass.
    KeyFormat[] placeholder = new KeyFormat[width];
    long[] placeholderSalt = new long[width];
    long[] placeholderRows = new long[width];
    for (Relation d : graph.notNullDeferred().keySet()) {
      if (!d.child().equals(name)) {
        continue;
      }
      TableModel parentModel = model.table(d.parent());
      for (int j = 0; j < d.fk().columns().size(); j++) {
        Integer c = at.get(d.fk().columns().get(j));
        String parentColumn = d.fk().parentColumns().get(j);
        KeyFormat f = parentModel.keyFormats().get(parentColumn);
        if (c != null && f != null) {
          placeholder[c] = f;
          placeholderSalt[c] = Seeds.derive(seed, d.parent(), parentColumn, "key");
          placeholderRows[c] = Math.max(1, plan.table(d.parent()).rows());
        }
      }
    }
    boolean numberWithinParent =
        primary.isPresent()
            && table.primaryKey().containsAll(primary.get().fk().columns())
            && Arrays.stream(formats).anyMatch(f -> f != null);
    boolean junction =
        !table.primaryKey().isEmpty()
            && table.primaryKey().stream()
                .allMatch(c -> fromRelation[at.get(c)] >= 0 || fromImplied[at.get(c)] >= 0)
            && !(primary.isPresent()
                && primary.get().fk().columns().containsAll(table.primaryKey()));
    int[] pkAt = table.primaryKey().stream().mapToInt(at::get).toArray();
    RowRules rules = RowRules.of(table, columnNames, attribute);
    Set<List<Object>> tuples = junction ? new HashSet<>() : null;
    List<Integer> uniqueColumns = new ArrayList<>();
    Map<Integer, Set<Object>> uniqueSeen = new HashMap<>();
    for (int c = 0; c < width; c++) {
      if (attribute[c] >= 0 && table.isUniqueColumn(columnNames.get(c))) {
        uniqueColumns.add(c);
        uniqueSeen.put(c, new HashSet<>());
      }
    }
    // Keys of several columns (composite primary keys and unique constraints) must not repeat;
    // tuples with a null are exempt, as in SQL.
    List<int[]> multiKeys = new ArrayList<>();
    if (table.primaryKey().size() > 1) {
      multiKeys.add(pkAt);
    }
    for (List<String> unique : table.uniqueKeys()) {
      if (unique.size() > 1
          && !unique.equals(table.primaryKey())
          && unique.stream().allMatch(at::containsKey)) {
        multiKeys.add(unique.stream().mapToInt(at::get).toArray());
      }
    }
    List<Set<List<Object>>> multiSeen = new ArrayList<>();
    multiKeys.forEach(k -> multiSeen.add(new HashSet<>()));
    long droppedRows = 0;

    // 3. What to keep for the children of this partition, and for the store.
    State state = new State();
    for (String keep : retained(table)) {
      if (at.containsKey(keep)) {
        state.columns.put(keep, new Object[n]);
      }
    }
    List<Relation> childRelations = tm.childRelations();
    int[] keptCounts =
        java.util.stream.IntStream.range(0, childRelations.size())
            .filter(
                k ->
                    graph
                        .primaryParent(childRelations.get(k).child())
                        .equals(Optional.of(childRelations.get(k))))
            .toArray();
    for (int k : keptCounts) {
      state.childCounts.put(childRelations.get(k), new int[n]);
    }
    TableStore store = specs.has(name) ? specs.newStore(name) : null;
    int[] storeColumns = new int[0];
    int[] storeCounts = new int[0];
    if (store != null) {
      storeColumns = store.columnNames().stream().mapToInt(at::get).toArray();
      storeCounts = store.countedRelations().stream().mapToInt(childRelations::indexOf).toArray();
      stores.put(name, store);
    }
    Object[] storeRow = new Object[storeColumns.length];
    int[] storeRowCounts = new int[storeCounts.length];

    // 4. Sample, assign keys, in batches.
    SecondaryParents[] assigners = new SecondaryParents[links.size()];
    for (int k = firstSecondary; k < links.size(); k++) {
      assigners[k] = secondary(links.get(k));
    }
    Object[][] sources = linkSources(links, firstSecondary, fromRelation, fromParentColumn);
    List<String> parentColumns = tm.parentColumns();
    int made = 0;
    int group = -2;
    long withinGroup = 0;
    int[] parentRows = new int[links.size()];
    for (int start = 0; start < n; ) {
      int end = Math.min(n, start + BATCH);
      if (start < conditionedRows) {
        end = Math.min(end, conditionedRows);
      }
      int b = end - start;
      Object[][] parentValues = new Object[0][];
      if (start < conditionedRows && !parentColumns.isEmpty()) {
        parentValues = new Object[parentColumns.size()][b];
        for (int k = 0; k < parentColumns.size(); k++) {
          Object[] source = parent.columns.get(parentColumns.get(k));
          for (int r = 0; r < b; r++) {
            parentValues[k][r] = source[parentOf[start + r]];
          }
        }
      }
      TableSample sample = tm.sample(b, parentValues, sampleRandom);
      Object[][] out = new Object[width][b];
      int w = 0;
      for (int r = 0; r < b; r++) {
        int row = start + r;
        long ordinal = first + row;
        for (int k = 0; k < links.size(); k++) {
          parentRows[k] = k < firstSecondary ? parentOf[row] : assigners[k].parentOf(ordinal);
        }
        int primaryRow = parentOf == null ? -1 : parentOf[row];
        fillForeignKeys(out, w, parentRows, fromRelation, sources);
        fillImplied(out, w, implied, impliedVia, parent, primaryRow, fromImplied, fromParentColumn);
        if (junction && !tuples.add(tuple(out, pkAt, w))) {
          if (!retryJunction(
              out,
              w,
              links,
              parentRows,
              fromRelation,
              sources,
              pkAt,
              tuples,
              keyRandom,
              firstSecondary,
              assigners)) {
            droppedRows++;
            continue;
          }
        }
        if (primaryRow != group) {
          group = primaryRow;
          withinGroup = 0;
        }
        long keyOrdinal = first + made;
        for (int c = 0; c < width; c++) {
          if (formats[c] != null) {
            KeyFormat f = formats[c];
            if (f.style() == KeyFormat.Style.DERIVED) {
              out[c][w] = f.derived(out[at.get(f.from())][w], withinGroup);
            } else if (inPrimaryKey[c]) {
              out[c][w] = f.value(numberWithinParent ? withinGroup : keyOrdinal, salts[c]);
            } else {
              out[c][w] =
                  f.nullRate() > 0 && keyRandom.nextDouble() < f.nullRate()
                      ? null
                      : f.value(keyOrdinal, salts[c]);
            }
          } else if (attribute[c] >= 0) {
            out[c][w] = sample.values()[attribute[c]][r];
          } else if (placeholder[c] != null) {
            // distinct per row, so that a unique reference (a store's one manager) stays unique
            out[c][w] = placeholder[c].value(keyOrdinal % placeholderRows[c], placeholderSalt[c]);
          }
        }
        rules.apply(out, w);
        for (int c : uniqueColumns) {
          out[c][w] = Uniques.unique(out[c][w], uniqueSeen.get(c), columns.get(c).length());
        }
        if (!multiKeys.isEmpty()
            && !keepUnique(
                out,
                w,
                multiKeys,
                multiSeen,
                parentRows,
                fromRelation,
                sources,
                firstSecondary,
                attribute,
                uniqueColumns,
                sample,
                b,
                keyRandom,
                assigners)) {
          droppedRows++;
          continue;
        }
        for (Map.Entry<String, Object[]> e : state.columns.entrySet()) {
          e.getValue()[made] = out[at.get(e.getKey())][w];
        }
        for (int k : keptCounts) {
          state.childCounts.get(childRelations.get(k))[made] = sample.childCounts()[k][r];
        }
        if (store != null) {
          for (int i = 0; i < storeColumns.length; i++) {
            storeRow[i] = out[storeColumns[i]][w];
          }
          for (int i = 0; i < storeCounts.length; i++) {
            storeRowCounts[i] = sample.childCounts()[storeCounts[i]][r];
          }
          store.add(storeRow, storeRowCounts);
        }
        withinGroup++;
        made++;
        w++;
      }
      if (w < b) {
        for (int c = 0; c < width; c++) {
          out[c] = Arrays.copyOf(out[c], w);
        }
      }
      if (w > 0) {
        batches.add(new RowBatch(name, columnNames, out, w));
      }
      start = end;
    }
    if (droppedRows > 0) {
      dropped.put(name, droppedRows);
    }
    state.size = made;
    states.put(name, state);
    rows.put(name, (long) made);
  }

  /** Writes a kept table's source rows that this partition owns, as they are. */
  private void copyKept(KeptTableModel kept, long first, long quota) {
    String name = kept.table().name();
    for (long start = 0; start < quota; start += BATCH) {
      int b = (int) Math.min(BATCH, quota - start);
      batches.add(new RowBatch(name, kept.columns(), kept.rows(first + start, b), b));
    }
    State state = new State();
    state.size = Math.toIntExact(quota);
    states.put(name, state);
    rows.put(name, quota);
  }

  /** Per column read from a link: the parent's values of the column it copies. */
  private Object[][] linkSources(
      List<Relation> links, int firstSecondary, int[] fromRelation, int[] fromParentColumn) {
    Object[][] sources = new Object[fromRelation.length][];
    for (int c = 0; c < fromRelation.length; c++) {
      int k = fromRelation[c];
      if (k < 0) {
        continue;
      }
      Relation r = links.get(k);
      String parentColumn = r.fk().parentColumns().get(fromParentColumn[c]);
      sources[c] =
          k < firstSecondary
              ? states.get(r.parent()).columns.get(parentColumn)
              : storeOf(r.parent()).column(parentColumn);
    }
    return sources;
  }

  private static void fillForeignKeys(
      Object[][] out, int w, int[] parentRows, int[] fromRelation, Object[][] sources) {
    for (int c = 0; c < out.length; c++) {
      int k = fromRelation[c];
      if (k < 0) {
        continue;
      }
      int parentRow = parentRows[k];
      out[c][w] = parentRow < 0 ? null : sources[c][parentRow];
    }
  }

  /** Copies implied foreign keys off the primary parent's own reference. */
  private static void fillImplied(
      Object[][] out,
      int w,
      List<Relation> implied,
      Map<Relation, ForeignKey> via,
      State parent,
      int primaryRow,
      int[] fromImplied,
      int[] fromParentColumn) {
    for (int c = 0; c < out.length; c++) {
      int k = fromImplied[c];
      if (k < 0) {
        continue;
      }
      String parentColumn = via.get(implied.get(k)).columns().get(fromParentColumn[c]);
      out[c][w] = primaryRow < 0 ? null : parent.columns.get(parentColumn)[primaryRow];
    }
  }

  private static List<Object> tuple(Object[][] out, int[] at, int w) {
    List<Object> t = new ArrayList<>(at.length);
    for (int c : at) {
      t.add(out[c][w]);
    }
    return t;
  }

  /**
   * Makes the row's tuples of every multi-column key new: a repeated tuple gets other secondary
   * parents (where the key holds their columns) and other sampled values for its attribute columns,
   * up to 32 times. Records the tuples and returns true, or false when the row must be left out.
   */
  private boolean keepUnique(
      Object[][] out,
      int w,
      List<int[]> keys,
      List<Set<List<Object>>> seen,
      int[] parentRows,
      int[] fromRelation,
      Object[][] sources,
      int firstSecondary,
      int[] attribute,
      List<Integer> uniqueColumns,
      TableSample sample,
      int sampleSize,
      SplittableRandom random,
      SecondaryParents[] assigners) {
    for (int attempt = 0; attempt <= 32; attempt++) {
      int clash = -1;
      for (int u = 0; u < keys.size() && clash < 0; u++) {
        List<Object> t = tuple(out, keys.get(u), w);
        if (!t.contains(null) && seen.get(u).contains(t)) {
          clash = u;
        }
      }
      if (clash < 0) {
        for (int u = 0; u < keys.size(); u++) {
          List<Object> t = tuple(out, keys.get(u), w);
          if (!t.contains(null)) {
            seen.get(u).add(t);
          }
        }
        return true;
      }
      if (attempt == 32) {
        return false;
      }
      boolean changed = false;
      for (int c : keys.get(clash)) {
        int k = fromRelation[c];
        if (k >= firstSecondary && parentRows[k] >= 0) {
          int other = assigners[k].draw(random);
          changed |= other >= 0;
          parentRows[k] = other >= 0 ? other : parentRows[k];
        } else if (attribute[c] >= 0 && !uniqueColumns.contains(c) && sampleSize > 1) {
          out[c][w] = sample.values()[attribute[c]][random.nextInt(sampleSize)];
          changed = true;
        }
      }
      if (!changed) {
        return false;
      }
      fillForeignKeys(out, w, parentRows, fromRelation, sources);
    }
    return false;
  }

  /** Draws other secondary parents until the key tuple is new; false when none is found. */
  private boolean retryJunction(
      Object[][] out,
      int w,
      List<Relation> links,
      int[] parentRows,
      int[] fromRelation,
      Object[][] sources,
      int[] pkAt,
      Set<List<Object>> tuples,
      SplittableRandom random,
      int firstSecondary,
      SecondaryParents[] assigners) {
    if (firstSecondary >= links.size()) {
      return false;
    }
    for (int attempt = 0; attempt < 32; attempt++) {
      for (int k = firstSecondary; k < links.size(); k++) {
        if (parentRows[k] >= 0) {
          int other = assigners[k].draw(random);
          parentRows[k] = other >= 0 ? other : parentRows[k];
        }
      }
      fillForeignKeys(out, w, parentRows, fromRelation, sources);
      if (tuples.add(tuple(out, pkAt, w))) {
        return true;
      }
    }
    return false;
  }
}
