package io.syndata.model.fit;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

class GaussianTest {

  @Test
  void cdfMatchesTheErrorFunction() {
    for (double z = -12; z <= 12; z += 0.001) {
      double exact = 0.5 * Erf.erfc(-z / Math.sqrt(2));
      assertThat(Gaussian.cdf(z))
          .as("cdf(%s)", z)
          .isCloseTo(exact, org.assertj.core.data.Offset.offset(1e-14));
    }
  }

  @Test
  void quantileInvertsTheCdf() {
    for (double u = Gaussian.EPS; u < 1 - Gaussian.EPS; u += 1e-4) {
      double exact = Math.sqrt(2) * Erf.erfInv(2 * u - 1);
      assertThat(Gaussian.quantile(u))
          .as("quantile(%s)", u)
          .isCloseTo(exact, org.assertj.core.data.Offset.offset(1e-9));
    }
    assertThat(Gaussian.quantile(1e-6))
        .isCloseTo(-4.753424308822899, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void drawsFollowTheStandardNormal() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    int n = 1_000_000;
    double[] x = new double[n];
    double sum = 0;
    double squares = 0;
    int beyond3 = 0;
    for (int i = 0; i < n; i++) {
      x[i] = Gaussian.next(random);
      sum += x[i];
      squares += x[i] * x[i];
      beyond3 += Math.abs(x[i]) > 3 ? 1 : 0;
    }
    assertThat(sum / n).isCloseTo(0, org.assertj.core.data.Offset.offset(0.005));
    assertThat(squares / n).isCloseTo(1, org.assertj.core.data.Offset.offset(0.006));
    // 0.27 % of a normal lies beyond 3 standard deviations.
    assertThat(beyond3 / (double) n).isCloseTo(0.0027, org.assertj.core.data.Offset.offset(0.0003));
    java.util.Arrays.sort(x);
    double ks = 0;
    for (int i = 0; i < n; i++) {
      double f = Gaussian.cdf(x[i]);
      ks = Math.max(ks, Math.max(Math.abs(f - i / (double) n), Math.abs(f - (i + 1) / (double) n)));
    }
    // Kolmogorov–Smirnov distance; 0.0016 is the 1 % critical value for a million draws.
    assertThat(ks).isLessThan(0.0016);
  }
}
