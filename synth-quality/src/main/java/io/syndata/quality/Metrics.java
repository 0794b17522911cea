package io.syndata.quality;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

/**
 * The single-number metrics, each in [0, 1] with 1 meaning identical, as SDMetrics defines them:
 * KSComplement, TVComplement, CorrelationSimilarity and ContingencySimilarity.
 */
public final class Metrics {
  /** Numeric columns are cut into this many equal-width bins for contingency tables. */
  public static final int BINS = 10;

  private Metrics() {}

  /**
   * 1 − the two-sample Kolmogorov–Smirnov statistic of the non-null values; 1 when both sides have
   * no value, 0 when only one side has values.
   */
  public static double ksComplement(double[] real, double[] synthetic) {
    double[] a = Arrays.stream(real).filter(x -> !Double.isNaN(x)).sorted().toArray();
    double[] b = Arrays.stream(synthetic).filter(x -> !Double.isNaN(x)).sorted().toArray();
    if (a.length == 0 || b.length == 0) {
      return a.length == b.length ? 1 : 0;
    }
    int i = 0;
    int j = 0;
    double d = 0;
    while (i < a.length && j < b.length) {
      double x = Math.min(a[i], b[j]);
      while (i < a.length && a[i] <= x) {
        i++;
      }
      while (j < b.length && b[j] <= x) {
        j++;
      }
      d = Math.max(d, Math.abs((double) i / a.length - (double) j / b.length));
    }
    return 1 - d;
  }

  /** 1 − the total variation distance between the category frequencies (null is a category). */
  public static double tvComplement(Object[] real, Object[] synthetic) {
    return 1 - totalVariation(frequencies(real), frequencies(synthetic));
  }

  /**
   * 1 − |ρ(real) − ρ(synthetic)| / 2 over rows where both values are present (Pearson); pairs with
   * no variance on either side count as correlation 0.
   */
  public static double correlationSimilarity(
      double[] realX, double[] realY, double[] synX, double[] synY) {
    return 1 - Math.abs(pearson(realX, realY) - pearson(synX, synY)) / 2;
  }

  /**
   * 1 − the total variation distance between the joint distributions of two columns, given as
   * category labels per row (numeric columns already binned with {@link #binner}).
   */
  public static double contingencySimilarity(
      Object[] realX, Object[] realY, Object[] synX, Object[] synY) {
    return 1 - totalVariation(jointFrequencies(realX, realY), jointFrequencies(synX, synY));
  }

  /**
   * Labels numeric values by equal-width bin over the real column's range (values outside fall in
   * the end bins); null stays null.
   */
  public static Object[] binner(double[] values, double min, double max) {
    Object[] labels = new Object[values.length];
    double width = (max - min) / BINS;
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      if (Double.isNaN(v)) {
        continue;
      }
      int bin = width <= 0 ? 0 : (int) Math.floor((v - min) / width);
      labels[i] = Math.max(0, Math.min(BINS - 1, bin));
    }
    return labels;
  }

  static double pearson(double[] x, double[] y) {
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        n++;
      }
    }
    if (n < 3) {
      return 0;
    }
    double[] a = new double[n];
    double[] b = new double[n];
    for (int i = 0, k = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        a[k] = x[i];
        b[k++] = y[i];
      }
    }
    double r = new PearsonsCorrelation().correlation(a, b);
    return Double.isNaN(r) ? 0 : r;
  }

  static Map<Object, Double> frequencies(Object[] values) {
    Map<Object, Double> f = new HashMap<>();
    for (Object v : values) {
      f.merge(v == null ? NullKey.INSTANCE : v, 1.0 / values.length, Double::sum);
    }
    return f;
  }

  private static Map<Object, Double> jointFrequencies(Object[] x, Object[] y) {
    Map<Object, Double> f = new HashMap<>();
    for (int i = 0; i < x.length; i++) {
      f.merge(Arrays.asList(x[i], y[i]), 1.0 / x.length, Double::sum);
    }
    return f;
  }

  static double totalVariation(Map<Object, Double> p, Map<Object, Double> q) {
    if (p.isEmpty() || q.isEmpty()) {
      return p.isEmpty() && q.isEmpty() ? 0 : 1;
    }
    Set<Object> keys = new HashSet<>(p.keySet());
    keys.addAll(q.keySet());
    double sum = 0;
    for (Object k : keys) {
      sum += Math.abs(p.getOrDefault(k, 0.0) - q.getOrDefault(k, 0.0));
    }
    return Math.min(1, sum / 2);
  }

  /** Null as a map key that equals only itself. */
  private enum NullKey {
    INSTANCE;

    @Override
    public String toString() {
      return Objects.toString(null);
    }
  }
}
