package io.syndata.model.statistical;

import io.syndata.model.fit.CategoricalMarginal;
import io.syndata.model.fit.Codec;
import io.syndata.model.fit.Gaussian;
import io.syndata.model.fit.Marginal;
import io.syndata.model.fit.NumericMarginal;
import io.syndata.model.fit.TextGenerator;
import io.syndata.model.fit.TrainingColumn;
import io.syndata.model.fit.TrainingTable;
import io.syndata.schema.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fits a {@link StatisticalTableModel} on a table's training sample: empirical marginals, the
 * categories ordered by their most associated column, and a Gaussian copula over the attributes,
 * the child counts and the parent's attributes.
 */
final class CopulaFit {
  /** Correlations are estimated on at most this many rows (an even stride through the sample). */
  static final int CORRELATION_ROWS = 200_000;

  /** A child table is conditioned on its parent only with at least this many parented rows. */
  static final int MIN_CONDITIONED_ROWS = 10;

  /** Columns must share this many rows with values before an order between them is trusted. */
  static final int MIN_ORDERED_ROWS = 20;

  /**
   * A categorical column's association must explain at least this share of a column's variance to
   * reorder it.
   */
  static final double MIN_ASSOCIATION = 0.05;

  private CopulaFit() {}

  static StatisticalTableModel fit(TrainingTable t) {
    List<String> attributeColumns = t.attributeColumns();
    List<TrainingColumn> copulaAttrs = t.columns();
    int columns = attributeColumns.size();
    int size = t.size();
    int[] copulaIndex = new int[columns];
    TextGenerator[] texts = new TextGenerator[columns];
    for (int i = 0; i < columns; i++) {
      String name = attributeColumns.get(i);
      copulaIndex[i] = -1;
      for (int k = 0; k < copulaAttrs.size(); k++) {
        if (copulaAttrs.get(k).column().name().equals(name)) {
          copulaIndex[i] = k;
        }
      }
      texts[i] = t.texts().get(name);
    }
    int a = copulaAttrs.size() + t.childRelations().size();
    boolean conditioned = !t.conditioning().isEmpty() && t.parentedRows() >= MIN_CONDITIONED_ROWS;
    int b = conditioned ? t.conditioning().size() : 0;
    Marginal[] sampled = new Marginal[a];
    double[][] raw = new double[a + b][];
    for (int k = 0; k < copulaAttrs.size(); k++) {
      raw[k] = copulaAttrs.get(k).values();
      sampled[k] = marginal(copulaAttrs.get(k), raw[k], size, null);
    }
    Codec countCodec = new Codec(DataType.INTEGER, 0, 0, 1);
    for (int k = 0; k < t.childRelations().size(); k++) {
      double[] xs = new double[size];
      for (int i = 0; i < size; i++) {
        xs[i] = t.childCounts()[k][i];
      }
      raw[copulaAttrs.size() + k] = xs;
      sampled[copulaAttrs.size() + k] =
          NumericMarginal.fit(
              countCodec, xs, size, null, false, NumericMarginal.MAX_DISCRETE_COUNTS);
    }
    boolean[] hasParent = t.hasParent();
    Marginal[] conditioningMarginals = new Marginal[b];
    for (int k = 0; k < b; k++) {
      TrainingColumn c = t.conditioning().get(k);
      raw[a + k] = c.values();
      conditioningMarginals[k] = marginal(c, c.values(), size, hasParent);
    }
    int stride = Math.max(1, (size + CORRELATION_ROWS - 1) / CORRELATION_ROWS);
    int rows = (size + stride - 1) / stride;
    double[][] z = new double[a + b][rows];
    for (int k = 0; k < a + b; k++) {
      Marginal m = k < a ? sampled[k] : conditioningMarginals[k - a];
      TrainingColumn attr =
          k < copulaAttrs.size() ? copulaAttrs.get(k) : k >= a ? t.conditioning().get(k - a) : null;
      for (int i = 0, slot = 0; i < rows; i++, slot += stride) {
        if (k >= a && !hasParent[slot]) {
          z[k][i] = Double.NaN;
          continue;
        }
        double u =
            attr != null && attr.categorical()
                ? m.cdf(attr.decode(raw[k][slot]))
                : ((NumericMarginal) m).cdfOf(raw[k][slot]);
        z[k][i] = Gaussian.quantile(u);
      }
    }
    orderCategories(copulaAttrs, z, rows, stride, sampled, raw);
    double[] attenuation = new double[a + b];
    for (int k = 0; k < a + b; k++) {
      attenuation[k] = (k < a ? sampled[k] : conditioningMarginals[k - a]).attenuation();
    }
    Copula copula = Copula.fit(a, b, z, rows, attenuation);
    List<String> parentColumns =
        conditioned ? t.conditioning().stream().map(c -> c.column().name()).toList() : List.of();
    List<int[]> orderings = orderings(copulaAttrs, raw, copulaIndex);
    return new StatisticalTableModel(
        t.table(),
        t.sourceRows(),
        attributeColumns,
        copulaIndex,
        texts,
        sampled,
        copulaAttrs.size(),
        t.childRelations(),
        t.parentRelation(),
        parentColumns,
        conditioningMarginals,
        copula,
        t.keyFormats(),
        t.nullRates(),
        orderings,
        t.addresses().orElse(null));
  }

