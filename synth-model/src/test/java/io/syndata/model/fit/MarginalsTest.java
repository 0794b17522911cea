package io.syndata.model.fit;

import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.schema.DataType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MarginalsTest {

  @Test
  void numericMarginalKeepsRangeNullRateAndRounding() {
    Codec.Learner learner = new Codec.Learner(DataType.DECIMAL, 2);
    double[] xs = new double[1000];
    for (int i = 0; i < xs.length; i++) {
      BigDecimal v = BigDecimal.valueOf(100 + i * 3, 1);
      learner.observe(v);
      xs[i] = i % 10 == 0 ? Double.NaN : v.doubleValue();
    }
    NumericMarginal m = NumericMarginal.fit(learner.codec(), xs, xs.length, null, true);
    assertThat(m.nullRate).isEqualTo(0.1);
    SplittableRandom random = new SplittableRandom(1);
    int nulls = 0;
    for (int i = 0; i < 10_000; i++) {
      BigDecimal v = (BigDecimal) m.inverse(random.nextDouble());
      if (v == null) {
        nulls++;
        continue;
      }
      assertThat(v.scale()).isEqualTo(2);
      assertThat(v.remainder(new BigDecimal("0.1")).signum()).isZero();
      assertThat(v).isBetween(new BigDecimal("10.30"), new BigDecimal("309.70"));
    }
    assertThat(nulls).isBetween(900, 1100);
  }

  @Test
  void fewDistinctNumbersAreDiscrete() {
    double[] xs = {1, 1, 1, 2, 2, 5};
    NumericMarginal m =
        NumericMarginal.fit(new Codec(DataType.INTEGER, 0, 0, 1), xs, xs.length, null, false);
    assertThat(m.inverse(0.1)).isEqualTo(1L);
    assertThat(m.inverse(0.6)).isEqualTo(2L);
    assertThat(m.inverse(0.99)).isEqualTo(5L);
  }

  @Test
  void timestampsKeepWholeSeconds() {
    Codec.Learner learner = new Codec.Learner(DataType.TIMESTAMP, 0);
    learner.observe(LocalDateTime.of(2024, 1, 1, 10, 0, 5));
    Object v = learner.codec().decode(Codec.toDouble(LocalDateTime.of(2024, 1, 1, 10, 0, 5)) + 0.4);
    assertThat(v).isEqualTo(LocalDateTime.of(2024, 1, 1, 10, 0, 5));
  }
}
