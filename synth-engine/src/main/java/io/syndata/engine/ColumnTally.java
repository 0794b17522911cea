package io.syndata.engine;

import io.syndata.model.fit.CategoricalMarginal;
import io.syndata.model.fit.Codec;
import io.syndata.model.fit.Marginal;
import io.syndata.model.fit.NumericMarginal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts the generated values of one column against the marginal a model learned for it, in memory
 * bounded by the marginal's size (never by the row count): per quantile interval for a continuous
 * column, per value for a discrete or categorical one, plus NULLs and values the model never had.
 */
final class ColumnTally {
  private final String column;
  private final Marginal marginal;

  /** Continuous: values below or at each quantile; discrete and categorical: values per point. */
  private final long[] counts;

  private final Map<Object, Integer> categories;
  private long nulls;
  private long others;
  private long total;

  ColumnTally(String column, Marginal marginal) {
    this.column = column;
    this.marginal = marginal;
    if (marginal instanceof NumericMarginal m) {
      this.counts = new long[m.points.length + 1];
      this.categories = null;
    } else {
      CategoricalMarginal m = (CategoricalMarginal) marginal;
      this.counts = new long[m.values.length];
      this.categories = new HashMap<>();
      for (int i = 0; i < m.values.length; i++) {
        categories.put(m.values[i], i);
      }
    }
  }

  Marginal marginal() {
    return marginal;
  }

  void add(Object value) {
    total++;
    if (marginal instanceof NumericMarginal m) {
      if (value == null) {
        nulls++;
        return;
      }
      double x = Codec.toDouble(value);
      if (m.cumulative == null) {
        counts[lowerBound(m.points, x)]++;
      } else {
        int i = Arrays.binarySearch(m.points, x);
        if (i >= 0) {
          counts[i]++;
        } else {
          others++;
        }
      }
    } else {
      if (value == null) {
        nulls++;
      }
      Integer i = categories.get(value);
      if (i == null) {
        others++;
      } else {
        counts[i]++;
      }
    }
  }

  /** The comparison of the counted values with the model's marginal. */
  ModelReport.ColumnResult result() {
    double syntheticNulls = total == 0 ? 0 : nulls / (double) total;
    if (marginal instanceof NumericMarginal m) {
      double modelNulls = m.nullRate;
      long nonNull = total - nulls;
      double distance;
      String measure;
      if (m.cumulative == null) {
        measure = "KS";
        distance = ks(m, nonNull);
      } else {
        measure = "TVD";
        double sum = others / (double) Math.max(1, nonNull);
        for (int i = 0; i < m.points.length; i++) {
          double p = i == 0 ? m.cumulative[0] : m.cumulative[i] - m.cumulative[i - 1];
          sum += Math.abs(p - counts[i] / (double) Math.max(1, nonNull));
        }
        distance = nonNull == 0 ? (modelNulls < 1 ? 1 : 0) : sum / 2;
      }
      double score = 1 - Math.max(distance, Math.abs(modelNulls - syntheticNulls));
      return new ModelReport.ColumnResult(
          column, measure, distance, modelNulls, syntheticNulls, others, score);
    }
    CategoricalMarginal m = (CategoricalMarginal) marginal;
    double sum = others / (double) Math.max(1, total);
    double modelNulls = 0;
    for (int i = 0; i < m.values.length; i++) {
      double p = i == 0 ? m.cumulative[0] : m.cumulative[i] - m.cumulative[i - 1];
      if (m.values[i] == null) {
        modelNulls = p;
      }
      sum += Math.abs(p - counts[i] / (double) Math.max(1, total));
    }
    double distance = total == 0 ? 1 : sum / 2;
    return new ModelReport.ColumnResult(
        column, "TVD", distance, modelNulls, syntheticNulls, others, 1 - distance);
  }

  /**
   * The largest gap between the model's quantile function and the share of generated values at or
   * below each quantile; tied quantiles are compared at the last of them.
   */
  private double ks(NumericMarginal m, long nonNull) {
    if (nonNull == 0) {
      return m.nullRate < 1 ? 1 : 0;
    }
    int last = m.points.length - 1;
    double worst = 0;
    long atOrBelow = 0;
    for (int k = 0; k <= last; k++) {
      atOrBelow += counts[k];
      if (k < last && m.points[k + 1] == m.points[k]) {
        continue;
      }
      double model = last == 0 ? 1 : k / (double) last;
      worst = Math.max(worst, Math.abs(model - atOrBelow / (double) nonNull));
    }
    return worst;
  }

  /** The first index whose point is at least {@code x}: values at or below point k land in 0..k. */
  private static int lowerBound(double[] points, double x) {
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
}