  /**
   * Pairs of attribute columns (positions in the attribute list) whose values are ordered in every
   * source row, {@code a <= b} — games started never exceed games, a death never precedes a birth —
   * while their ranges overlap, so the marginals alone would break the order. Only columns of the
   * same type and scale, so that values can be swapped between them.
   */
  private static List<int[]> orderings(
      List<TrainingColumn> copulaAttrs, double[][] raw, int[] copulaIndex) {
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < copulaAttrs.size(); i++) {
      for (int j = 0; j < copulaAttrs.size(); j++) {
        TrainingColumn x = copulaAttrs.get(i);
        TrainingColumn y = copulaAttrs.get(j);
        if (i == j
            || x.categorical()
            || y.categorical()
            || x.column().type() != y.column().type()
            || x.column().scale() != y.column().scale()) {
          continue;
        }
        double[] a = raw[i];
        double[] b = raw[j];
        int both = 0;
        boolean strict = false;
        boolean ordered = true;
        double maxA = Double.NEGATIVE_INFINITY;
        double minB = Double.POSITIVE_INFINITY;
        for (int r = 0; r < a.length && ordered; r++) {
          if (Double.isNaN(a[r]) || Double.isNaN(b[r])) {
            continue;
          }
          both++;
          ordered = a[r] <= b[r];
          strict |= a[r] < b[r];
          maxA = Math.max(maxA, a[r]);
          minB = Math.min(minB, b[r]);
        }
        if (ordered && strict && both >= MIN_ORDERED_ROWS && maxA > minB) {
          out.add(new int[] {attributeIndex(copulaIndex, i), attributeIndex(copulaIndex, j)});
        }
      }
    }
    return out;
  }

  private static int attributeIndex(int[] copulaIndex, int k) {
    for (int i = 0; i < copulaIndex.length; i++) {
      if (copulaIndex[i] == k) {
        return i;
      }
    }
    throw new IllegalStateException("copula column " + k + " is no attribute");
  }

  /**
   * Orders each categorical column's categories by the mean normal score, within the category, of
   * the column it is most associated with (the largest correlation ratio). A copula only keeps
   * monotone dependence, so an arbitrary (alphabetical) order of categories would lose relations
   * such as education ↔ education_num; ordered this way they become monotone in the normal space.
   */
  private static void orderCategories(
      List<TrainingColumn> copulaAttrs,
      double[][] z,
      int rows,
      int stride,
      Marginal[] sampled,
      double[][] raw) {
    double[][] reference = z.clone();
    for (int k = 0; k < copulaAttrs.size(); k++) {
      TrainingColumn attr = copulaAttrs.get(k);
      if (!attr.categorical() || ((CategoricalMarginal) sampled[k]).values.length < 3) {
        continue;
      }
      CategoricalMarginal m = (CategoricalMarginal) sampled[k];
      int[] category = new int[rows];
      for (int i = 0, slot = 0; i < rows; i++, slot += stride) {
        category[i] = m.indexOf(attr.decode(raw[k][slot]));
      }
      int best = -1;
      double bestRatio = MIN_ASSOCIATION;
      double[] bestMeans = null;
      for (int j = 0; j < reference.length; j++) {
        if (j == k) {
          continue;
        }
        double[] sum = new double[m.values.length];
        long[] count = new long[m.values.length];
        double total = 0;
        double totalSquares = 0;
        long n = 0;
        for (int i = 0; i < rows; i++) {
          double x = reference[j][i];
          if (category[i] < 0 || Double.isNaN(x)) {
            continue;
          }
          sum[category[i]] += x;
          count[category[i]]++;
          total += x;
          totalSquares += x * x;
          n++;
        }
        if (n < 10) {
          continue;
        }
        double mean = total / n;
        double variance = totalSquares - n * mean * mean;
        if (variance <= 1e-12) {
          continue;
        }
        double between = 0;
        double[] means = new double[sum.length];
        for (int c = 0; c < sum.length; c++) {
          means[c] = count[c] == 0 ? mean : sum[c] / count[c];
          between += count[c] * (means[c] - mean) * (means[c] - mean);
        }
        double ratio = between / variance;
        if (ratio > bestRatio) {
          bestRatio = ratio;
          best = j;
          bestMeans = means;
        }
      }
      if (best < 0) {
        continue;
      }
      double[] means = bestMeans;
      Integer[] order = new Integer[means.length];
      for (int c = 0; c < order.length; c++) {
        order[c] = c;
      }
      Arrays.sort(
          order,
          (x, y) ->
              means[x] != means[y] ? Double.compare(means[x], means[y]) : Integer.compare(x, y));
      CategoricalMarginal reordered = m.reordered(order);
      sampled[k] = reordered;
      for (int i = 0, slot = 0; i < rows; i++, slot += stride) {
        z[k][i] = Gaussian.quantile(reordered.cdf(attr.decode(raw[k][slot])));
      }
    }
  }

  private static Marginal marginal(
      TrainingColumn attr, double[] values, int size, boolean[] include) {
    if (attr.categorical()) {
      double[] codes = values;
      if (include != null) {
        codes = Arrays.copyOf(values, size);
        for (int i = 0; i < size; i++) {
          if (!include[i]) {
            codes[i] = Double.NaN;
          }
        }
      }
      return CategoricalMarginal.fit(attr.dictionary(), codes, size, attr.column().nullable());
    }
    return NumericMarginal.fit(
        attr.codec().orElseThrow(), values, size, include, attr.column().nullable());
  }
}
