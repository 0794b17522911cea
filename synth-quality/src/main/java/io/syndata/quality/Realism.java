package io.syndata.quality;

import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What a person opening the synthetic data sees at once, which the distribution metrics miss:
 * string values that do not look like the column's values (random letters as a country), and tables
 * with far more or fewer rows than the others have. See {@link RealismReport}.
 */
public final class Realism {
  /** Order of the character model: each character given the two before it. */
  static final int ORDER = 2;

  /** Columns with fewer non-null values on either side are not scored. */
  static final int MIN_VALUES = 20;

  private Realism() {}

  public static RealismReport evaluate(EvaluationData data) {
    List<RealismReport.Plausibility> columns = new ArrayList<>();
    List<RealismReport.RowCount> tables = new ArrayList<>();
    double[] ratios = new double[data.schema().tables().size()];
    List<Double> roots = new ArrayList<>();
    int t = 0;
    for (Table table : data.schema().tables()) {
      TableData real = data.real(table.name());
      TableData synthetic = data.synthetic(table.name());
      ratios[t++] =
          real.totalRows() == 0 ? Double.NaN : synthetic.totalRows() / (double) real.totalRows();
      if (table.foreignKeys().isEmpty() && !Double.isNaN(ratios[t - 1])) {
        roots.add(ratios[t - 1]);
      }
      for (Column c : table.columns()) {
        // Personal columns hold fakes by design, from a far larger vocabulary than a source's
        // few hundred names: a character model of those names cannot judge them.
        if (c.type() != DataType.STRING
            || c.kind() == io.syndata.schema.ColumnKind.PII
            || table.primaryKey().contains(c.name())
            || table.foreignKeys().stream().anyMatch(fk -> fk.columns().contains(c.name()))
            || !real.columns().contains(c.name())
            || !synthetic.columns().contains(c.name())) {
          continue;
        }
        plausibility(table.name(), c.name(), real.column(c.name()), synthetic.column(c.name()))
            .ifPresent(columns::add);
      }
    }
    double[] known =
        roots.isEmpty()
            ? Arrays.stream(ratios).filter(r -> !Double.isNaN(r)).sorted().toArray()
            : roots.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double median = known.length == 0 ? 1 : known[(known.length - 1) / 2];
    t = 0;
    for (Table table : data.schema().tables()) {
      double ratio = ratios[t++];
      if (Double.isNaN(ratio) || median == 0) {
        continue;
      }
      double drift = ratio / median - 1;
      tables.add(
          new RealismReport.RowCount(
              table.name(),
              data.real(table.name()).totalRows(),
              data.synthetic(table.name()).totalRows(),
              drift,
              Math.max(0, 1 - RealismReport.DRIFT_PENALTY * Math.abs(drift))));
    }
    return new RealismReport(columns, tables);
  }

  /** Below this plausibility a column is named in the recommendations. */
  static final double ADVICE_BELOW = 0.6;

  /** What to look at: the columns that look unlike their real values, the tables that drift. */
  public static List<String> advice(RealismReport report) {
    List<String> out = new ArrayList<>();
    report.columns().stream()
        .filter(p -> p.score() < ADVICE_BELOW)
        .sorted(java.util.Comparator.comparingDouble(RealismReport.Plausibility::score))
        .limit(5)
        .forEach(
            p ->
                out.add(
                    String.format(
                        java.util.Locale.ROOT,
                        "Column %s.%s looks unlike its real values (plausibility %.0f %%): if it holds"
                            + " words of a domain (countries, cities, genres), name it so in the schema"
                            + " file or keep its table (--keep); if it is free text, check --min-count.",
                        p.table(),
                        p.column(),
                        100 * p.score())));
    if (report.tables().size() >= 2) {
      report.tables().stream()
          .filter(t -> Math.abs(t.drift()) > 0.05)
          .forEach(
              t ->
                  out.add(
                      String.format(
                          java.util.Locale.ROOT,
                          "Table %s has %d rows for %d real ones, %+.0f %% off the scale of the other"
                              + " tables: check --rows, and whether a small parent drives its count.",
                          t.table(),
                          t.syntheticRows(),
                          t.realRows(),
                          100 * t.drift())));
    }
    return out;
  }

