package io.syndata.engine;

import io.syndata.data.ForwardingTarget;
import io.syndata.data.RowBatch;
import io.syndata.data.Target;
import io.syndata.model.SynthModel;
import io.syndata.model.TableModel;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Passes every call to its delegate and tallies the written rows against the statistics the model
 * holds, so that a run from a model file gets a report without reading anything back: it works for
 * every format, xlsx and sql included. Memory is bounded by the models' marginals.
 */
final class ModelStatisticsTarget extends ForwardingTarget {
  private final SynthModel model;
  private final Map<String, TableTally> tallies = new LinkedHashMap<>();
  private final Map<String, Long> written = new LinkedHashMap<>();

  ModelStatisticsTarget(Target delegate, SynthModel model) {
    super(delegate);
    this.model = model;
  }

  @Override
  public void begin(Schema schema) {
    for (Table t : model.graph().schema().tables()) {
      TableModel m = model.table(t.name());
      m.statistics()
          .ifPresent(s -> tallies.put(t.name(), new TableTally(t.name(), m.sourceRows(), s)));
      written.put(t.name(), 0L);
    }
    delegate.begin(schema);
  }

  @Override
  public void write(RowBatch batch) {
    delegate.write(batch);
    TableTally tally = tallies.get(batch.table());
    if (tally != null) {
      tally.add(batch);
    }
    written.merge(batch.table(), (long) batch.size(), Long::sum);
  }

  @Override
  public void close() {
    // the caller owns the delegate
  }

  /** The comparison of everything written so far with the model. */
  ModelReport report() {
    List<ModelReport.TableResult> tables =
        written.entrySet().stream()
            .map(
                e -> {
                  TableTally tally = tallies.get(e.getKey());
                  return tally != null
                      ? tally.result()
                      : TableTally.withoutStatistics(
                          e.getKey(), model.table(e.getKey()).sourceRows(), e.getValue());
                })
            .toList();
    double shapes = 0;
    int columns = 0;
    double pairs = 0;
    int pairCount = 0;
    for (ModelReport.TableResult t : tables) {
      for (ModelReport.ColumnResult c : t.columns()) {
        shapes += c.score();
        columns++;
      }
      pairs += t.pairs() * (1 - t.meanCorrelationDifference() / 2);
      pairCount += t.pairs();
    }
    var p = model.provenance();
    return new ModelReport(
        p.kind(),
        p.source(),
        p.createdAt(),
        columns == 0 ? Double.NaN : shapes / columns,
        pairCount == 0 ? Double.NaN : pairs / pairCount,
        tables);
  }
}
