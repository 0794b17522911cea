package io.syndata.model.fit;

import io.syndata.model.TableSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How close a sample of a table model comes to held-out real rows, for {@code --model auto}: the
 * mean of three similarities over the jointly modelled columns (with child counts, and for child
 * tables the parent attributes the rows were conditioned on), every column first cut into at most
 * {@value #BINS} bins fixed by the held-out rows (null; quantile ranges of a number; the most
 * frequent categories and one for the rest). Column shapes: one minus the total variation distance
 * of a column's bin shares. Pairs and triples: the same over the joint bins of every two and every
 * three columns (a contingency similarity). Joint bins see relations that are not monotone — a
 * sine, clusters — where a correlation sees none, and triples see rules over three columns (an XOR
 * of categories, every pair of which is independent). One pass per combination, no randomness:
 * equal inputs give an equal score.
 */
final class HoldoutScore {
  /** Bins per column, null included: coarse enough that a few thousand rows fill a pair's cells. */
  static final int BINS = 6;

  /** Triples are taken among the first this many scored columns only: their number grows as n³. */
  static final int MAX_TRIPLE_COLUMNS = 40;

  private HoldoutScore() {}

  /**
   * The score, and its three parts.
   *
   * @param shapes mean shape similarity over the scored columns, in [0, 1]
   * @param pairs mean pair similarity, in [0, 1]; equal to {@code shapes} when there is no pair
   * @param triples mean similarity of the joint shares of three columns, in [0, 1]; equal to {@code
   *     pairs} when there is no triple
   * @param score the mean of the three
   */
  record Score(double shapes, double pairs, double triples, double score) {}

  /**
   * Scores a sample against held-out rows.
   *
   * @param real the held-out rows
   * @param attributeColumns the columns of {@code sample.values()}, in order
   * @param sample the model's rows: {@code copies} rows per held-out row, in the held-out rows'
   *     order, each conditioned on that row's parent (see {@link AutoFit})
   * @param copies how many sample rows there are per held-out row
   */
  static Score score(
      TrainingTable real, List<String> attributeColumns, TableSample sample, int copies) {
    int n = real.size();
    List<int[]> realBins = new ArrayList<>();
    List<int[]> fakeBins = new ArrayList<>();
    List<Boolean> own = new ArrayList<>();
    for (TrainingColumn c : real.columns()) {
      int at = attributeColumns.indexOf(c.column().name());
      if (at < 0) {
        continue;
      }
      Binning b = Binning.of(c, n);
      realBins.add(b.bins(c, n));
      fakeBins.add(b.bins(sample.values()[at]));
      own.add(true);
    }
    for (int k = 0; k < real.childRelations().size(); k++) {
      double[] counts = Arrays.stream(real.childCounts()[k]).asDoubleStream().toArray();
      Binning b = Binning.numeric(counts);
      realBins.add(b.numericBins(counts));
      double[] made = Arrays.stream(sample.childCounts()[k]).asDoubleStream().toArray();
      fakeBins.add(b.numericBins(made));
      own.add(true);
    }
    // Parent attributes are the same on both sides (the sample was conditioned on them): their
    // shapes and pairs among them say nothing, their pairs with the table's own columns do.
    for (TrainingColumn c : real.conditioning()) {
      double[] values = c.values().clone();
      for (int r = 0; r < n; r++) {
        if (!real.hasParent()[r]) {
          values[r] = c.categorical() ? -1 : Double.NaN;
        }
      }
      TrainingColumn parented =
          new TrainingColumn(c.column(), c.categorical(), c.dictionary(), c.codec(), values);
      Binning b = Binning.of(parented, n);
      int[] bins = b.bins(parented, n);
      realBins.add(bins);
      fakeBins.add(repeat(bins, copies));
      own.add(false);
    }
    int m = realBins.size();
    double shapes = 0;
    int shapeCount = 0;
    double pairs = 0;
    int pairCount = 0;
    double triples = 0;
    int tripleCount = 0;
    for (int i = 0; i < m; i++) {
      if (own.get(i)) {
        shapes += 1 - distance(realBins, fakeBins, i);
        shapeCount++;
      }
      for (int j = i + 1; j < m; j++) {
        if (own.get(i) || own.get(j)) {
          pairs += 1 - distance(realBins, fakeBins, i, j);
          pairCount++;
        }
        for (int k = j + 1; k < Math.min(m, MAX_TRIPLE_COLUMNS); k++) {
          if (own.get(i) || own.get(j) || own.get(k)) {
            triples += 1 - distance(realBins, fakeBins, i, j, k);
            tripleCount++;
          }
        }
      }
    }
    double s = shapeCount == 0 ? 1 : shapes / shapeCount;
    double p = pairCount == 0 ? s : pairs / pairCount;
    double t = tripleCount == 0 ? p : triples / tripleCount;
    return new Score(s, p, t, (s + p + t) / 3);
  }

