package io.syndata.neural;

import static io.syndata.neural.Tables.col;
import static io.syndata.neural.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.data.InMemorySource;
import io.syndata.model.FitOptions;
import io.syndata.model.OrphanPolicy;
import io.syndata.model.SynthModel;
import io.syndata.schema.DataType;
import io.syndata.schema.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A training that diverges goes back to its best epoch's weights with Adam restarted at half the
 * learning rate, and trains on, instead of ending at the first non-finite or exploded batch.
 */
class DivergenceTest {

  /** adult-like: a normal x, a heavy-tailed count that is mostly 0, a category tied to x. */
  static InMemorySource gains(int n, long seed) {
    Random r = new Random(seed);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double x = r.nextGaussian();
      long gain = r.nextInt(20) == 0 ? Math.round(Math.exp(8 + 2 * r.nextGaussian())) : 0;
      rows.add(new Object[] {(long) i, x, gain, x > 0 ? "a" : (r.nextBoolean() ? "b" : "c")});
    }
    return InMemorySource.ofRows(
        new Schema(
            List.of(
                table(
                    "t",
                    List.of(
                        col("id", DataType.INTEGER, false),
                        col("x", DataType.FLOAT, false),
                        col("gain", DataType.INTEGER, false),
                        col("k", DataType.STRING, false)),
                    List.of("id"),
                    List.of()))),
        Map.of("t", rows));
  }

  @Test
  void aDivergingTrainingGoesBackToItsBestWeightsAndTrainsOn() {
    Map<String, String> options = new HashMap<>(Tables.QUICK);
    // Far too large a step: the first epoch's reconstruction explodes (1e8 to 1e9 per row).
    options.put("learning-rate", "0.3");
    options.put("epochs", "12");
    SynthModel model =
        Tables.fit(
            gains(2000, 1),
            new FitOptions(
                1, OrphanPolicy.FAIL, FitOptions.DEFAULT_MAX_FIT_ROWS, "vaegan", options));
    Map<String, Object> training = ((NeuralTableModel) model.table("t")).training;
    assertThat(((Number) training.get("restarts")).intValue()).isBetween(1, VaeGan.MAX_RESTARTS);
    assertThat(((Number) training.get("epochs")).intValue()).isEqualTo(12);
    double loss = ((Number) training.get("validationLoss")).doubleValue();
    assertThat(Math.abs(loss)).isLessThan(VaeGan.MAX_LOSS);
    for (Object x : Tables.column(Tables.generate(model, 3), "t", "x")) {
      assertThat((Double) x).isFinite();
    }
  }

  @Test
  void aValidationLossFarAboveTheBestCountsAsDivergence() {
    assertThat(VaeGan.jumped(188.7, -27.2)).isTrue();
    assertThat(VaeGan.jumped(-35.7, -45.3)).as("an ordinary bad epoch").isFalse();
    assertThat(VaeGan.jumped(48.5, 67.3)).isFalse();
    assertThat(VaeGan.jumped(20, -2)).as("at least 25 above").isFalse();
    assertThat(VaeGan.jumped(24, -2)).isTrue();
    assertThat(VaeGan.jumped(40, Double.POSITIVE_INFINITY)).as("the first epoch").isFalse();
  }
}
