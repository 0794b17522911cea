package io.syndata.model.statistical;

import io.syndata.data.Progress;
import io.syndata.data.Source;
import io.syndata.model.FitOptions;
import io.syndata.model.ModelProvenance;
import io.syndata.model.OrphanPolicy;
import io.syndata.model.SynthModel;
import io.syndata.model.TableModel;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Relation;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One fit: reads every table once, parents first, and builds each table's model as soon as all of
 * its children have been read (they supply its child counts), then frees its sample.
 */
final class Fit {
  private final ForeignKeyGraph graph;
  private final Source source;
  private final FitOptions options;
  private final Progress progress;
  private final Map<String, TableFit> fits = new LinkedHashMap<>();
  private final Map<String, TableModel> models = new HashMap<>();
  private final Map<String, Integer> unreadChildren = new HashMap<>();
  private final Map<String, Long> orphans = new TreeMap<>();

  Fit(ForeignKeyGraph graph, Source source, FitOptions options, Progress progress) {
    this.graph = graph;
    this.source = source;
    this.options = options;
    this.progress = progress;
  }

  SynthModel run() {
    for (Table t : graph.generationOrder()) {
      int children =
          (int) graph.childrenOf(t.name()).stream().filter(r -> !graph.isDeferred(r)).count();
      unreadChildren.put(t.name(), children);
    }
    for (Table t : graph.generationOrder()) {
      TableFit fit = read(t);
      fits.put(t.name(), fit);
      buildIfComplete(fit);
      for (TableFit.Link link : fit.links) {
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
    for (Table t : graph.generationOrder()) {
      ordered.put(t.name(), models.get(t.name()));
      training.put(t.name(), (long) fits.get(t.name()).size);
      sourceRows.put(t.name(), fits.get(t.name()).scanned);
    }
    String version = Fit.class.getPackage().getImplementationVersion();
    ModelProvenance provenance =
        new ModelProvenance(
            StatisticalTrainer.KIND,
            source.describe(),
            options.seed(),
            training,
            sourceRows,
            version == null ? "dev" : version);
    return new StatisticalModel(graph, provenance, ordered, orphans);
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
      models.put(name, fit.build());
      fit.release();
    }
  }

  /**
   * Deferred foreign keys point at tables read later: their orphans are counted once all are read.
   */
  private void checkDeferred() {
    for (TableFit fit : fits.values()) {
      for (TableFit.Link link : fit.links) {
        if (!link.deferred) {
          continue;
        }
        Relation r = link.relation;
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
