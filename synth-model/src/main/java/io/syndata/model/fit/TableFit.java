package io.syndata.model.fit;

import io.syndata.data.Progress;
import io.syndata.data.RowBatch;
import io.syndata.model.FitOptions;
import io.syndata.model.KeyFormat;
import io.syndata.model.OrphanPolicy;
import io.syndata.model.Seeds;
import io.syndata.model.fit.ColumnRoles.Role;
import io.syndata.schema.Column;
import io.syndata.schema.ColumnKind;
import io.syndata.schema.ColumnKinds;
import io.syndata.schema.DataType;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Relation;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The fitting state of one table: what its scan collects (a {@link KeyedSample} of rows as
 * per-column primitive arrays, key indexes for its children, formats, shapes) and how it becomes a
 * {@link StatisticalTableModel}.
 */
final class TableFit {
  /** At most this many attributes of the primary parent condition a child table. */
  static final int MAX_CONDITIONING = 8;

  final Table table;
  final List<String> scanColumns;
  final List<Attr> attrs = new ArrayList<>();
  final Map<String, Integer> textIndex = new LinkedHashMap<>();
  final List<TextModel.Learner> textLearners = new ArrayList<>();
  final List<String> textPii = new ArrayList<>();

  /** Columns of a database format (JSON, bytes, arrays, …), learned by their own learner. */
  final Map<String, FormatLearner> formatLearners = new LinkedHashMap<>();

  private final Map<String, Integer> formatIndex = new HashMap<>();
  final Map<String, KeyLearner> keyLearners = new LinkedHashMap<>();
  final Map<String, Integer> keyScanIndex = new HashMap<>();

  /**
   * k ({@link FitOptions#minCount()}): a category of a domain column (a country, a city) is
   * reproduced only when at least this many sample rows hold it, and a word pair of free text only
   * when this many rows contain it, so no value that could single a person out is copied.
   */
  final int minCount;

  /** String columns of a known domain, by column name: from their names, then their values. */
  final Map<String, String> domains = new LinkedHashMap<>();

  private final Map<String, Domains.Detector> detectors = new LinkedHashMap<>();
  private final Map<String, Integer> detectorIndex = new HashMap<>();

  /** Unique text columns that may turn out to be patterned codes, by column name. */
  final Map<String, KeyLearner> uniqueCodes = new LinkedHashMap<>();

  /** For a key that may begin with its parent's key: the scan index of that foreign key. */
  final Map<String, Integer> keyFromIndex = new HashMap<>();

  /** The table's address parts; null when it has fewer than two. */
  private final AddressFit addresses;

  final List<Link> links = new ArrayList<>();
  final Optional<Relation> primary;
  Link primaryLink;
  final List<Attr> conditioning = new ArrayList<>();

  /** Per conditioning attribute: its index among the parent's attributes. */
  private final int[] conditioningSource;

  final List<Relation> childRelations;
  final Map<List<String>, KeyIndex> keyIndexes = new LinkedHashMap<>();
  private final Map<List<String>, int[]> keyIndexColumns = new LinkedHashMap<>();

  /**
   * Columns that reference kept tables only: drawn as categories of the source keys, which the kept
   * table holds verbatim.
   */
  final java.util.Set<String> keptColumns = new java.util.HashSet<>();

  private final int maxRows;
  private final KeyedSample sample;

  /** Salts the hash of a row's key into its sampling priority. */
  private final long sampleSalt;

  /** The primary key's positions among the scanned columns; empty when the table has none. */
  private final int[] keyScanIndexes;

  private final SplittableRandom foldRandom;
  private final OrphanPolicy orphanPolicy;
  int capacity;
  double[][] attrValues;
  double[][] condValues;
  boolean[] hasParent;
  long[] slotOrdinal;
  int size;
  long accepted;
  long scanned;
  int[][] counts;
  private long[] sortedOrdinals;
  private long[] sortedSlots;

