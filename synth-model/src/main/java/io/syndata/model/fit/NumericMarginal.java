package io.syndata.model.fit;

import java.util.Arrays;

/**
 * The distribution of a numeric or temporal column (or of a child count): an atom for null, then
 * either discrete frequencies (few distinct values) or an empirical quantile table interpolated
 * linearly, clamped to the source's range and rounded by the column's {@link Codec}.
 */
public final class NumericMarginal implements Marginal {
  public static final int MAX_DISCRETE = 30;
  public static final int QUANTILES = 1000;
  public static final int MAX_DISCRETE_COUNTS = 2000;

  public final Codec codec;
  public final double nullRate;

  /** Discrete: the distinct values, sorted; continuous: the quantiles at k / (length - 1). */
  public final double[] points;

  /**
   * Discrete: cumulative probability of the non-null part up to and including each value; else
   * null.
   */
  public final double[] cumulative;

  /**
   * Discrete: normal scores at which the sampled value steps to the next point ({@code z <=
   * zSteps[i]} gives {@code points[i]}), and below which it is null; sampling then needs no CDF.
   */
  private final double[] zSteps;

  private final double zNull;

  public NumericMarginal(Codec codec, double nullRate, double[] points, double[] cumulative) {
    this.codec = codec;
    this.nullRate = nullRate;
    this.points = points;
    this.cumulative = cumulative;
    this.zNull = Gaussian.threshold(nullRate);
    if (cumulative == null) {
      this.zSteps = null;
    } else {
      this.zSteps = new double[cumulative.length];
      for (int i = 0; i < cumulative.length; i++) {
        zSteps[i] = Gaussian.threshold(nullRate + cumulative[i] * (1 - nullRate));
      }
    }
  }

  /**
   * Fits the values {@code xs[0..n)}, NaN meaning null; {@code include[i]} false leaves a row out.
   * Without any non-null value the distribution is the constant 0 (or all null when nullable).
   */
  public static NumericMarginal fit(
      Codec codec, double[] xs, int n, boolean[] include, boolean nullable) {
    return fit(codec, xs, n, include, nullable, MAX_DISCRETE);
  }

