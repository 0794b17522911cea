package io.syndata.model.fit;

import io.syndata.data.Progress;
import io.syndata.data.Source;
import io.syndata.model.FitOptions;
import io.syndata.model.FittedModel;
import io.syndata.model.KeptTableModel;
import io.syndata.model.ModelKinds;
import io.syndata.model.ModelProvenance;
import io.syndata.model.ModelTrainer;
import io.syndata.model.OrphanPolicy;
import io.syndata.model.SelfReference;
import io.syndata.model.TableModel;
import io.syndata.schema.Column;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Relation;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The relational half of fitting, shared by every model kind: reads every table once, parents
 * first, resolving each foreign key against its parent's key index (orphans per {@link
 * OrphanPolicy}), counting children per parent, keeping a deterministic sample (a {@link
 * KeyedSample}: by key, children of sampled parents) and learning key formats and text shapes. As
 * soon as all of a table's children have been read (they supply its child counts) its {@link
 * TrainingTable} goes to the table's model kind, chosen through {@link ModelKinds}, and the sample
 * is freed.
 */
public final class RelationalFit {
  /** A kept table is held in the model whole; beyond this many rows it must be synthesized. */
  public static final long MAX_KEPT_ROWS = 1_000_000;

  private final ForeignKeyGraph graph;
  private final Source source;
  private final FitOptions options;
  private final Progress progress;
  private final Map<String, TableFit> fits = new LinkedHashMap<>();
  private final Map<String, TableModel> models = new HashMap<>();
  private final Map<String, Integer> unreadChildren = new HashMap<>();
  private final Map<String, Long> orphans = new TreeMap<>();
  private final Map<Relation, SelfReference> selfReferences = new LinkedHashMap<>();
  private final Map<String, List<ModelTrainer>> trainers = new LinkedHashMap<>();
  private final Map<String, String> kinds = new HashMap<>();
  private final Map<String, String> autoChoices = new LinkedHashMap<>();
  private final Map<String, Integer> autoTrainingRows = new HashMap<>();

  private RelationalFit(
      ForeignKeyGraph graph, Source source, FitOptions options, Progress progress) {
    this.graph = graph;
    this.source = source;
    this.options = options;
    this.progress = progress;
    boolean auto = false;
    for (Table t : graph.generationOrder()) {
      if (!t.isKept()) {
        trainers.put(t.name(), ModelKinds.candidates(t, options.model()));
        auto |= t.model().isEmpty() && ModelKinds.AUTO.equals(options.model());
      }
    }
    if (auto && ModelKinds.available().size() == 1) {
      progress.note(
          "--model auto: "
              + ModelKinds.available().get(0)
              + " is the only model kind installed (synth-neural, which adds vaegan, is not on the"
              + " class path), so every table gets it");
    }
  }

  /**
   * Fits a model of every table of the graph, each with its kind (see {@link FitOptions#model()}).
   * Reads the source only through {@link Source#scan}. Deterministic: the same data, graph and
   * options give an equal model.
   */
  public static FittedModel fit(
      ForeignKeyGraph graph, Source source, FitOptions options, Progress progress) {
    return new RelationalFit(graph, source, options, progress).run();
  }

  private FittedModel run() {
    for (Table t : graph.generationOrder()) {
      int children =
          (int) graph.childrenOf(t.name()).stream().filter(r -> !graph.isDeferred(r)).count();
      unreadChildren.put(t.name(), children);
    }
    for (Table t : graph.generationOrder()) {
      if (t.isKept()) {
        models.put(t.name(), readKept(t));
        continue;
      }
      TableFit fit = read(t);
      fits.put(t.name(), fit);
      buildIfComplete(fit);
      for (Link link : fit.links) {
        if (!link.deferred) {
          unreadChildren.merge(link.relation.parent(), -1, Integer::sum);
          buildIfComplete(fits.get(link.relation.parent()));
        }
      }
    }
    checkDeferred();
    Map<String, TableModel> ordered = new LinkedHashMap<>();
    Map<String, Long> training = new LinkedHashMap<>();
    Map<String, Long> sourceRows = new LinkedHashMap<>();
    Map<String, String> tableKinds = new LinkedHashMap<>();
    Map<String, String> choices = new LinkedHashMap<>();
    for (Table t : graph.generationOrder()) {
      TableModel model = models.get(t.name());
      ordered.put(t.name(), model);
      TableFit fit = fits.get(t.name());
      training.put(
          t.name(),
          fit == null
              ? model.sourceRows()
              : autoTrainingRows.getOrDefault(t.name(), fit.size).longValue());
      sourceRows.put(t.name(), fit == null ? model.sourceRows() : fit.scanned);
      tableKinds.put(
          t.name(),
          fit != null
              ? kinds.get(t.name())
              : t.isMasked() ? KeptTableModel.MASKED_KIND : KeptTableModel.KIND);
      if (autoChoices.containsKey(t.name())) {
        choices.put(t.name(), autoChoices.get(t.name()));
      }
    }
    ModelProvenance provenance =
        new ModelProvenance(
            options.model(),
            tableKinds,
            choices,
            source.describe(),
            options.seed(),
            options.orphans(),
            options.maxFitRows(),
            training,
            sourceRows,
            SchemaHash.of(graph.schema()),
            Instant.now(),
            ModelProvenance.currentVersion());
    return new FittedModel(graph, provenance, ordered, orphans, selfReferences);
  }

