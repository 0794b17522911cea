package io.syndata.quality;

import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the data behind the report's plots: real-versus-synthetic distributions of every compared
 * column, association matrices per table and children-per-parent histograms per foreign key.
 *
 * <p>Everything is computed on the evaluation sample, in schema order, so the same data always
 * gives the same visuals.
 */
public final class VisualsBuilder {
  /** Equal-width bins of a numeric or datetime column's distribution plot. */
  public static final int DISTRIBUTION_BINS = 20;

  /** Categories of a categorical column's plot; the rest are summed as {@link #OTHER}. */
  public static final int TOP_CATEGORIES = 20;

  /** Association matrices cover no more than this many columns of a table (the first ones). */
  public static final int MAX_MATRIX_COLUMNS = 15;

  /** Children-per-parent bins 0 … 9 and "10+". */
  public static final int CARDINALITY_BINS = 11;

  public static final String OTHER = "(other)";
  public static final String NULL = "(null)";

  private VisualsBuilder() {}

  /**
   * The visuals of every table of the data's schema.
   *
   * @param fidelity the fidelity report of the same data, for the scores shown with each plot (NaN
   *     where it has none)
   */
  public static QualityReport.Visuals build(EvaluationData data, FidelityReport fidelity) {
    Map<String, Double> shapeScores = new HashMap<>();
    fidelity
        .columnShapes()
        .forEach(s -> shapeScores.put(s.table() + "\u0000" + s.column(), s.score()));
    Map<String, Double> cardinalityScores = new HashMap<>();
    fidelity
        .cardinality()
        .forEach(c -> cardinalityScores.put(c.child() + "\u0000" + c.relation(), c.score()));

    List<QualityReport.ColumnDistribution> columns = new ArrayList<>();
    List<QualityReport.CorrelationMatrix> correlations = new ArrayList<>();
    List<QualityReport.CardinalityHistogram> cardinality = new ArrayList<>();
    for (Table table : data.schema().tables()) {
      TableData real = data.real(table.name());
      TableData synthetic = data.synthetic(table.name());
      List<Column> compared = Fidelity.comparedColumns(table);
      for (Column c : compared) {
        double score = shapeScores.getOrDefault(table.name() + "\u0000" + c.name(), Double.NaN);
        columns.add(
            distribution(
                table.name(), c, real.column(c.name()), synthetic.column(c.name()), score));
      }
      if (compared.size() >= 2) {
        correlations.add(
            matrix(
                table.name(),
                compared.subList(0, Math.min(compared.size(), MAX_MATRIX_COLUMNS)),
                real,
                synthetic));
      }
      for (ForeignKey fk : table.foreignKeys()) {
        String relation = fk.describe(table.name());
        double score =
            cardinalityScores.getOrDefault(table.name() + "\u0000" + relation, Double.NaN);
        cardinality.add(
            new QualityReport.CardinalityHistogram(
                relation,
                cardinalityLabels(),
                childrenPerParent(fk, real, data.real(fk.parentTable())),
                childrenPerParent(fk, synthetic, data.synthetic(fk.parentTable())),
                score));
      }
    }
    return new QualityReport.Visuals(columns, correlations, cardinality);
  }

  // ---- distributions -------------------------------------------------------------------------

  static QualityReport.ColumnDistribution distribution(
      String table, Column c, Object[] real, Object[] synthetic, double score) {
    String kind = c.kind().fileName();
    return Fidelity.isOrdered(c)
        ? binned(table, c, kind, real, synthetic, score)
        : categories(table, c.name(), kind, real, synthetic, score);
  }