  /**
   * As {@link #fit(Codec, double[], int, boolean[], boolean)}, kept as exact frequencies up to
   * {@code maxDiscrete} distinct values. Child counts use a high limit: drawing the real counts
   * keeps their mean, where interpolating a heavy tail between its two largest values would not.
   */
  public static NumericMarginal fit(
      Codec codec, double[] xs, int n, boolean[] include, boolean nullable, int maxDiscrete) {
    double[] values = new double[n];
    int m = 0;
    int nulls = 0;
    for (int i = 0; i < n; i++) {
      if (include != null && !include[i]) {
        continue;
      }
      if (Double.isNaN(xs[i])) {
        nulls++;
      } else {
        values[m++] = xs[i];
      }
    }
    if (m == 0) {
      return new NumericMarginal(
          codec, nullable && nulls > 0 ? 1 : 0, new double[] {0}, new double[] {1});
    }
    double nullRate = nullable ? nulls / (double) (nulls + m) : 0;
    double[] sorted = Arrays.copyOf(values, m);
    Arrays.sort(sorted);
    int distinct = 1;
    for (int i = 1; i < m && distinct <= maxDiscrete; i++) {
      if (sorted[i] != sorted[i - 1]) {
        distinct++;
      }
    }
    if (distinct <= maxDiscrete) {
      double[] points = new double[distinct];
      double[] cumulative = new double[distinct];
      int k = -1;
      for (int i = 0; i < m; i++) {
        if (k < 0 || sorted[i] != points[k]) {
          points[++k] = sorted[i];
        }
        cumulative[k] = (i + 1) / (double) m;
      }
      cumulative[distinct - 1] = 1;
      return new NumericMarginal(codec, nullRate, points, cumulative);
    }
    int q = Math.min(QUANTILES, m - 1);
    double[] points = new double[q + 1];
    for (int k = 0; k <= q; k++) {
      double pos = k * (m - 1) / (double) q;
      int lo = (int) Math.floor(pos);
      int hi = Math.min(lo + 1, m - 1);
      points[k] = sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
    return new NumericMarginal(codec, nullRate, points, null);
  }

  @Override
  public double attenuation() {
    if (cumulative == null) {
      return 1;
    }
    double[] withNull = new double[cumulative.length + (nullRate > 0 ? 1 : 0)];
    int at = 0;
    if (nullRate > 0) {
      withNull[at++] = nullRate;
    }
    for (double c : cumulative) {
      withNull[at++] = nullRate + (1 - nullRate) * c;
    }
    return Marginal.attenuation(withNull);
  }

  @Override
  public double cdf(Object value) {
    return cdfOf(value == null ? Double.NaN : Codec.toDouble(value));
  }

  public double cdfOf(double x) {
    if (Double.isNaN(x)) {
      return clamp(nullRate / 2);
    }
    return clamp(nullRate + (1 - nullRate) * position(x));
  }

  /** Mid-probability of x within the non-null part. */
  private double position(double x) {
    if (cumulative != null) {
      int i = Arrays.binarySearch(points, x);
      if (i < 0) {
        int ins = -i - 1;
        i =
            ins == 0
                ? 0
                : ins == points.length
                    ? points.length - 1
                    : (x - points[ins - 1] <= points[ins] - x ? ins - 1 : ins);
      }
      double below = i == 0 ? 0 : cumulative[i - 1];
      return (below + cumulative[i]) / 2;
    }
    int last = points.length - 1;
    if (x <= points[0]) {
      return x == points[0] ? tiedPosition(x) : 0;
    }
    if (x >= points[last]) {
      return x == points[last] ? tiedPosition(x) : 1;
    }
    int i = Arrays.binarySearch(points, x);
    if (i >= 0) {
      return tiedPosition(x);
    }
    int hi = -i - 1;
    int lo = hi - 1;
    return (lo + (x - points[lo]) / (points[hi] - points[lo])) / last;
  }

  private double tiedPosition(double x) {
    int lo = lowerBound(x);
    int hi = lo;
    while (hi + 1 < points.length && points[hi + 1] == x) {
      hi++;
    }
    return (lo + hi) / 2.0 / (points.length - 1);
  }

  private int lowerBound(double x) {
    int lo = 0;
    int hi = points.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (points[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static double clamp(double u) {
    return Math.min(1 - Gaussian.EPS, Math.max(Gaussian.EPS, u));
  }

  /** The raw double at probability u (NaN for null). */
  public double inverseOf(double u) {
    if (u < nullRate) {
      return Double.NaN;
    }
    double v = nullRate >= 1 ? 0.5 : (u - nullRate) / (1 - nullRate);
    if (cumulative != null) {
      // The first value whose cumulative probability reaches v.
      int i = java.util.Arrays.binarySearch(cumulative, v);
      if (i < 0) {
        i = -i - 1;
      }
      while (i > 0 && cumulative[i - 1] >= v) {
        i--;
      }
      return points[Math.min(i, points.length - 1)];
    }
    int last = points.length - 1;
    if (last == 0) {
      return points[0];
    }
    double pos = Math.min(Math.max(v, 0), 1) * last;
    int lo = Math.min((int) Math.floor(pos), last - 1);
    return points[lo] + (pos - lo) * (points[lo + 1] - points[lo]);
  }

  /** The raw double at normal score {@code z}: {@code inverseOf(Gaussian.cdf(z))}, faster. */
  public double inverseOfScore(double z) {
    if (zSteps == null || nullRate >= 1) {
      return inverseOf(Gaussian.cdf(z));
    }
    if (z < zNull) {
      return Double.NaN;
    }
    return points[Math.min(firstAtLeast(zSteps, z), points.length - 1)];
  }

  /** The first index whose value is at least {@code x}, or the length. */
  static int firstAtLeast(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Override
  public Object inverse(double u) {
    return codec.decode(inverseOf(u));
  }

  public double min() {
    return points[0];
  }

  public double max() {
    return points[points.length - 1];
  }
}