  /** Reads a kept table's rows as they are, a masked table's with its personal columns faked. */
  private TableModel readKept(Table t) {
    long started = System.nanoTime();
    progress.started("fit", t.name(), t.rowCount());
    List<String> columns = t.writtenColumns().stream().map(Column::name).toList();
    List<Object[]> batches = new ArrayList<>();
    long[] rows = new long[1];
    source.scan(
        t,
        columns,
        batch -> {
          for (int r = 0; r < batch.size(); r++) {
            Object[] row = new Object[columns.size()];
            for (int c = 0; c < row.length; c++) {
              row[c] = batch.value(c, r);
            }
            batches.add(row);
          }
          rows[0] += batch.size();
          if (rows[0] > MAX_KEPT_ROWS) {
            throw new SynthException(
                "table "
                    + t.name()
                    + " is kept (mode keep or mask) but has more than "
                    + MAX_KEPT_ROWS
                    + " rows, more than a model holds verbatim: synthesize it");
          }
          progress.advanced("fit", t.name(), rows[0]);
        });
    Object[][] values = new Object[columns.size()][batches.size()];
    for (int r = 0; r < batches.size(); r++) {
      for (int c = 0; c < columns.size(); c++) {
        values[c][r] = batches.get(r)[c];
      }
    }
    if (t.isMasked()) {
      new Masker(options.seed()).mask(t, columns, values, batches.size());
    }
    progress.finished("fit", t.name(), rows[0], Duration.ofNanos(System.nanoTime() - started));
    return new KeptTableModel(t, values, batches.size());
  }

  private TableFit read(Table t) {
    long started = System.nanoTime();
    progress.started("fit", t.name(), t.rowCount());
    TableFit fit = new TableFit(t, graph, fits, options);
    source.scan(
        t,
        fit.scanColumns,
        batch -> {
          fit.accept(batch);
          progress.advanced("fit", t.name(), fit.scanned);
        });
    fit.finishScan(orphans, progress);
    progress.finished("fit", t.name(), fit.scanned, Duration.ofNanos(System.nanoTime() - started));
    return fit;
  }

  private void buildIfComplete(TableFit fit) {
    String name = fit.table.name();
    if (unreadChildren.get(name) == 0 && !models.containsKey(name)) {
      List<ModelTrainer> candidates = trainers.get(name);
      boolean auto = fit.table.model().isEmpty() && ModelKinds.AUTO.equals(options.model());
      if (auto) {
        AutoFit.Choice choice = AutoFit.fit(fit.training(), candidates, options, progress);
        models.put(name, choice.model());
        kinds.put(name, choice.kind());
        autoChoices.put(name, choice.reason());
        autoTrainingRows.put(name, choice.trainingRows());
      } else {
        models.put(name, candidates.get(0).fit(fit.training(), options));
        kinds.put(name, candidates.get(0).kind());
      }
      fit.release();
    }
  }

  /**
   * Deferred foreign keys point at tables read later: their orphans are counted once all are read.
   */
  private void checkDeferred() {
    for (TableFit fit : fits.values()) {
      for (Link link : fit.links) {
        if (!link.deferred) {
          continue;
        }
        Relation r = link.relation;
        if (r.isSelfReference()) {
          selfReferences.put(
              r, SelfReference.of(fit.scanned, link.deferredHashes, link.deferredSize));
        }
        KeyIndex index = fits.get(r.parent()).keyIndexes.get(r.fk().parentColumns());
        long missing = 0;
        for (int i = 0; i < link.deferredSize; i++) {
          if (index.find(link.deferredHashes[i]) < 0) {
            missing++;
          }
        }
        link.deferredHashes = null;
        if (missing == 0) {
          continue;
        }
        String fk = r.fk().describe(r.child());
        orphans.put(fk, missing);
        if (options.orphans() == OrphanPolicy.FAIL) {
          throw new SynthException(
              "table "
                  + r.child()
                  + " has rows whose foreign key matches no parent row: "
                  + fk
                  + ": "
                  + missing
                  + " orphan row"
                  + (missing == 1 ? "" : "s")
                  + ". Fix the data, or use --orphans drop (leave them out) or --orphans null");
        }
        progress.warn(
            "foreign key "
                + fk
                + ": "
                + missing
                + " rows reference no parent row; they are generated as null");
      }
    }
  }
}
