package io.syndata.quality.ml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Dense model inputs fitted on the real training side. Numeric features are standardised by the
 * real mean and standard deviation, missing values becoming 0 plus a missing-indicator column when
 * the real side has nulls. Categorical features are one-hot over the {@value #TOP_CATEGORIES} most
 * frequent real categories, the rest (and categories never seen) sharing one "other" column, and
 * null its own column. The column order is the features' order, so encoding is deterministic.
 */
final class Encoder {
  static final int TOP_CATEGORIES = 30;

  private sealed interface Spec permits Numeric, Categorical {}

  private record Numeric(double mean, double sd, boolean indicator) implements Spec {}

  /** {@code other} and {@code nullColumn} are offsets within the block, -1 when absent. */
  private record Categorical(Map<Object, Integer> offsets, int other, int nullColumn, int width)
      implements Spec {}

  private final List<Spec> specs;
  private final int width;

  private Encoder(List<Spec> specs) {
    this.specs = List.copyOf(specs);
    int w = 0;
    for (Spec s : specs) {
      w += width(s);
    }
    this.width = w;
  }

  static Encoder fit(List<Feature> real) {
    List<Spec> specs = new ArrayList<>(real.size());
    for (Feature f : real) {
      specs.add(f.isNumeric() ? numeric(f.numbers()) : categorical(f.labels()));
    }
    return new Encoder(specs);
  }

  private static Numeric numeric(double[] values) {
    double sum = 0;
    int n = 0;
    boolean missing = false;
    for (double v : values) {
      if (Double.isNaN(v)) {
        missing = true;
      } else {
        sum += v;
        n++;
      }
    }
    double mean = n == 0 ? 0 : sum / n;
    double ss = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        ss += (v - mean) * (v - mean);
      }
    }
    double sd = n < 2 ? 0 : Math.sqrt(ss / (n - 1));
    return new Numeric(mean, sd > 0 && Double.isFinite(sd) ? sd : 1, missing);
  }

  private static Categorical categorical(Object[] values) {
    Map<Object, Integer> counts = new HashMap<>();
    boolean hasNull = false;
    for (Object v : values) {
      if (v == null) {
        hasNull = true;
      } else {
        counts.merge(v, 1, Integer::sum);
      }
    }
    // Ties broken by the label's text so the column order never depends on hash order.
    List<Object> top =
        counts.entrySet().stream()
            .sorted(
                Map.Entry.<Object, Integer>comparingByValue()
                    .reversed()
                    .thenComparing(e -> String.valueOf(e.getKey()), Comparator.naturalOrder()))
            .limit(TOP_CATEGORIES)
            .map(Map.Entry::getKey)
            .toList();
    Map<Object, Integer> offsets = new LinkedHashMap<>();
    for (Object c : top) {
      offsets.put(c, offsets.size());
    }
    int w = offsets.size();
    int other = counts.size() > top.size() ? w++ : -1;
    int nullColumn = hasNull ? w++ : -1;
    return new Categorical(offsets, other, nullColumn, w);
  }

  private static int width(Spec s) {
    if (s instanceof Numeric n) {
      return n.indicator() ? 2 : 1;
    }
    return ((Categorical) s).width();
  }

  int width() {
    return width;
  }

  /** Row-major matrix of the features, which must match the fitted ones in number and kind. */
  double[][] encode(List<Feature> features) {
    if (features.size() != specs.size()) {
      throw new IllegalArgumentException(
          "expected " + specs.size() + " features, got " + features.size());
    }
    int rows = features.isEmpty() ? 0 : features.get(0).size();
    double[][] x = new double[rows][width];
    int at = 0;
    for (int f = 0; f < specs.size(); f++) {
      Spec spec = specs.get(f);
      Feature feature = features.get(f);
      if (spec instanceof Numeric n) {
        double[] v = Objects.requireNonNull(feature.numbers(), feature.name());
        for (int r = 0; r < rows; r++) {
          boolean missing = Double.isNaN(v[r]) || Double.isInfinite(v[r]);
          x[r][at] = missing ? 0 : (v[r] - n.mean()) / n.sd();
          if (n.indicator()) {
            x[r][at + 1] = missing ? 1 : 0;
          }
        }
      } else {
        Categorical c = (Categorical) spec;
        Object[] v = Objects.requireNonNull(feature.labels(), feature.name());
        for (int r = 0; r < rows; r++) {
          int offset = v[r] == null ? c.nullColumn() : c.offsets().getOrDefault(v[r], c.other());
          if (offset >= 0) {
            x[r][at + offset] = 1;
          }
        }
      }
      at += width(spec);
    }
    return x;
  }
}
