package io.syndata.quality.ml;

import io.syndata.quality.EvaluationData;
import io.syndata.quality.TableData;
import io.syndata.schema.Column;
import io.syndata.schema.ColumnKind;
import io.syndata.schema.DataType;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/** Tables built in code: an id key, two numeric columns and a categorical one. */
final class Fixtures {
  static final List<String> COLUMNS = List.of("id", "x", "y", "c");

  private Fixtures() {}

  static Column column(String name, DataType type, ColumnKind kind) {
    return Column.of(name, type, true).withKind(kind, Optional.empty());
  }

  static Table table() {
    return new Table(
        "t",
        Optional.empty(),
        List.of(
            column("id", DataType.INTEGER, ColumnKind.ID),
            column("x", DataType.FLOAT, ColumnKind.NUMERIC),
            column("y", DataType.FLOAT, ColumnKind.NUMERIC),
            column("c", DataType.STRING, ColumnKind.CATEGORICAL)),
        List.of("id"),
        List.of(),
        List.of(),
        0);
  }

  /** Rows {@code id, x, y, c} drawn by {@code row(rng, id)}. */
  static TableData rows(int n, long seed, BiFunction<SplittableRandom, Long, Object[]> row) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Object[]> rows = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      rows.add(row.apply(rng, i));
    }
    return TableData.of(COLUMNS, rows);
  }

  /** x ~ N(0, 1), y = 2x + N(0, 0.1), c one of a, b, c. */
  static Object[] linear(SplittableRandom rng, long id) {
    double x = gaussian(rng);
    return new Object[] {
      id, x, 2 * x + 0.1 * gaussian(rng), "abc".substring((int) (id % 3), (int) (id % 3) + 1)
    };
  }

  static double gaussian(SplittableRandom rng) {
    double u = rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }

  static EvaluationData single(TableData real, TableData synthetic, Optional<TableData> holdout) {
    return EvaluationData.of(
        new Schema(List.of(table())),
        Map.of("t", real),
        Map.of("t", synthetic),
        holdout.map(h -> Map.of("t", h)).orElse(Map.of()),
        42);
  }

  static Table parent() {
    return new Table(
        "p",
        Optional.empty(),
        List.of(
            column("id", DataType.INTEGER, ColumnKind.ID),
            column("a", DataType.FLOAT, ColumnKind.NUMERIC)),
        List.of("id"),
        List.of(),
        List.of(),
        0);
  }

  static Table child() {
    return new Table(
        "k",
        Optional.empty(),
        List.of(
            column("id", DataType.INTEGER, ColumnKind.ID),
            column("p_id", DataType.INTEGER, ColumnKind.ID),
            column("v", DataType.FLOAT, ColumnKind.NUMERIC)),
        List.of("id"),
        List.of(),
        List.of(new ForeignKey("k_p", List.of("p_id"), "p", List.of("id"), false)),
        0);
  }
}
