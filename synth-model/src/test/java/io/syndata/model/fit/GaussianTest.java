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
}
