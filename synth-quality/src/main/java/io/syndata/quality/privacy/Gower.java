package io.syndata.quality.privacy;

import io.syndata.quality.Fidelity;
import io.syndata.quality.TableData;
import io.syndata.quality.Values;
import io.syndata.schema.Column;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Gower distance over a fixed set of columns, on rows encoded as flat row-major {@code double[]}
 * matrices so the nearest-neighbour scan never boxes. Ordered columns come first, scaled to [0, 1]
 * by the real range, a null being a sentinel far outside so that it is at distance 1 from any value
 * and 0 from another null; per-column differences are capped at 1. Categorical columns follow as
 * integer codes, null having its own code, at distance 0 when equal and 1 otherwise.
 */
final class Gower {
  /** Scaled ordered values lie near [0, 1]; this is at distance ≥ 1 from anything but itself. */
  private static final double NULL = -1e9;

  private static final double NULL_CODE = -1;

  private final List<Column> columns;
  private final int ordered;
  private final double[] min;
  private final double[] range;
  private final List<Map<Object, Integer>> codes = new ArrayList<>();

  private Gower(List<Column> columns, int ordered, double[] min, double[] range) {
    this.columns = columns;
    this.ordered = ordered;
    this.min = min;
    this.range = range;
    for (int j = ordered; j < columns.size(); j++) {
      codes.add(new HashMap<>());
    }
  }

  /** Fits the ranges of the ordered columns on the real rows. */
  static Gower fit(List<Column> columns, TableData real) {
    List<Column> order = new ArrayList<>(columns.stream().filter(Fidelity::isOrdered).toList());
    int ordered = order.size();
    order.addAll(columns.stream().filter(c -> !Fidelity.isOrdered(c)).toList());
    double[] min = new double[ordered];
    double[] range = new double[ordered];
    for (int j = 0; j < ordered; j++) {
      double[] v = Fidelity.numbers(real.column(order.get(j).name()));
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (double x : v) {
        if (!Double.isNaN(x)) {
          lo = Math.min(lo, x);
          hi = Math.max(hi, x);
        }
      }
      min[j] = lo == Double.POSITIVE_INFINITY ? 0 : lo;
      range[j] = hi > lo ? hi - lo : 1;
    }
    return new Gower(List.copyOf(order), ordered, min, range);
  }

  int dimensions() {
    return columns.size();
  }

  /** Rows encoded for {@link #nearest}: {@code count × dimensions()} values, row-major. */
  record Rows(double[] values, int count) {}

  /** The given rows of the data, encoded. */
  Rows encode(TableData data, int[] rows) {
    int d = columns.size();
    double[] out = new double[rows.length * d];
    for (int j = 0; j < d; j++) {
      Object[] values = data.column(columns.get(j).name());
      if (j < ordered) {
        double[] numbers = Fidelity.numbers(values);
        for (int i = 0; i < rows.length; i++) {
          double x = numbers[rows[i]];
          out[i * d + j] = Double.isNaN(x) ? NULL : (x - min[j]) / range[j];
        }
      } else {
        Map<Object, Integer> dictionary = codes.get(j - ordered);
        for (int i = 0; i < rows.length; i++) {
          Object key = Values.key(values[rows[i]]);
          out[i * d + j] =
              key == null ? NULL_CODE : dictionary.computeIfAbsent(key, k -> dictionary.size());
        }
      }
    }
    return new Rows(out, rows.length);
  }

  /** Distances to the closest (and second-closest) reference row, and the closest row's index. */
  record Neighbours(double[] first, double[] second, int[] index) {}

  /**
   * For every query row, the closest reference row by Gower distance (ties: the lowest index).
   * O(queries × references × dimensions) in the worst case; a row stops being summed once it cannot
   * beat the best so far. Rows are searched in parallel; results do not depend on the thread count.
   */
  Neighbours nearest(Rows queryRows, Rows referenceRows, boolean withSecond) {
    int d = columns.size();
    int nq = queryRows.count();
    int nr = referenceRows.count();
    double[] query = queryRows.values();
    double[] reference = referenceRows.values();
    double[] first = new double[nq];
    double[] second = new double[nq];
    int[] index = new int[nq];
    IntStream.range(0, nq)
        .parallel()
        .forEach(
            i -> {
              int q = i * d;
              double b1 = Double.POSITIVE_INFINITY;
              double b2 = Double.POSITIVE_INFINITY;
              int bi = -1;
              for (int r = 0; r < nr; r++) {
                double bound = withSecond ? b2 : b1;
                int o = r * d;
                double s = 0;
                int j = 0;
                for (; j < ordered && s < bound; j++) {
                  s += Math.min(1.0, Math.abs(query[q + j] - reference[o + j]));
                }
                for (; j < d && s < bound; j++) {
                  if (query[q + j] != reference[o + j]) {
                    s += 1;
                  }
                }
                if (s >= bound) {
                  continue;
                }
                if (s < b1) {
                  b2 = b1;
                  b1 = s;
                  bi = r;
                } else {
                  b2 = s;
                }
              }
              // Without columns every row is at distance 0: 0/0 is read as 0.
              first[i] = d == 0 ? (nr > 0 ? 0 : b1) : b1 / d;
              second[i] = d == 0 ? (nr > 1 ? 0 : b2) : b2 / d;
              index[i] = bi;
            });
    return new Neighbours(first, second, index);
  }

  /** Hashable form of a row on these columns, for exact matching. */
  List<Object> rowKey(Object[] row, int[] positions) {
    Object[] k = new Object[positions.length];
    for (int j = 0; j < positions.length; j++) {
      Object v = row[positions[j]];
      k[j] =
          j < ordered
              ? (v == null ? null : (Object) Fidelity.numbers(new Object[] {v})[0])
              : Values.key(v);
    }
    return Arrays.asList(k);
  }

  /** Positions in the data's rows of this encoder's columns, in its order. */
  int[] positions(TableData data) {
    return columns.stream().mapToInt(c -> data.columns().indexOf(c.name())).toArray();
  }
}
