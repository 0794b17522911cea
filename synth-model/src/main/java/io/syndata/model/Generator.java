package io.syndata.model;

import io.syndata.data.Progress;
import io.syndata.data.RowBatch;
import io.syndata.data.Source;
import io.syndata.data.Target;
import io.syndata.schema.Column;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Relation;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Turns a {@link SynthModel} into synthetic rows, table by table in generation order, parents
 * first.
 *
 * <p>Root tables get {@code round(sourceRows × scale)} rows; each child row belongs to a parent
 * row, which says with its sampled child counts how many children it has, and whose attributes
 * condition the child's. Keys follow the source's formats and are unique; every foreign key
 * references a generated row; deferred foreign keys are set by {@link Target#update} once their
 * parent exists. Only {@link Target#write} and {@link Target#update} are called: the caller begins
 * and commits.
 *
 * <p>Every random draw comes from a generator derived from the seed, the table and the purpose, so
 * the same model, options and seed give the same rows. Memory: for each table only what its
 * children need (keys, conditioning values, child counts) is kept, and only while they need it.
 */
public final class Generator {
  private static final int BATCH = Source.BATCH_SIZE;
  private static final int UNIQUE_ATTEMPTS = 1_000;

  private final SynthModel model;
  private final GenerationOptions options;
  private final Target target;
  private final Progress progress;
  private final ForeignKeyGraph graph;
  private final Map<String, State> states = new HashMap<>();
  private final Map<String, Long> written = new LinkedHashMap<>();
  private final Set<Relation> pendingDeferred;

  /** What a generated table keeps for the tables that reference it. */
  private static final class State {
    final String table;
    final Map<String, Object[]> columns = new HashMap<>();
    final Map<Relation, int[]> childCounts = new HashMap<>();
    int size;

    State(String table) {
      this.table = table;
    }
  }

  private Generator(SynthModel model, GenerationOptions options, Target target, Progress progress) {
    this.model = model;
    this.options = options;
    this.target = target;
    this.progress = progress;
    this.graph = model.graph();
    List<Relation> deferred = new ArrayList<>(graph.deferred());
    deferred.sort(Comparator.comparing(Relation::toString));
    this.pendingDeferred = new LinkedHashSet<>(deferred);
  }

  /**
   * Generates every table of the model into the target.
   *
   * @throws SynthException when {@code options.rows()} names a table the model does not have, or
   *     when a NOT NULL foreign key has no parent row to reference
   */
  public static GenerationResult generate(
      SynthModel model, GenerationOptions options, Target target, Progress progress) {
    return new Generator(model, options, target, progress).run();
  }

  private GenerationResult run() {
    List<Table> order = graph.generationOrder();
    List<String> names = order.stream().map(Table::name).toList();
    for (String name : options.rows().keySet()) {
      if (!names.contains(name)) {
        throw new SynthException(
            "--rows names table " + name + ", which is not in the model; its tables are " + names);
      }
    }
    Map<String, Integer> lastUse = lastUse(names);
    for (int i = 0; i < order.size(); i++) {
      generateTable(order.get(i));
      for (Relation d : List.copyOf(pendingDeferred)) {
        if (states.containsKey(d.child()) && states.containsKey(d.parent())) {
          fillDeferred(d);
          pendingDeferred.remove(d);
        }
      }
      for (String name : names) {
        if (lastUse.get(name) <= i) {
          states.remove(name);
        }
      }
    }
    return new GenerationResult(written);
  }

  /** The position in the order after which a table's state is no longer needed. */
  private Map<String, Integer> lastUse(List<String> names) {
    Map<String, Integer> last = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      last.merge(names.get(i), i, Math::max);
      for (Relation r : graph.parentsOf(names.get(i))) {
        int at = graph.isDeferred(r) ? Math.max(i, names.indexOf(r.parent())) : i;
        last.merge(r.parent(), at, Math::max);
        last.merge(r.child(), at, Math::max);
      }
    }
    return last;
  }

  /** The columns of a table its children and deferred updates read. */
  private Set<String> retained(Table table) {
    Set<String> keep = new LinkedHashSet<>();
    for (Relation r : graph.childrenOf(table.name())) {
      keep.addAll(r.fk().parentColumns());
      TableModel child = model.table(r.child());
      if (child.parentRelation().equals(Optional.of(r))) {
        keep.addAll(child.parentColumns());
      }
    }
    if (graph.parentsOf(table.name()).stream().anyMatch(graph::isDeferred)) {
      keep.addAll(table.primaryKey());
    }
    // A deferred reference to this table from a table it references itself (a store's manager, who
    // works in a store) picks among the rows that reference that row back.
    for (Relation d : graph.deferred()) {
      if (d.parent().equals(table.name()) && !d.isSelfReference()) {
        backReference(d).ifPresent(b -> keep.addAll(b.columns()));
      }
    }
    // A child whose other parent follows from this table's own reference (a sale's store from its
    // clerk) reads that reference here.
    for (Relation r : graph.childrenOf(table.name())) {
      for (Relation other : graph.parentsOf(r.child())) {
        graph.impliedBy(other, r).ifPresent(f -> keep.addAll(f.columns()));
      }
    }
    return keep;
  }

  private void generateTable(Table schemaTable) {
    long started = System.nanoTime();
    String name = schemaTable.name();
    TableModel tm = model.table(name);
    Table table = tm.table();
    long seed = options.seed();
    SplittableRandom planRandom = Seeds.random(seed, name, "plan");
    SplittableRandom sampleRandom = Seeds.random(seed, name, "sample");
    SplittableRandom keyRandom = Seeds.random(seed, name, "keys");
    Optional<Relation> primary = graph.primaryParent(name);

    // 1. How many rows, and the parent row of each.
    int[] parentOf = null;
    int n;
    int conditionedRows;
    if (primary.isEmpty()) {
      n = Math.toIntExact(rootRows(tm));
      conditionedRows = 0;
    } else {
      Relation p = primary.get();
      State parent = states.get(p.parent());
      boolean oneToOne =
          !table.primaryKey().isEmpty() && p.fk().columns().containsAll(table.primaryKey());
      boolean nullable = p.fk().columns().stream().allMatch(c -> table.column(c).nullable());
      double nullRate = nullable ? tm.nullRate(p) : 0;
      int[] counts = parent.childCounts.get(p);
      Long override = options.rows().get(name);
      long extra;
      if (counts == null) {
        long total = override != null ? override : Math.round(tm.sourceRows() * options.scale());
        extra = Math.round(total * nullRate);
        counts = rescale(new int[parent.size], total - extra, oneToOne, planRandom);
      } else {
        counts = counts.clone();
        if (oneToOne) {
          for (int i = 0; i < counts.length; i++) {
            counts[i] = Math.min(counts[i], 1);
          }
        }
        if (override != null) {
          extra = parent.size == 0 && nullable ? override : Math.round(override * nullRate);
          counts = rescale(counts, override - extra, oneToOne, planRandom);
        } else {
          long sum = Arrays.stream(counts).asLongStream().sum();
          extra =
              nullRate <= 0
                  ? 0
                  : nullRate >= 1
                      ? Math.round(tm.sourceRows() * options.scale())
                      : Math.round(sum * nullRate / (1 - nullRate));
        }
      }
      if (parent.size == 0 && !nullable && override != null && override > 0) {
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
      long sum = Arrays.stream(counts).asLongStream().sum();
      n = Math.toIntExact(sum + extra);
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

    // 2. Secondary parents: a shuffled multiset of parent slots, following their child counts.
    List<Relation> links = new ArrayList<>();
    primary.ifPresent(links::add);
    for (Relation r : graph.parentsOf(name)) {
      if (!graph.isDeferred(r) && !links.contains(r)) {
        links.add(r);
      }
    }
    Map<Relation, int[]> secondary = new HashMap<>();
    boolean[] implied = new boolean[links.size()];
    int[] primaryRows = parentOf;
    for (Relation r : links.subList(primary.isPresent() ? 1 : 0, links.size())) {
      Optional<int[]> derived =
          primary.flatMap(p -> graph.impliedBy(r, p).map(f -> impliedRows(r, p, f, primaryRows)));
      secondary.put(r, derived.orElseGet(() -> assignSecondary(tm, table, r, n, planRandom)));
      implied[links.indexOf(r)] = derived.isPresent();
    }

    // 3. Which column comes from where.
    List<Column> columns = table.writtenColumns();
    List<String> columnNames = columns.stream().map(Column::name).toList();
    int width = columns.size();
    Map<String, Integer> at = new HashMap<>();
    for (int c = 0; c < width; c++) {
      at.put(columnNames.get(c), c);
    }
    int[] fromRelation = new int[width];
    int[] fromParentColumn = new int[width];
    Arrays.fill(fromRelation, -1);
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
    boolean numberWithinParent =
        primary.isPresent()
            && table.primaryKey().containsAll(primary.get().fk().columns())
            && Arrays.stream(formats).anyMatch(f -> f != null);
    boolean junction =
        !table.primaryKey().isEmpty()
            && table.primaryKey().stream().allMatch(c -> fromRelation[at.get(c)] >= 0)
            && !(primary.isPresent()
                && primary.get().fk().columns().containsAll(table.primaryKey()));
    int[] pkAt = table.primaryKey().stream().mapToInt(at::get).toArray();
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
    int firstSecondary = primary.isPresent() ? 1 : 0;
    long dropped = 0;

    // 4. What to keep for the children.
    State state = new State(name);
    for (String keep : retained(table)) {
      if (at.containsKey(keep)) {
        state.columns.put(keep, new Object[n]);
      }
    }
    List<Relation> childRelations = tm.childRelations();
    for (Relation r : childRelations) {
      state.childCounts.put(r, new int[n]);
    }

    // 5. Sample, assign keys, write, in batches.
    progress.started("generate", name, n);
    State parent = primary.map(p -> states.get(p.parent())).orElse(null);
    List<String> parentColumns = tm.parentColumns();
    int rows = 0;
    int group = -2;
    long withinGroup = 0;
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
        int[] parentRows = new int[links.size()];
        for (int k = 0; k < links.size(); k++) {
          parentRows[k] =
              k == 0 && primary.isPresent() ? parentOf[row] : secondary.get(links.get(k))[row];
        }
        fillForeignKeys(out, w, links, parentRows, fromRelation, fromParentColumn);
        if (junction && !tuples.add(tuple(out, pkAt, w))) {
          if (!retryJunction(
              out,
              w,
              links,
              parentRows,
              fromRelation,
              fromParentColumn,
              pkAt,
              tuples,
              keyRandom,
              primary.isPresent() ? 1 : 0,
              secondary,
              row,
              n,
              implied)) {
            continue;
          }
        }
        int parentRow = parentOf == null ? -1 : parentOf[row];
        if (parentRow != group) {
          group = parentRow;
          withinGroup = 0;
        }
        for (int c = 0; c < width; c++) {
          if (formats[c] != null) {
            KeyFormat f = formats[c];
            if (inPrimaryKey[c]) {
              out[c][w] = f.value(numberWithinParent ? withinGroup : rows, salts[c]);
            } else {
              out[c][w] =
                  f.nullRate() > 0 && keyRandom.nextDouble() < f.nullRate()
                      ? null
                      : f.value(rows, salts[c]);
            }
          } else if (attribute[c] >= 0) {
            out[c][w] = sample.values()[attribute[c]][r];
          }
        }
        for (int c : uniqueColumns) {
          out[c][w] = unique(out[c][w], uniqueSeen.get(c), columns.get(c).length());
        }
        if (!multiKeys.isEmpty()
            && !keepUnique(
                out,
                w,
                multiKeys,
                multiSeen,
                links,
                parentRows,
                fromRelation,
                fromParentColumn,
                firstSecondary,
                attribute,
                uniqueColumns,
                sample,
                b,
                keyRandom,
                secondary,
                row,
                n,
                implied)) {
          dropped++;
          continue;
        }
        for (Map.Entry<String, Object[]> e : state.columns.entrySet()) {
          e.getValue()[rows] = out[at.get(e.getKey())][w];
        }
        for (int k = 0; k < childRelations.size(); k++) {
          state.childCounts.get(childRelations.get(k))[rows] = sample.childCounts()[k][r];
        }
        withinGroup++;
        rows++;
        w++;
      }
      if (w < b) {
        for (int c = 0; c < width; c++) {
          out[c] = Arrays.copyOf(out[c], w);
        }
      }
      if (w > 0) {
        target.write(new RowBatch(name, columnNames, out, w));
      }
      progress.advanced("generate", name, rows);
      start = end;
    }
    if (dropped > 0) {
      progress.warn(
          "left out "
              + dropped
              + " generated rows of "
              + name
              + " whose key of several columns repeated"
              + " and could not be redrawn");
    }
    state.size = rows;
    states.put(name, state);
    written.put(name, (long) rows);
    progress.finished("generate", name, rows, Duration.ofNanos(System.nanoTime() - started));
  }

  private long rootRows(TableModel tm) {
    String name = tm.table().name();
    Long override = options.rows().get(name);
    if (override != null) {
      return override;
    }
    long n = Math.round(tm.sourceRows() * options.scale());
    if (n == 0 && tm.sourceRows() > 0) {
      progress.warn(
          "table "
              + name
              + " has "
              + tm.sourceRows()
              + " rows; scale "
              + options.scale()
              + " would give none, so it gets 1");
      n = 1;
    }
    return n;
  }

  private void fillForeignKeys(
      Object[][] out,
      int w,
      List<Relation> links,
      int[] parentRows,
      int[] fromRelation,
      int[] fromParentColumn) {
    for (int c = 0; c < out.length; c++) {
      int k = fromRelation[c];
      if (k < 0) {
        continue;
      }
      Relation r = links.get(k);
      int parentRow = parentRows[k];
      out[c][w] =
          parentRow < 0
              ? null
              : states.get(r.parent())
                  .columns
                  .get(r.fk().parentColumns().get(fromParentColumn[c]))[parentRow];
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
      List<Relation> links,
      int[] parentRows,
      int[] fromRelation,
      int[] fromParentColumn,
      int firstSecondary,
      int[] attribute,
      List<Integer> uniqueColumns,
      TableSample sample,
      int sampleSize,
      SplittableRandom random,
      Map<Relation, int[]> secondary,
      int row,
      int n,
      boolean[] implied) {
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
        if (k >= firstSecondary && parentRows[k] >= 0 && !implied[k]) {
          changed |= redrawSecondary(links.get(k), k, parentRows, secondary, row, n, random);
        } else if (attribute[c] >= 0 && !uniqueColumns.contains(c) && sampleSize > 1) {
          out[c][w] = sample.values()[attribute[c]][random.nextInt(sampleSize)];
          changed = true;
        }
      }
      if (!changed) {
        return false;
      }
      fillForeignKeys(out, w, links, parentRows, fromRelation, fromParentColumn);
    }
    return false;
  }

  /**
   * Parent rows of {@code derived} read off each row's primary parent, whose own foreign key {@code
   * via} points at the same parent key: the store of a sale is the store of its clerk.
   */
  private int[] impliedRows(Relation derived, Relation primary, ForeignKey via, int[] parentOf) {
    State p2 = states.get(primary.parent());
    State p1 = states.get(derived.parent());
    List<String> keyColumns = derived.fk().parentColumns();
    Map<List<Object>, Integer> rowOfKey = new HashMap<>();
    for (int i = 0; i < p1.size; i++) {
      Object[] key = new Object[keyColumns.size()];
      for (int j = 0; j < key.length; j++) {
        key[j] = p1.columns.get(keyColumns.get(j))[i];
      }
      rowOfKey.putIfAbsent(Arrays.asList(key), i);
    }
    int[] rows = new int[parentOf.length];
    for (int i = 0; i < rows.length; i++) {
      int parent = parentOf[i];
      if (parent < 0) {
        rows[i] = -1;
        continue;
      }
      Object[] key = new Object[via.columns().size()];
      for (int j = 0; j < key.length; j++) {
        key[j] = p2.columns.get(via.columns().get(j))[parent];
      }
      Integer row = rowOfKey.get(Arrays.asList(key));
      rows[i] = row == null ? -1 : row;
    }
    return rows;
  }

  /**
   * Gives the row another secondary parent: preferably by swapping with a row still to come, so
   * every parent keeps its sampled number of children; else (the last rows) a parent drawn at
   * random.
   */
  private boolean redrawSecondary(
      Relation r,
      int k,
      int[] parentRows,
      Map<Relation, int[]> secondary,
      int row,
      int n,
      SplittableRandom random) {
    int[] assigned = secondary.get(r);
    if (assigned != null && row + 1 < n) {
      int other = row + 1 + random.nextInt(n - row - 1);
      if (assigned[other] >= 0) {
        int mine = parentRows[k];
        parentRows[k] = assigned[other];
        assigned[other] = mine;
        assigned[row] = parentRows[k];
        return true;
      }
    }
    int size = states.get(r.parent()).size;
    if (size > 1) {
      parentRows[k] = random.nextInt(size);
      return true;
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
      int[] fromParentColumn,
      int[] pkAt,
      Set<List<Object>> tuples,
      SplittableRandom random,
      int firstSecondary,
      Map<Relation, int[]> secondary,
      int row,
      int n,
      boolean[] implied) {
    if (firstSecondary >= links.size()) {
      return false;
    }
    for (int attempt = 0; attempt < 32; attempt++) {
      for (int k = firstSecondary; k < links.size(); k++) {
        if (parentRows[k] >= 0 && !implied[k]) {
          redrawSecondary(links.get(k), k, parentRows, secondary, row, n, random);
        }
      }
      fillForeignKeys(out, w, links, parentRows, fromRelation, fromParentColumn);
      if (tuples.add(tuple(out, pkAt, w))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Parent rows for a secondary foreign key: each parent's sampled child count, rescaled to the
   * rows.
   */
  private int[] assignSecondary(
      TableModel tm, Table table, Relation r, int n, SplittableRandom random) {
    State parent = states.get(r.parent());
    boolean nullable = r.fk().columns().stream().allMatch(c -> table.column(c).nullable());
    double nullRate = nullable ? tm.nullRate(r) : 0;
    int[] assigned = new int[n];
    int nonNull = 0;
    for (int i = 0; i < n; i++) {
      boolean isNull = nullRate > 0 && random.nextDouble() < nullRate;
      assigned[i] = isNull ? -1 : 0;
      nonNull += isNull ? 0 : 1;
    }
    if (parent.size == 0) {
      if (nonNull > 0 && !nullable) {
        throw new SynthException(
            "cannot generate "
                + table.name()
                + ": its foreign key "
                + r
                + " is NOT NULL but "
                + r.parent()
                + " has no rows (give it rows with --rows "
                + r.parent()
                + "=N)");
      }
      Arrays.fill(assigned, -1);
      return assigned;
    }
    int[] counts = parent.childCounts.get(r);
    counts =
        rescale(counts == null ? new int[parent.size] : counts.clone(), nonNull, false, random);
    int[] slots = new int[nonNull];
    int at = 0;
    for (int j = 0; j < counts.length; j++) {
      for (int c = 0; c < counts[j]; c++) {
        slots[at++] = j;
      }
    }
    for (int i = nonNull - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = slots[i];
      slots[i] = slots[j];
      slots[j] = t;
    }
    at = 0;
    for (int i = 0; i < n; i++) {
      if (assigned[i] >= 0) {
        assigned[i] = slots[at++];
      }
    }
    return assigned;
  }

  /**
   * Scales counts to sum to {@code total} in proportion (largest remainder, ties to the earlier
   * row); all-zero counts are spread evenly. With {@code atMostOne}, picks rows with a count first,
   * then others at random, one child each, and never more rows than there are parents.
   */
  static int[] rescale(int[] counts, long total, boolean atMostOne, SplittableRandom random) {
    int m = counts.length;
    long sum = Arrays.stream(counts).asLongStream().sum();
    if (sum == total) {
      return counts;
    }
    int[] out = new int[m];
    if (m == 0 || total <= 0) {
      return out;
    }
    if (atMostOne) {
      List<Integer> withChild = new ArrayList<>();
      List<Integer> without = new ArrayList<>();
      for (int i = 0; i < m; i++) {
        (counts[i] > 0 ? withChild : without).add(i);
      }
      shuffle(withChild, random);
      shuffle(without, random);
      withChild.addAll(without);
      for (int i = 0; i < Math.min(total, m); i++) {
        out[withChild.get(i)] = 1;
      }
      return out;
    }
    boolean even = sum == 0;
    double weightSum = even ? m : sum;
    double[] remainder = new double[m];
    long assigned = 0;
    for (int i = 0; i < m; i++) {
      double exact = (even ? 1 : counts[i]) * (double) total / weightSum;
      out[i] = (int) Math.floor(exact);
      remainder[i] = exact - out[i];
      assigned += out[i];
    }
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (x, y) ->
            remainder[x] != remainder[y]
                ? Double.compare(remainder[y], remainder[x])
                : Integer.compare(x, y));
    for (int k = 0; assigned < total; k = (k + 1) % m) {
      out[order[k]]++;
      assigned++;
    }
    return out;
  }

  private static void shuffle(List<Integer> list, SplittableRandom random) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Integer t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }

  /** The value, changed as little as needed to be new in {@code seen}. */
  private static Object unique(Object value, Set<Object> seen, int maxLength) {
    if (value == null || seen.add(value)) {
      return value;
    }
    for (int attempt = 1; attempt <= UNIQUE_ATTEMPTS; attempt++) {
      Object candidate = perturb(value, attempt, maxLength);
      if (seen.add(candidate)) {
        return candidate;
      }
    }
    throw new SynthException(
        "cannot make value " + value + " unique after " + UNIQUE_ATTEMPTS + " attempts");
  }

  private static Object perturb(Object v, int attempt, int maxLength) {
    if (v instanceof String s) {
      String suffix = "~" + Integer.toString(attempt, 36);
      if (maxLength > 0 && s.length() + suffix.length() > maxLength) {
        s = s.substring(0, Math.max(0, maxLength - suffix.length()));
      }
      return s + suffix;
    }
    if (v instanceof Long l) {
      return l + attempt;
    }
    if (v instanceof BigDecimal d) {
      return d.add(BigDecimal.ONE.movePointLeft(d.scale()).multiply(BigDecimal.valueOf(attempt)));
    }
    if (v instanceof Double d) {
      return d + attempt * Math.max(Math.ulp(d), 1e-9);
    }
    if (v instanceof LocalDate d) {
      return d.plusDays(attempt);
    }
    if (v instanceof LocalDateTime t) {
      return t.plusSeconds(attempt);
    }
    if (v instanceof OffsetDateTime t) {
      return t.plusSeconds(attempt);
    }
    if (v instanceof LocalTime t) {
      return t.plusSeconds(attempt);
    }
    if (v instanceof UUID u) {
      return new UUID(u.getMostSignificantBits(), Seeds.mix(u.getLeastSignificantBits() + attempt));
    }
    return v;
  }

  /**
   * The foreign key by which a deferred reference's parent points back at the referencing table.
   */
  private Optional<ForeignKey> backReference(Relation d) {
    return model.table(d.parent()).table().foreignKeys().stream()
        .filter(b -> b.parentTable().equals(d.child()))
        .filter(b -> !graph.isDeferred(new Relation(d.parent(), b)))
        .findFirst();
  }

  /**
   * Sets a deferred foreign key of rows already written, keeping its null rate. The parent row is
   * one that references the row back when there is such a key (a store's manager works in that
   * store), else any: a self-reference only points at rows generated earlier.
   */
  private void fillDeferred(Relation d) {
    State child = states.get(d.child());
    State parent = states.get(d.parent());
    Map<List<Object>, List<Integer>> referencing = new HashMap<>();
    Optional<ForeignKey> back = d.isSelfReference() ? Optional.empty() : backReference(d);
    back.ifPresent(
        b -> {
          for (int i = 0; i < parent.size; i++) {
            Object[] key = new Object[b.columns().size()];
            for (int k = 0; k < key.length; k++) {
              key[k] = parent.columns.get(b.columns().get(k))[i];
            }
            referencing.computeIfAbsent(Arrays.asList(key), x -> new ArrayList<>()).add(i);
          }
        });
    Table table = model.table(d.child()).table();
    double nullRate = model.table(d.child()).nullRate(d);
    SplittableRandom random = Seeds.random(options.seed(), d.child(), "deferred", d.fk().name());
    List<String> keyColumns = table.primaryKey();
    List<String> batchColumns = new ArrayList<>(keyColumns);
    batchColumns.addAll(d.fk().columns());
    int width = batchColumns.size();
    Object[][] values = new Object[width][BATCH];
    long[] rowIndex = new long[BATCH];
    int b = 0;
    for (int r = 0; r < child.size; r++) {
      if (random.nextDouble() < nullRate) {
        continue;
      }
      int j;
      if (d.isSelfReference()) {
        // Only rows generated earlier: a hierarchy without cycles.
        if (r == 0) {
          continue;
        }
        j = random.nextInt(r);
      } else {
        if (parent.size == 0) {
          continue;
        }
        List<Integer> candidates = List.of();
        if (back.isPresent()) {
          Object[] key = new Object[back.get().parentColumns().size()];
          for (int k = 0; k < key.length; k++) {
            key[k] = child.columns.get(back.get().parentColumns().get(k))[r];
          }
          candidates = referencing.getOrDefault(Arrays.asList(key), List.of());
        }
        j =
            candidates.isEmpty()
                ? random.nextInt(parent.size)
                : candidates.get(random.nextInt(candidates.size()));
      }
      for (int k = 0; k < keyColumns.size(); k++) {
        values[k][b] = child.columns.get(keyColumns.get(k))[r];
      }
      for (int k = 0; k < d.fk().parentColumns().size(); k++) {
        values[keyColumns.size() + k][b] = parent.columns.get(d.fk().parentColumns().get(k))[j];
      }
      rowIndex[b] = r;
      if (++b == BATCH) {
        target.update(new RowBatch(d.child(), batchColumns, values, b), keyColumns, rowIndex);
        values = new Object[width][BATCH];
        rowIndex = new long[BATCH];
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
