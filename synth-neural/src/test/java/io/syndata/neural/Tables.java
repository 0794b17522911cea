package io.syndata.neural;

import io.syndata.data.InMemorySource;
import io.syndata.data.InMemoryTarget;
import io.syndata.data.Progress;
import io.syndata.model.FitOptions;
import io.syndata.model.GenerationOptions;
import io.syndata.model.Generator;
import io.syndata.model.OrphanPolicy;
import io.syndata.model.SynthModel;
import io.syndata.model.fit.RelationalFit;
import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tables built in code with a known answer, and the fit → generate round trip over them. */
final class Tables {
  private Tables() {}

  /** Small and fast: enough to learn the test relations in seconds on two cores. */
  static final Map<String, String> QUICK =
      Map.of(
          "epochs", "150",
          "width", "64",
          "latent", "8",
          "batch-size", "250",
          "learning-rate", "0.005",
          "patience", "30",
          "reconstruction-weight", "4");

  static Column col(String name, DataType type, boolean nullable) {
    return Column.of(name, type, nullable);
  }

  static Table table(String name, List<Column> columns, List<String> pk, List<ForeignKey> fks) {
    return new Table(name, Optional.empty(), columns, pk, List.of(), fks, 0);
  }

  static FitOptions options(String kind, long seed) {
    return new FitOptions(seed, OrphanPolicy.FAIL, FitOptions.DEFAULT_MAX_FIT_ROWS, kind, QUICK);
  }

  static SynthModel fit(InMemorySource source, FitOptions options) {
    return RelationalFit.fit(ForeignKeyGraph.of(source.schema()), source, options, Progress.NONE);
  }

  static InMemoryTarget generate(SynthModel model, long seed) {
    InMemoryTarget target = new InMemoryTarget();
    target.begin(model.graph().schema());
    Generator.generate(model, new GenerationOptions(1, Map.of(), seed), target, Progress.NONE);
    target.commit();
    return target;
  }

  /** Column {@code column} of every generated row of a table. */
  static List<Object> column(InMemoryTarget target, String table, String column) {
    int c = target.columns(table).indexOf(column);
    List<Object> out = new ArrayList<>();
    for (Object[] row : target.rows(table)) {
      out.add(row[c]);
    }
    return out;
  }

  static double[] doubles(List<Object> values) {
    return values.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
  }
}