  TableFit(Table table, ForeignKeyGraph graph, Map<String, TableFit> fitted, FitOptions options) {
    this.table = table;
    this.maxRows = options.maxFitRows();
    this.orphanPolicy = options.orphans();
    this.sample = new KeyedSample(maxRows);
    this.sampleSalt = Seeds.derive(options.seed(), table.name(), "sample");
    this.minCount = options.minCount();
    this.foldRandom = Seeds.random(options.seed(), table.name(), "rare categories");
    this.scanColumns = table.writtenColumns().stream().map(Column::name).toList();
    this.keyScanIndexes =
        scanColumns.containsAll(table.primaryKey())
            ? table.primaryKey().stream().mapToInt(scanColumns::indexOf).toArray()
            : new int[0];
    keptColumns.addAll(ColumnRoles.keptColumns(table, graph));
    for (int i = 0; i < scanColumns.size(); i++) {
      Column c = table.column(scanColumns.get(i));
      switch (ColumnRoles.roleOf(table, c, keptColumns)) {
        case CONTINUOUS -> attrs.add(new Attr(c, i, false, minCount));
        case CATEGORICAL -> attrs.add(new Attr(c, i, true, minCount));
        case TEXT, PII -> {
          if (ColumnRoles.formatted(c)) {
            formatLearners.put(c.name(), FormatModel.learner(c.format(), c.nullable(), c.length()));
            formatIndex.put(c.name(), i);
            continue;
          }
          if (c.kind() == ColumnKind.TEXT
              && c.type() == DataType.STRING
              && table.isUniqueColumn(c.name())) {
            // A unique code such as INV-2024-000123 keeps its template when it has one.
            uniqueCodes.put(c.name(), new KeyLearner(c.type(), c.nullable()));
          }
          textIndex.put(c.name(), i);
          textLearners.add(
              new TextModel.Learner(
                  c.nullable(), c.length(), c.kind() == ColumnKind.PII ? 0 : minCount));
          textPii.add(
              c.kind() == ColumnKind.PII && c.type() == DataType.STRING
                  ? c.pii().orElse("")
                  : null);
        }
        case GENERATED -> {
          String from = ColumnRoles.derivedFrom(table, graph, c);
          keyLearners.put(
              c.name(),
              new KeyLearner(
                  c.type(), c.nullable() && !table.primaryKey().contains(c.name()), from));
          keyScanIndex.put(c.name(), i);
          if (!from.isEmpty()) {
            keyFromIndex.put(c.name(), scanColumns.indexOf(from));
          }
        }
        case FOREIGN -> {}
      }
    }
    for (int i = 0; i < scanColumns.size(); i++) {
      Column c = table.column(scanColumns.get(i));
      Role role = ColumnRoles.roleOf(table, c, keptColumns);
      if (c.type() != DataType.STRING
          || keptColumns.contains(c.name())
          || (role != Role.TEXT && role != Role.CATEGORICAL)) {
        continue;
      }
      Optional<String> named = Domains.ofName(c.name());
      if (named.isEmpty() && Domains.isJobTitle(table, c.name())) {
        named = Optional.of(Domains.JOB_TITLE);
      }
      if (named.isPresent()) {
        domains.put(c.name(), named.get());
      } else {
        detectors.put(c.name(), new Domains.Detector());
        detectorIndex.put(c.name(), i);
      }
    }
    this.primary = graph.primaryParent(table.name());
    for (Relation r : graph.parentsOf(table.name())) {
      int[] idx = r.fk().columns().stream().mapToInt(scanColumns::indexOf).toArray();
      boolean deferred = graph.isDeferred(r);
      boolean nullable = r.fk().columns().stream().allMatch(c -> table.column(c).nullable());
      Link link = new Link(r, idx, deferred ? null : fitted.get(r.parent()), nullable, deferred);
      if (!deferred) {
        link.countIndex = link.parent.childRelations.indexOf(r);
      }
      links.add(link);
      if (primary.isPresent() && primary.get().equals(r)) {
        primaryLink = link;
      }
    }
    if (primaryLink != null) {
      for (Attr a : primaryLink.parent.attrs) {
        if (conditioning.size() < MAX_CONDITIONING && !a.demoted) {
          conditioning.add(a);
        }
      }
    }
    this.addresses = AddressFit.of(table, scanColumns, primaryLink);
    this.conditioningSource =
        conditioning.stream().mapToInt(c -> primaryLink.parent.attrs.indexOf(c)).toArray();
    this.childRelations =
        graph.childrenOf(table.name()).stream().filter(r -> !graph.isDeferred(r)).toList();
    for (Relation r : graph.childrenOf(table.name())) {
      List<String> cols = r.fk().parentColumns();
      if (!keyIndexes.containsKey(cols)) {
        keyIndexes.put(cols, new KeyIndex());
        keyIndexColumns.put(cols, cols.stream().mapToInt(scanColumns::indexOf).toArray());
      }
    }
    this.capacity = (int) Math.min(Math.max(16, table.rowCount()), maxRows);
    this.attrValues = new double[attrs.size()][capacity];
    this.condValues = new double[conditioning.size()][capacity];
    this.hasParent = new boolean[capacity];
    this.slotOrdinal = new long[capacity];
  }

