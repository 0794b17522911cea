package io.syndata.model.fit;

import java.util.SplittableRandom;
import org.apache.commons.math3.special.Erf;

/** The standard normal distribution: CDF, quantile and draws. */
public final class Gaussian {
  /** Probabilities are kept this far from 0 and 1 so that scores stay finite. */
  public static final double EPS = 1e-6;

  private Gaussian() {}

  public static double cdf(double z) {
    return 0.5 * Erf.erfc(-z / Math.sqrt(2));
  }

  public static double quantile(double u) {
    double p = Math.min(1 - EPS, Math.max(EPS, u));
    return Math.sqrt(2) * Erf.erfInv(2 * p - 1);
  }

  /** Fills {@code out} with independent standard normal draws (Box–Muller). */
  public static void fill(double[] out, SplittableRandom random) {
    for (int i = 0; i < out.length; i += 2) {
      double u1 = 1 - random.nextDouble();
      double u2 = random.nextDouble();
      double r = Math.sqrt(-2 * Math.log(u1));
      out[i] = r * Math.cos(2 * Math.PI * u2);
      if (i + 1 < out.length) {
        out[i + 1] = r * Math.sin(2 * Math.PI * u2);
      }
    }
  }
}
