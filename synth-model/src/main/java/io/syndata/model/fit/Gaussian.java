package io.syndata.model.fit;

import java.util.SplittableRandom;

/**
 * The standard normal distribution: CDF, quantile and draws. The CDF is Hart's double-precision
 * rational approximation (as given by West, 2005) and the quantile Acklam's, refined by one Halley
 * step: both within 1e-14 of the exact values, and several times faster than going through the
 * error function, which matters because every sampled value passes through them.
 */
public final class Gaussian {
  /** Probabilities are kept this far from 0 and 1 so that scores stay finite. */
  public static final double EPS = 1e-6;

  private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

  private Gaussian() {}

  public static double cdf(double z) {
    if (Double.isNaN(z)) {
      return Double.NaN;
    }
    double x = Math.abs(z);
    double tail;
    if (x > 37) {
      tail = 0;
    } else {
      double e = Math.exp(-x * x / 2);
      if (x < 7.07106781186547) {
        double n = 3.52624965998911E-02 * x + 0.700383064443688;
        n = n * x + 6.37396220353165;
        n = n * x + 33.912866078383;
        n = n * x + 112.079291497871;
        n = n * x + 221.213596169931;
        n = n * x + 220.206867912376;
        double d = 8.83883476483184E-02 * x + 1.75566716318264;
        d = d * x + 16.064177579207;
        d = d * x + 86.7807322029461;
        d = d * x + 296.564248779674;
        d = d * x + 637.333633378831;
        d = d * x + 793.826512519948;
        d = d * x + 440.413735824752;
        tail = e * n / d;
      } else {
        double b = x + 0.65;
        b = x + 4 / b;
        b = x + 3 / b;
        b = x + 2 / b;
        b = x + 1 / b;
        tail = e / b / 2.506628274631;
      }
    }
    return z > 0 ? 1 - tail : tail;
  }

  public static double quantile(double u) {
    return exactQuantile(Math.min(1 - EPS, Math.max(EPS, u)));
  }

  /**
   * The quantile without the clamp of {@link #quantile}: infinite at 0 and 1. For thresholds that
   * must split the normal line exactly where the CDF crosses a probability.
   */
  public static double threshold(double p) {
    if (!(p > 0)) {
      return Double.NEGATIVE_INFINITY;
    }
    if (p >= 1) {
      return Double.POSITIVE_INFINITY;
    }
    return exactQuantile(p);
  }

  private static double exactQuantile(double p) {
    double x;
    if (p < 0.02425) {
      double q = Math.sqrt(-2 * Math.log(p));
      x = tail(q);
    } else if (p > 1 - 0.02425) {
      double q = Math.sqrt(-2 * Math.log(1 - p));
      x = -tail(q);
    } else {
      double q = p - 0.5;
      double r = q * q;
      x =
          (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
                                  + 1.383577518672690e+02)
                              * r
                          - 3.066479806614716e+01)
                      * r
                  + 2.506628277459239e+00)
              * q
              / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r
                                          - 1.556989798598866e+02)
                                      * r
                                  + 6.680131188771972e+01)
                              * r
                          - 1.328068155288572e+01)
                      * r
                  + 1);
    }
    // One Halley step on the CDF brings Acklam's 1e-9 to machine precision.
    double e = cdf(x) - p;
    double v = e * SQRT_2PI * Math.exp(x * x / 2);
    return x - v / (1 + x * v / 2);
  }

  private static double tail(double q) {
    return (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                            - 2.549732539343734e+00)
                        * q
                    + 4.374664141464968e+00)
                * q
            + 2.938163982698783e+00)
        / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                    + 3.754408661907416e+00)
                * q
            + 1);
  }

  // Marsaglia and Tsang's ziggurat (2000) with 128 layers: layer i spans [0, X_i) horizontally.
  private static final int LAYERS = 128;
  private static final double R = 3.442619855899;
  private static final double V = 9.91256303526217e-3;
  private static final double M1 = 2147483648.0;
  private static final long[] KN = new long[LAYERS];
  private static final double[] WN = new double[LAYERS];
  private static final double[] FN = new double[LAYERS];

  static {
    double dn = R;
    double tn = dn;
    double q = V / Math.exp(-.5 * dn * dn);
    KN[0] = (long) ((dn / q) * M1);
    KN[1] = 0;
    WN[0] = q / M1;
    WN[LAYERS - 1] = dn / M1;
    FN[0] = 1;
    FN[LAYERS - 1] = Math.exp(-.5 * dn * dn);
    for (int i = LAYERS - 2; i >= 1; i--) {
      dn = Math.sqrt(-2 * Math.log(V / dn + Math.exp(-.5 * dn * dn)));
      KN[i + 1] = (long) ((dn / tn) * M1);
      tn = dn;
      FN[i] = Math.exp(-.5 * dn * dn);
      WN[i] = dn / M1;
    }
  }

  /**
   * One standard normal draw by the ziggurat: almost always one 64-bit draw, a table look-up and a
   * multiplication. The layer and the value come from separate bits of the draw, which avoids the
   * original's correlation between them.
   */
  public static double next(SplittableRandom random) {
    while (true) {
      long bits = random.nextLong();
      int hz = (int) bits;
      int iz = (int) (bits >>> 32) & (LAYERS - 1);
      if (Math.abs((long) hz) < KN[iz]) {
        return hz * WN[iz];
      }
      double x = hz * WN[iz];
      if (iz == 0) {
        // The base layer's tail beyond R, by Marsaglia's method for the normal tail.
        double y;
        do {
          x = -Math.log(1 - random.nextDouble()) / R;
          y = -Math.log(1 - random.nextDouble());
        } while (y + y < x * x);
        return hz > 0 ? R + x : -R - x;
      }
      if (FN[iz] + random.nextDouble() * (FN[iz - 1] - FN[iz]) < Math.exp(-.5 * x * x)) {
        return x;
      }
    }
  }

  /** Fills {@code out} with independent standard normal draws ({@link #next}). */
  public static void fill(double[] out, SplittableRandom random) {
    for (int i = 0; i < out.length; i++) {
      out[i] = next(random);
    }
  }
}