  void accept(RowBatch batch) {
    Object[][] v = batch.values();
    int linkCount = links.size();
    long[] hashes = new long[linkCount];
    int[] parentSlot = new int[linkCount];
    for (int r = 0; r < batch.size(); r++) {
      long ordinal = scanned++;
      for (Map.Entry<List<String>, int[]> e : keyIndexColumns.entrySet()) {
        keyIndexes.get(e.getKey()).add(KeyIndex.hash(tuple(v, e.getValue(), r)), ordinal);
      }
      boolean drop = false;
      for (int k = 0; k < linkCount; k++) {
        Link link = links.get(k);
        long h = KeyIndex.hash(tuple(v, link.scanIndexes, r));
        hashes[k] = h;
        parentSlot[k] = -1;
        if (h == 0 || link.deferred) {
          continue;
        }
        long parentOrdinal = link.parent.keyIndexes.get(link.relation.fk().parentColumns()).find(h);
        if (parentOrdinal < 0) {
          link.orphans++;
          hashes[k] = 0;
          if (orphanPolicy == OrphanPolicy.DROP) {
            drop = true;
          }
        } else {
          parentSlot[k] = link.parent.slotOf(parentOrdinal);
        }
      }
      if (drop) {
        continue;
      }
      for (int k = 0; k < linkCount; k++) {
        Link link = links.get(k);
        if (hashes[k] == 0) {
          link.nulls++;
        } else if (link.deferred) {
          if (link.deferredSize == link.deferredHashes.length) {
            link.deferredHashes =
                Arrays.copyOf(link.deferredHashes, Math.max(64, link.deferredSize * 2));
          }
          link.deferredHashes[link.deferredSize++] = hashes[k];
        } else if (parentSlot[k] >= 0) {
          link.parent.counts[link.countIndex][parentSlot[k]]++;
        }
      }
      for (Map.Entry<String, KeyLearner> e : keyLearners.entrySet()) {
        Integer from = keyFromIndex.get(e.getKey());
        Object value = v[keyScanIndex.get(e.getKey())][r];
        if (from == null) {
          e.getValue().observe(value);
        } else {
          e.getValue().observe(value, v[from][r]);
        }
      }
      int t = 0;
      for (int idx : textIndex.values()) {
        textLearners.get(t++).observe(v[idx][r]);
      }
      for (Map.Entry<String, FormatLearner> e : formatLearners.entrySet()) {
        e.getValue().observe(v[formatIndex.get(e.getKey())][r]);
      }
      for (Map.Entry<String, KeyLearner> e : uniqueCodes.entrySet()) {
        e.getValue().observe(v[textIndex.get(e.getKey())][r]);
      }
      if (addresses != null) {
        addresses.observe(v, r, primaryLink == null ? -1 : parentSlot[links.indexOf(primaryLink)]);
      }
      for (Map.Entry<String, Domains.Detector> e : detectors.entrySet()) {
        e.getValue().observe(v[detectorIndex.get(e.getKey())][r]);
      }
      int ps = primaryLink == null ? -1 : parentSlot[links.indexOf(primaryLink)];
      boolean parentLeftOut =
          primaryLink != null
              && !primaryLink.deferred
              && hashes[links.indexOf(primaryLink)] != 0
              && ps < 0;
      int slot = parentLeftOut ? -1 : reserve(priority(v, r, ordinal));
      accepted++;
      if (slot < 0) {
        for (Attr a : attrs) {
          Object value = v[a.scanIndex][r];
          if (!a.categorical && value != null) {
            a.learner.observe(value);
          }
          if (a.fallback != null) {
            a.fallback.observe(value);
          }
        }
        continue;
      }
      slotOrdinal[slot] = ordinal;
      for (int i = 0; i < attrs.size(); i++) {
        Attr a = attrs.get(i);
        Object value = v[a.scanIndex][r];
        attrValues[i][slot] = a.encode(value);
        if (a.fallback != null) {
          a.fallback.observe(value);
        }
      }
      hasParent[slot] = ps >= 0;
      for (int i = 0; i < conditioning.size(); i++) {
        condValues[i][slot] =
            ps >= 0 ? primaryLink.parent.attrValues[conditioningSource[i]][ps] : Double.NaN;
      }
    }
  }

  private static Object[] tuple(Object[][] v, int[] idx, int r) {
    Object[] key = new Object[idx.length];
    for (int i = 0; i < idx.length; i++) {
      key[i] = v[idx[i]][r];
    }
    return key;
  }

