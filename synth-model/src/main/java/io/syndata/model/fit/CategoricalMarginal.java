package io.syndata.model.fit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Frequencies of the values of a categorical column, null included as a value, in a stable order.
 */
public final class CategoricalMarginal implements Marginal {
  public final Object[] values;
  public final double[] cumulative;
  private final Map<Object, Integer> index = new HashMap<>();

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final Comparator<Object> ORDER =
      Comparator.nullsFirst(
          (a, b) -> {
            if (a.getClass() == b.getClass() && a instanceof Comparable c) {
              return c.compareTo(b);
            }
            return a.toString().compareTo(b.toString());
          });

  /** Normal scores at which the sampled value steps to the next one. */
  private final double[] zSteps;

  public CategoricalMarginal(Object[] values, double[] cumulative) {
    this.values = values;
    this.cumulative = cumulative;
    this.zSteps = new double[cumulative.length];
    for (int i = 0; i < cumulative.length; i++) {
      zSteps[i] = Gaussian.threshold(cumulative[i]);
    }
    if (cumulative.length > 0) {
      zSteps[cumulative.length - 1] = Double.POSITIVE_INFINITY;
    }
    for (int i = 0; i < values.length; i++) {
      index.put(values[i], i);
    }
  }

  /**
   * Fits codes {@code codes[0..n)} into {@code dictionary} (code -1 is null, NaN a row left out).
   * Values that never occur are dropped; a non-nullable column ignores nulls.
   */
  public static CategoricalMarginal fit(
      List<Object> dictionary, double[] codes, int n, boolean nullable) {
    long[] counts = new long[dictionary.size() + 1];
    long total = 0;
    for (int i = 0; i < n; i++) {
      double c = codes[i];
      if (Double.isNaN(c) || (c < 0 && !nullable)) {
        continue;
      }
      counts[(int) c + 1]++;
      total++;
    }
    List<Object> present = new ArrayList<>();
    Map<Object, Long> countOf = new HashMap<>();
    for (int k = 0; k < counts.length; k++) {
      if (counts[k] > 0) {
        Object v = k == 0 ? null : dictionary.get(k - 1);
        present.add(v);
        countOf.put(v, counts[k]);
      }
    }
    if (present.isEmpty()) {
      return new CategoricalMarginal(new Object[] {nullable ? null : ""}, new double[] {1});
    }
    present.sort(ORDER);
    double[] cumulative = new double[present.size()];
    long running = 0;
    for (int i = 0; i < present.size(); i++) {
      running += countOf.get(present.get(i));
      cumulative[i] = running / (double) total;
    }
    cumulative[cumulative.length - 1] = 1;
    return new CategoricalMarginal(present.toArray(), cumulative);
  }

  /** The position of a value among the categories, or -1 when it never occurred. */
  public int indexOf(Object value) {
    Integer i = index.get(value);
    return i == null ? -1 : i;
  }

  /**
   * The same frequencies with the categories in the given order ({@code order[i]}: old position).
   */
  public CategoricalMarginal reordered(Integer[] order) {
    Object[] newValues = new Object[values.length];
    double[] newCumulative = new double[values.length];
    double running = 0;
    for (int i = 0; i < order.length; i++) {
      int old = order[i];
      newValues[i] = values[old];
      running += cumulative[old] - (old == 0 ? 0 : cumulative[old - 1]);
      newCumulative[i] = running;
    }
    newCumulative[newCumulative.length - 1] = 1;
    return new CategoricalMarginal(newValues, newCumulative);
  }

  @Override
  public double attenuation() {
    return Marginal.attenuation(cumulative);
  }

  @Override
  public double cdf(Object value) {
    Integer i = index.get(value);
    if (i == null) {
      return 0.5;
    }
    double below = i == 0 ? 0 : cumulative[i - 1];
    return Math.min(1 - Gaussian.EPS, Math.max(Gaussian.EPS, (below + cumulative[i]) / 2));
  }

  /** The value at normal score {@code z}: {@code inverse(Gaussian.cdf(z))}, without the CDF. */
  public Object inverseOfScore(double z) {
    return values[Math.min(NumericMarginal.firstAtLeast(zSteps, z), values.length - 1)];
  }

  @Override
  public Object inverse(double u) {
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return values[lo];
  }
}