  /**
   * Equal-width bins over the real range (the synthetic range when the real column is all null).
   */
  private static QualityReport.ColumnDistribution binned(
      String table, Column c, String kind, Object[] real, Object[] synthetic, double score) {
    double[] r = Fidelity.numbers(real);
    double[] s = Fidelity.numbers(synthetic);
    double[] range = range(r);
    if (range == null) {
      range = range(s);
    }
    if (range == null) {
      range = new double[] {0, 0};
    }
    double min = range[0];
    double width = (range[1] - range[0]) / DISTRIBUTION_BINS;
    List<String> labels = new ArrayList<>();
    for (int b = 0; b < DISTRIBUTION_BINS; b++) {
      labels.add(edgeLabel(c.type(), min + b * width, width));
    }
    double[] rf = binShares(r, min, width);
    double[] sf = binShares(s, min, width);
    List<Double> realShares = toList(rf, DISTRIBUTION_BINS);
    List<Double> synthShares = toList(sf, DISTRIBUTION_BINS);
    if (rf[DISTRIBUTION_BINS] > 0 || sf[DISTRIBUTION_BINS] > 0) {
      labels.add(NULL);
      realShares.add(rf[DISTRIBUTION_BINS]);
      synthShares.add(sf[DISTRIBUTION_BINS]);
    }
    return new QualityReport.ColumnDistribution(
        table, c.name(), kind, labels, realShares, synthShares, score);
  }

