package io.syndata.neural;

import static io.syndata.neural.Tables.col;
import static io.syndata.neural.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.data.InMemorySource;
import io.syndata.data.InMemoryTarget;
import io.syndata.model.SynthModel;
import io.syndata.schema.DataType;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NonLinearTest {

  /** y = sin(x) + noise(0.1), x uniform on [-3, 3]: no monotone relation for a copula to keep. */
  static InMemorySource sine(int n, long seed) {
    Random r = new Random(seed);
    Table t =
        table(
            "points",
            List.of(
                col("id", DataType.INTEGER, false),
                col("x", DataType.FLOAT, false),
                col("y", DataType.FLOAT, false)),
            List.of("id"),
            List.of());
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double x = -3 + 6 * r.nextDouble();
      rows.add(new Object[] {(long) i, x, Math.sin(x) + 0.1 * r.nextGaussian()});
    }
    return InMemorySource.ofRows(new Schema(List.of(t)), Map.of("points", rows));
  }

  /** Mean squared distance of generated y from sin(x). */
  static double sineError(SynthModel model) {
    InMemoryTarget out = Tables.generate(model, 7);
    double[] x = Tables.doubles(Tables.column(out, "points", "x"));
    double[] y = Tables.doubles(Tables.column(out, "points", "y"));
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += (y[i] - Math.sin(x[i])) * (y[i] - Math.sin(x[i]));
    }
    return sum / x.length;
  }

  @Test
  void learnsASineWhereTheCopulaCannot() {
    InMemorySource source = sine(3000, 1);
    double neural = sineError(Tables.fit(source, Tables.options("vaegan", 1)));
    double copula = sineError(Tables.fit(source, Tables.options("statistical", 1)));
    System.out.println("sine mse vaegan " + neural + " copula " + copula);
    assertThat(neural).isLessThan(0.1);
    assertThat(copula).isGreaterThan(0.2);
  }
}
