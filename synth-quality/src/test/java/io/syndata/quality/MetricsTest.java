package io.syndata.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void identicalColumnsScoreOne() {
    double[] x = {1, 2, 3, 4, 5};
    assertThat(Metrics.ksComplement(x, x.clone())).isEqualTo(1.0);
    Object[] c = {"a", "b", "b", null};
    assertThat(Metrics.tvComplement(c, c.clone())).isEqualTo(1.0);
  }

  @Test
  void ksComplementIsOneMinusTheLargestCdfGap() {
    // CDFs differ by at most 0.5 (after 1,2 the real side has 0.5, the synthetic side 0).
    assertThat(Metrics.ksComplement(new double[] {1, 2, 3, 4}, new double[] {3, 4, 5, 6}))
        .isEqualTo(0.5);
    assertThat(Metrics.ksComplement(new double[] {1, 2}, new double[] {10, 20})).isEqualTo(0.0);
  }

  @Test
  void ksComplementIgnoresNulls() {
    assertThat(Metrics.ksComplement(new double[] {1, Double.NaN, 2}, new double[] {1, 2}))
        .isEqualTo(1.0);
  }

  @Test
  void tvComplementCountsNullAsACategory() {
    assertThat(Metrics.tvComplement(new Object[] {"a", "b"}, new Object[] {"a", "a"}))
        .isEqualTo(0.5);
    assertThat(Metrics.tvComplement(new Object[] {null, null}, new Object[] {"a", "a"}))
        .isEqualTo(0.0);
  }

  @Test
  void shufflingAPerfectlyCorrelatedPairHalvesCorrelationSimilarity() {
    SplittableRandom rng = new SplittableRandom(7);
    int n = 20_000;
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rng.nextDouble();
    }
    double[] shuffled = x.clone();
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      double t = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = t;
    }
    // real: y = x, correlation 1; synthetic: y independent of x, correlation about 0.
    assertThat(Metrics.correlationSimilarity(x, x, x, shuffled)).isCloseTo(0.5, within(0.02));
    assertThat(Metrics.correlationSimilarity(x, x, x, x)).isEqualTo(1.0);
  }

  @Test
  void contingencySimilarityOfIndependentShuffleDropsByTheJointMassMoved() {
    // real: (a,a) and (b,b) half each; synthetic: all four combinations a quarter each.
    Object[] rx = {"a", "b", "a", "b"};
    Object[] ry = {"a", "b", "a", "b"};
    Object[] sx = {"a", "a", "b", "b"};
    Object[] sy = {"a", "b", "a", "b"};
    assertThat(Metrics.contingencySimilarity(rx, ry, sx, sy)).isEqualTo(0.5);
    assertThat(Metrics.contingencySimilarity(rx, ry, rx, ry)).isEqualTo(1.0);
  }

  @Test
  void binnerUsesTenEqualWidthBinsOverTheRealRange() {
    Object[] labels = Metrics.binner(new double[] {0, 0.95, 10, 11, -3, Double.NaN}, 0, 10);
    assertThat(labels).containsExactly(0, 0, 9, 9, 0, null);
  }
}