  private static int[] repeat(int[] bins, int copies) {
    int[] out = new int[bins.length * copies];
    for (int r = 0; r < out.length; r++) {
      out[r] = bins[r / copies];
    }
    return out;
  }

  /** Total variation distance of the joint bin shares of columns {@code at}, real and fake. */
  private static double distance(List<int[]> real, List<int[]> fake, int... at) {
    double[] r = shares(real, at);
    double[] f = shares(fake, at);
    double d = 0;
    for (int i = 0; i < r.length; i++) {
      d += Math.abs(r[i] - f[i]);
    }
    return d / 2;
  }

  private static double[] shares(List<int[]> bins, int[] at) {
    int cells = 1;
    for (int i = 0; i < at.length; i++) {
      cells *= BINS;
    }
    double[] shares = new double[cells];
    int rows = bins.get(at[0]).length;
    for (int r = 0; r < rows; r++) {
      int cell = 0;
      for (int c : at) {
        cell = cell * BINS + bins.get(c)[r];
      }
      shares[cell]++;
    }
    for (int i = 0; i < cells; i++) {
      shares[i] /= rows;
    }
    return shares;
  }

  /** How one column's values map to bins: 0 for null, then categories or quantile ranges. */
  private record Binning(Map<Object, Integer> categories, double[] edges) {
    static Binning of(TrainingColumn c, int n) {
      if (!c.categorical()) {
        return numeric(Arrays.copyOf(c.values(), n));
      }
      int[] counts = new int[c.dictionary().size()];
      for (int r = 0; r < n; r++) {
        double v = c.values()[r];
        if (v >= 0) {
          counts[(int) v]++;
        }
      }
      Integer[] order = new Integer[counts.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      // Most frequent first, ties by dictionary order: deterministic.
      Arrays.sort(order, (x, y) -> counts[x] != counts[y] ? counts[y] - counts[x] : x - y);
      Map<Object, Integer> categories = new HashMap<>();
      // Bins 1 … BINS-2 for the most frequent categories, BINS-1 for every other one.
      for (int i = 0; i < Math.min(order.length, BINS - 2); i++) {
        categories.put(c.dictionary().get(order[i]), 1 + i);
      }
      return new Binning(categories, null);
    }

    static Binning numeric(double[] values) {
      double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
      double[] edges = new double[BINS - 2];
      for (int i = 0; i < edges.length; i++) {
        edges[i] = sorted.length == 0 ? 0 : sorted[(int) ((i + 1L) * sorted.length / (BINS - 1))];
      }
      return new Binning(null, edges);
    }

    int[] bins(TrainingColumn c, int n) {
      if (categories == null) {
        return numericBins(Arrays.copyOf(c.values(), n));
      }
      int[] out = new int[n];
      for (int r = 0; r < n; r++) {
        out[r] = categoryBin(c.decode(c.values()[r]));
      }
      return out;
    }

    int[] bins(Object[] canonical) {
      int[] out = new int[canonical.length];
      for (int r = 0; r < out.length; r++) {
        out[r] =
            categories == null
                ? numericBin(Codec.toDouble(canonical[r]))
                : categoryBin(canonical[r]);
      }
      return out;
    }

    int[] numericBins(double[] values) {
      int[] out = new int[values.length];
      for (int r = 0; r < out.length; r++) {
        out[r] = numericBin(values[r]);
      }
      return out;
    }

    private int categoryBin(Object v) {
      return v == null ? 0 : categories.getOrDefault(v, BINS - 1);
    }

    /** Ranges below each edge, then the rest; equal edges leave empty bins, which cost nothing. */
    private int numericBin(double v) {
      if (Double.isNaN(v)) {
        return 0;
      }
      int bin = 1;
      while (bin - 1 < edges.length && v >= edges[bin - 1]) {
        bin++;
      }
      return bin;
    }
  }
}