  private static double[] range(double[] values) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    return min > max ? null : new double[] {min, max};
  }

  /**
   * Shares of rows per bin (values outside the range fall in the end bins), the null share last.
   */
  private static double[] binShares(double[] values, double min, double width) {
    double[] out = new double[DISTRIBUTION_BINS + 1];
    if (values.length == 0) {
      return out;
    }
    for (double v : values) {
      int bin;
      if (Double.isNaN(v)) {
        bin = DISTRIBUTION_BINS;
      } else {
        bin =
            width <= 0
                ? 0
                : (int) Math.max(0, Math.min(DISTRIBUTION_BINS - 1, Math.floor((v - min) / width)));
      }
      out[bin]++;
    }
    for (int b = 0; b < out.length; b++) {
      out[b] /= values.length;
    }
    return out;
  }

  private static List<Double> toList(double[] values, int n) {
    List<Double> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(values[i]);
    }
    return out;
  }

  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm", java.util.Locale.ROOT);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", java.util.Locale.ROOT);

  /**
   * A bin's lower edge, readable and no finer than the bins: ISO dates for bins of a day or more,
   * ISO date-times to the minute (or second, for narrower bins) otherwise, times of day likewise,
   * and numbers to a precision that tells neighbouring edges apart.
   */
  static String edgeLabel(DataType type, double edge, double width) {
    return switch (type) {
      case DATE ->
          width > 0 && width < 1
              ? LocalDateTime.ofEpochSecond((long) Math.floor(edge * 86_400), 0, ZoneOffset.UTC)
                  .format(MINUTES)
              : LocalDate.ofEpochDay((long) Math.floor(edge)).toString();
      case TIMESTAMP, TIMESTAMP_TZ -> {
        LocalDateTime t = LocalDateTime.ofEpochSecond((long) Math.floor(edge), 0, ZoneOffset.UTC);
        if (width >= 86_400) {
          yield t.toLocalDate().toString();
        }
        yield t.format(width >= 60 ? MINUTES : SECONDS)
            + (type == DataType.TIMESTAMP_TZ ? "Z" : "");
      }
      case TIME ->
          LocalTime.ofSecondOfDay(Math.floorMod((long) Math.floor(edge), 86_400L))
              .format(
                  DateTimeFormatter.ofPattern(
                      width >= 60 ? "HH:mm" : "HH:mm:ss", java.util.Locale.ROOT));
      default -> number(edge, width);
    };
  }

  /** Plain decimal with enough digits for the bin width, no exponent below 1e15. */
  static String number(double edge, double width) {
    if (edge == 0) {
      return "0";
    }
    int digits = width > 0 ? Math.max(0, (int) Math.ceil(-Math.log10(width)) + 1) : 3;
    digits = Math.min(digits, 10);
    if (Math.abs(edge) >= 1e15) {
      return String.format(java.util.Locale.ROOT, "%.4g", edge);
    }
    String text =
        new BigDecimal(edge)
            .setScale(digits, java.math.RoundingMode.HALF_EVEN)
            .stripTrailingZeros()
            .toPlainString();
    return text.equals("-0") ? "0" : text;
  }

  /** The most frequent real categories, then "(other)" and "(null)" where either side has them. */
  private static QualityReport.ColumnDistribution categories(
      String table, String column, String kind, Object[] real, Object[] synthetic, double score) {
    Map<Object, Integer> realCounts = counts(real);
    Map<Object, Integer> synthCounts = counts(synthetic);
    List<Map.Entry<Object, Integer>> ranked = new ArrayList<>(realCounts.entrySet());
    ranked.removeIf(e -> e.getKey() == NullKey.NULL);
    // Most frequent first; ties by label so the order never depends on hashing.
    ranked.sort(
        Comparator.<Map.Entry<Object, Integer>>comparingInt(Map.Entry::getValue)
            .reversed()
            .thenComparing(e -> String.valueOf(e.getKey())));
    List<Object> top = ranked.stream().limit(TOP_CATEGORIES).map(Map.Entry::getKey).toList();
    List<String> labels = new ArrayList<>();
    List<Double> r = new ArrayList<>();
    List<Double> s = new ArrayList<>();
    for (Object key : top) {
      labels.add(String.valueOf(key));
      r.add(share(realCounts.getOrDefault(key, 0), real.length));
      s.add(share(synthCounts.getOrDefault(key, 0), synthetic.length));
    }
    int realOther =
        real.length
            - realCounts.getOrDefault(NullKey.NULL, 0)
            - top.stream().mapToInt(k -> realCounts.getOrDefault(k, 0)).sum();
    int synthOther =
        synthetic.length
            - synthCounts.getOrDefault(NullKey.NULL, 0)
            - top.stream().mapToInt(k -> synthCounts.getOrDefault(k, 0)).sum();
    if (realOther > 0 || synthOther > 0) {
      labels.add(OTHER);
      r.add(share(realOther, real.length));
      s.add(share(synthOther, synthetic.length));
    }
    int realNull = realCounts.getOrDefault(NullKey.NULL, 0);
    int synthNull = synthCounts.getOrDefault(NullKey.NULL, 0);
    if (realNull > 0 || synthNull > 0) {
      labels.add(NULL);
      r.add(share(realNull, real.length));
      s.add(share(synthNull, synthetic.length));
    }
    return new QualityReport.ColumnDistribution(table, column, kind, labels, r, s, score);
  }

  private static Map<Object, Integer> counts(Object[] values) {
    Map<Object, Integer> out = new HashMap<>();
    for (Object v : values) {
      out.merge(v == null ? NullKey.NULL : v, 1, Integer::sum);
    }
    return out;
  }

  private static double share(long count, long total) {
    return total == 0 ? 0 : count / (double) total;
  }

  /** Null as a map key distinct from every value. */
  private enum NullKey {
    NULL
  }

  // ---- association matrices ------------------------------------------------------------------

  private static QualityReport.CorrelationMatrix matrix(
      String table, List<Column> columns, TableData real, TableData synthetic) {
    int n = columns.size();
    Object[][] rv = new Object[n][];
    Object[][] sv = new Object[n][];
    for (int i = 0; i < n; i++) {
      rv[i] = real.column(columns.get(i).name());
      sv[i] = synthetic.column(columns.get(i).name());
    }
    double[][] r = new double[n][n];
    double[][] s = new double[n][n];
    for (int i = 0; i < n; i++) {
      r[i][i] = 1;
      s[i][i] = 1;
      for (int j = i + 1; j < n; j++) {
        r[i][j] = r[j][i] = association(columns.get(i), rv[i], columns.get(j), rv[j], rv[i], rv[j]);
        s[i][j] = s[j][i] = association(columns.get(i), sv[i], columns.get(j), sv[j], rv[i], rv[j]);
      }
    }
    return new QualityReport.CorrelationMatrix(
        table, columns.stream().map(Column::name).toList(), rows(r), rows(s));
  }

  /**
   * Pearson correlation of two ordered columns, Cramér's V otherwise (ordered columns cut into
   * {@link Metrics#BINS} bins of the real range), over rows where both values are present.
   */
  static double association(
      Column a, Object[] x, Column b, Object[] y, Object[] realX, Object[] realY) {
    if (Fidelity.isOrdered(a) && Fidelity.isOrdered(b)) {
      return Metrics.pearson(Fidelity.numbers(x), Fidelity.numbers(y));
    }
    return cramersV(Fidelity.labels(a, x, realX), Fidelity.labels(b, y, realY));
  }

  /**
   * sqrt(χ² / (n · (min(rows, columns) − 1))) of the contingency table; 0 when either side is
   * constant.
   */
  static double cramersV(Object[] x, Object[] y) {
    Map<Object, Integer> xIndex = new LinkedHashMap<>();
    Map<Object, Integer> yIndex = new LinkedHashMap<>();
    List<int[]> cells = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (x[i] == null || y[i] == null) {
        continue;
      }
      int xi = xIndex.computeIfAbsent(x[i], k -> xIndex.size());
      int yi = yIndex.computeIfAbsent(y[i], k -> yIndex.size());
      cells.add(new int[] {xi, yi});
    }
    int rows = xIndex.size();
    int cols = yIndex.size();
    int n = cells.size();
    if (rows < 2 || cols < 2 || n == 0) {
      return 0;
    }
    double[][] observed = new double[rows][cols];
    double[] rowSum = new double[rows];
    double[] colSum = new double[cols];
    for (int[] cell : cells) {
      observed[cell[0]][cell[1]]++;
      rowSum[cell[0]]++;
      colSum[cell[1]]++;
    }
    double chi2 = 0;
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        double expected = rowSum[i] * colSum[j] / n;
        double d = observed[i][j] - expected;
        chi2 += d * d / expected;
      }
    }
    double v = Math.sqrt(chi2 / (n * (double) (Math.min(rows, cols) - 1)));
    return Math.min(1, v);
  }

  private static List<List<Double>> rows(double[][] m) {
    List<List<Double>> out = new ArrayList<>(m.length);
    for (double[] row : m) {
      out.add(Arrays.stream(row).boxed().toList());
    }
    return out;
  }

  // ---- children per parent -------------------------------------------------------------------

  private static List<String> cardinalityLabels() {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < CARDINALITY_BINS - 1; i++) {
      labels.add(Integer.toString(i));
    }
    labels.add((CARDINALITY_BINS - 1) + "+");
    return labels;
  }

  /**
   * Shares of parent rows with 0 … 9 and 10 or more children. Counts come from {@link
   * TableData#childCounts}; data built in memory has none, and then the child's rows are counted
   * (they are every row, as such data is never sampled).
   */
  static List<Double> childrenPerParent(ForeignKey fk, TableData childData, TableData parentData) {
    Map<List<Object>, Integer> counts = childData.childCounts(fk.name());
    if (counts.isEmpty() && !childData.sampled() && childData.size() > 0) {
      counts = countKeys(fk, childData);
    }
    double[] bins = new double[CARDINALITY_BINS];
    for (int c : counts.values()) {
      bins[Math.min(c, CARDINALITY_BINS - 1)]++;
    }
    long parents = Math.max(parentData.totalRows(), counts.size());
    bins[0] += parents - counts.size();
    List<Double> out = new ArrayList<>(CARDINALITY_BINS);
    for (double b : bins) {
      out.add(parents == 0 ? 0 : b / parents);
    }
    return out;
  }

  private static Map<List<Object>, Integer> countKeys(ForeignKey fk, TableData data) {
    int[] key = fk.columns().stream().mapToInt(c -> data.columns().indexOf(c)).toArray();
    Map<List<Object>, Integer> out = new HashMap<>();
    if (Arrays.stream(key).anyMatch(k -> k < 0)) {
      return out;
    }
    for (int r = 0; r < data.size(); r++) {
      Object[] row = data.row(r);
      Object[] k = new Object[key.length];
      boolean anyNull = false;
      for (int i = 0; i < key.length; i++) {
        k[i] = Values.key(row[key[i]]);
        anyNull |= k[i] == null;
      }
      if (!anyNull) {
        out.merge(Arrays.asList(k), 1, Integer::sum);
      }
    }
    return out;
  }
}