  /**
   * How likely the synthetic values are under a character model of the real values, against how
   * likely real values left out of the model are: {@code exp(mean log-likelihood per character of
   * the synthetic values − that of the left-out real values)}, at most 1.
   */
  static OptionalDouble score(List<String> real, List<String> synthetic) {
    if (real.size() < MIN_VALUES || synthetic.size() < MIN_VALUES) {
      return OptionalDouble.empty();
    }
    // Learn on the even real values and measure the odd ones: a model scores the values it was
    // fitted on too well, and the synthetic values are new.
    CharModel model = new CharModel();
    List<String> heldOut = new ArrayList<>();
    for (int i = 0; i < real.size(); i++) {
      if (i % 2 == 0) {
        model.learn(real.get(i));
      } else {
        heldOut.add(real.get(i));
      }
    }
    double reference = model.meanLogLikelihood(heldOut);
    double observed = model.meanLogLikelihood(synthetic);
    return OptionalDouble.of(Math.min(1, Math.exp(observed - reference)));
  }

  private static java.util.Optional<RealismReport.Plausibility> plausibility(
      String table, String column, Object[] realValues, Object[] syntheticValues) {
    List<String> real = strings(realValues);
    List<String> synthetic = strings(syntheticValues);
    OptionalDouble s = score(real, synthetic);
    if (s.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new RealismReport.Plausibility(table, column, synthetic.size(), s.getAsDouble()));
  }

  private static List<String> strings(Object[] values) {
    List<String> out = new ArrayList<>();
    for (Object v : values) {
      if (v != null && !v.toString().isEmpty()) {
        out.add(v.toString());
      }
    }
    return out;
  }

  /**
   * Characters given the {@value #ORDER} before them (with start and end marks), with add-one
   * smoothing over the characters seen plus one unseen.
   */
  static final class CharModel {
    private final Map<String, Map<Integer, Integer>> counts = new HashMap<>();
    private final Map<String, Integer> totals = new HashMap<>();
    private final java.util.Set<Integer> alphabet = new java.util.HashSet<>();

    void learn(String value) {
      int[] cps = marked(value);
      for (int i = ORDER; i < cps.length; i++) {
        String context = context(cps, i);
        counts.computeIfAbsent(context, k -> new HashMap<>()).merge(cps[i], 1, Integer::sum);
        totals.merge(context, 1, Integer::sum);
        alphabet.add(cps[i]);
      }
    }

    /** Mean, over values, of the log-likelihood per character. */
    double meanLogLikelihood(List<String> values) {
      double sum = 0;
      double v = alphabet.size() + 1.0;
      for (String value : values) {
        int[] cps = marked(value);
        double ll = 0;
        for (int i = ORDER; i < cps.length; i++) {
          String context = context(cps, i);
          Map<Integer, Integer> next = counts.get(context);
          int count = next == null ? 0 : next.getOrDefault(cps[i], 0);
          int total = totals.getOrDefault(context, 0);
          ll += Math.log((count + 1) / (total + v));
        }
        sum += ll / (cps.length - ORDER);
      }
      return values.isEmpty() ? 0 : sum / values.size();
    }

    private static int[] marked(String value) {
      int[] body = value.codePoints().toArray();
      int[] out = new int[body.length + ORDER + 1];
      Arrays.fill(out, 0, ORDER, 0x2);
      System.arraycopy(body, 0, out, ORDER, body.length);
      out[out.length - 1] = 0x3;
      return out;
    }

    private static String context(int[] cps, int i) {
      return new String(cps, i - ORDER, ORDER);
    }
  }
}