  /**
   * A row's sampling priority: a seeded hash of its primary key, else of its place in the scan
   * (which is by all columns for a table without a key).
   */
  private long priority(Object[][] v, int r, long ordinal) {
    long key = keyScanIndexes.length == 0 ? 0 : KeyIndex.hash(tuple(v, keyScanIndexes, r));
    return Seeds.mix(sampleSalt ^ (key != 0 ? key : Seeds.mix(ordinal)));
  }

  /** The sample slot of an eligible row, or -1 when it is not kept. */
  private int reserve(long priority) {
    int slot = sample.offer(priority);
    if (slot == capacity) {
      capacity = (int) Math.min((long) capacity * 2, maxRows);
      for (int i = 0; i < attrValues.length; i++) {
        attrValues[i] = Arrays.copyOf(attrValues[i], capacity);
      }
      for (int i = 0; i < condValues.length; i++) {
        condValues[i] = Arrays.copyOf(condValues[i], capacity);
      }
      hasParent = Arrays.copyOf(hasParent, capacity);
      slotOrdinal = Arrays.copyOf(slotOrdinal, capacity);
    }
    size = sample.size();
    return slot;
  }

  /**
   * Whether the fit kept only some rows: then they are in priority order, which depends on key
   * values alone, rather than in the order the sample was filled.
   */
  boolean sampled() {
    return size < accepted;
  }

  private void orderByPriority() {
    int[] order = sample.slotsByPriority();
    for (int i = 0; i < attrValues.length; i++) {
      attrValues[i] = permuted(attrValues[i], order);
    }
    for (int i = 0; i < condValues.length; i++) {
      condValues[i] = permuted(condValues[i], order);
    }
    boolean[] parent = new boolean[size];
    long[] ordinals = new long[size];
    for (int i = 0; i < size; i++) {
      parent[i] = hasParent[order[i]];
      ordinals[i] = slotOrdinal[order[i]];
    }
    hasParent = parent;
    slotOrdinal = ordinals;
  }

  private static double[] permuted(double[] values, int[] order) {
    double[] out = new double[order.length];
    for (int i = 0; i < order.length; i++) {
      out[i] = values[order[i]];
    }
    return out;
  }

  /** Ends the scan: fails on orphans when asked to, and prepares lookups for the children. */
  void finishScan(Map<String, Long> orphanCounts, Progress progress) {
    List<String> problems = new ArrayList<>();
    for (Link link : links) {
      if (link.deferred || link.orphans == 0) {
        continue;
      }
      String fk = link.relation.fk().describe(table.name());
      orphanCounts.put(fk, link.orphans);
      if (orphanPolicy == OrphanPolicy.FAIL) {
        problems.add(fk + ": " + link.orphans + " orphan row" + (link.orphans == 1 ? "" : "s"));
      } else if (orphanPolicy == OrphanPolicy.NULL && !link.nullable) {
        throw new SynthException(
            "foreign key "
                + fk
                + " is NOT NULL but "
                + link.orphans
                + " rows reference no parent row, so --orphans null cannot apply: use --orphans drop, or fix the data");
      } else {
        progress.warn(
            "foreign key "
                + fk
                + ": "
                + link.orphans
                + " rows reference no parent row; "
                + (orphanPolicy == OrphanPolicy.DROP
                    ? "they were left out of the training data"
                    : "their key was read as null"));
      }
    }
    if (!problems.isEmpty()) {
      throw new SynthException(
          "table "
              + table.name()
              + " has rows whose foreign key matches no parent row: "
              + String.join("; ", problems)
              + ". Fix the data, or use --orphans drop (leave them out) or --orphans null");
    }
    if (sampled()) {
      orderByPriority();
    }
    sortedOrdinals = Arrays.copyOf(slotOrdinal, size);
    sortedSlots = new long[size];
    for (int i = 0; i < size; i++) {
      sortedSlots[i] = i;
    }
    Sorting.sort(sortedOrdinals, sortedSlots, size);
    counts = new int[childRelations.size()][size];
    detectors.forEach((name, d) -> d.domain().ifPresent(domain -> domains.put(name, domain)));
    for (int i = 0; i < attrs.size(); i++) {
      Attr a = attrs.get(i);
      String domain = domains.get(a.column.name());
      if (domain == null || !a.categorical || a.fallback == null) {
        continue;
      }
      if (RareCategories.mostlyRare(attrValues[i], size, a.dictionary.size(), minCount)) {
        // Cities or companies seen in fewer than k rows each single people out: make the
        // column's values anew from its domain.
        a.demoted = true;
      } else if (RareCategories.fold(attrValues[i], size, a.dictionary, minCount, foldRandom) > 0) {
        a.codes.clear();
        for (int c = 0; c < a.dictionary.size(); c++) {
          a.codes.put(a.dictionary.get(c), c);
        }
      }
    }
    for (Attr a : attrs) {
      if (a.demoted) {
        continue;
      }
      if (!a.categorical) {
        a.codec = a.learner.codec();
      } else if (a.fallback != null
          && a.dictionary.size() > ColumnKinds.MAX_CATEGORIES
          && !keptColumns.contains(a.column.name())) {
        // Too many values to be categories: never copy them, regenerate them by shape instead.
        a.demoted = true;
        progress.warn(
            "column "
                + table.name()
                + "."
                + a.column.name()
                + " has "
                + a.dictionary.size()
                + " distinct values: modelled as text (by shape) rather than as categories");
      }
    }
  }

  /** The sample slot of a row ordinal, or -1 when the row is not in the sample. */
  int slotOf(long ordinal) {
    int i = Arrays.binarySearch(sortedOrdinals, ordinal);
    return i < 0 ? -1 : (int) sortedSlots[i];
  }

  /** The sample and the relational facts of this table, for a model kind to fit. */
  TrainingTable training() {
    List<String> attributeColumns = new ArrayList<>();
    for (Column c : table.writtenColumns()) {
      Role role = ColumnRoles.roleOf(table, c, keptColumns);
      if (role != Role.FOREIGN && role != Role.GENERATED) {
        attributeColumns.add(c.name());
      }
    }
    List<TrainingColumn> columns = new ArrayList<>();
    for (Attr a : attrs) {
      if (!a.demoted) {
        columns.add(a.training(Arrays.copyOf(attrValues[attrs.indexOf(a)], size)));
      }
    }
    Map<String, TextGenerator> texts = new LinkedHashMap<>();
    List<String> textNames = new ArrayList<>(textIndex.keySet());
    for (String name : attributeColumns) {
      int t = textNames.indexOf(name);
      if (formatLearners.containsKey(name)) {
        texts.put(name, formatLearners.get(name).model());
      } else if (t >= 0) {
        TextModel shape = textLearners.get(t).model();
        texts.put(
            name,
            textPii.get(t) != null
                ? new PiiModel(textPii.get(t), shape)
                : domains.containsKey(name) ? new DomainModel(domains.get(name), shape) : shape);
      } else {
        attrs.stream()
            .filter(a -> a.demoted && a.column.name().equals(name))
            .findFirst()
            .ifPresent(
                a ->
                    texts.put(
                        name,
                        domains.containsKey(name)
                            ? new DomainModel(domains.get(name), a.fallback.model())
                            : a.fallback.model()));
      }
    }
    List<TrainingColumn> cond = new ArrayList<>();
    for (int k = 0; k < conditioning.size(); k++) {
      cond.add(conditioning.get(k).training(Arrays.copyOf(condValues[k], size)));
    }
    Map<String, KeyFormat> formats = new LinkedHashMap<>();
    keyLearners.forEach((name, learner) -> formats.put(name, learner.format()));
    uniqueCodes.forEach(
        (name, learner) -> {
          KeyFormat f = learner.format();
          if (f.style() == KeyFormat.Style.PATTERN || f.style() == KeyFormat.Style.TEMPLATE) {
            formats.put(name, f);
            attributeColumns.remove(name);
            texts.remove(name);
          }
        });
    Map<Relation, Double> nullRates = new HashMap<>();
    for (Link link : links) {
      nullRates.put(link.relation, accepted == 0 ? 0.0 : link.nulls / (double) accepted);
    }
    int[][] childCounts = new int[childRelations.size()][];
    for (int k = 0; k < childCounts.length; k++) {
      childCounts[k] = Arrays.copyOf(counts[k], size);
    }
    return new TrainingTable(
        table,
        scanned,
        size,
        attributeColumns,
        columns,
        texts,
        childRelations,
        childCounts,
        primary,
        cond,
        Arrays.copyOf(hasParent, size),
        formats,
        nullRates,
        Optional.ofNullable(addresses).map(a -> a.model(minCount)));
  }

  /** Releases the sample once the model and every child's fit no longer need it. */
  void release() {
    attrValues = null;
    condValues = null;
    hasParent = null;
    counts = null;
  }
}
