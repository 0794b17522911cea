package io.syndata.quality.privacy;

import io.syndata.quality.EvaluationData;
import io.syndata.quality.Fidelity;
import io.syndata.quality.PrivacyReport;
import io.syndata.quality.Samples;
import io.syndata.quality.TableData;
import io.syndata.quality.Values;
import io.syndata.quality.ml.RocAuc;
import io.syndata.schema.Column;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Disclosure risk of the synthetic rows, table by table, over the compared columns (keys left out)
 * by Gower distance; see {@link PrivacyReport} for each figure. Deterministic subsamples keep the
 * nearest-neighbour searches bounded: up to {@value #MAX_SYNTHETIC} synthetic rows, up to {@value
 * #MAX_TRAINING} training rows (the real sample), and a holdout sample of up to as many, the
 * training side then subsampled to the holdout's size for the closer-to-training share and the
 * membership attack so that 0.5 is the ideal. Exact matches are counted over every sampled
 * synthetic row. The holdout histogram of distances to the closest record, and the
 * attribute-inference attack, use up to {@value #MAX_SYNTHETIC} holdout and training rows.
 *
 * <p>Cost: about {@code 2,000 × 10,000 × columns} distance terms for the largest search.
 */
public final class Privacy {
  public static final int MAX_SYNTHETIC = 2_000;
  public static final int MAX_TRAINING = 10_000;

  /** A numeric sensitive value is guessed when within this share of the real range. */
  public static final double NUMERIC_TOLERANCE = 0.05;

  private static final double MIN_DCR_MAX = 1e-9;

  private Privacy() {}

  /**
   * Privacy figures for every table of the data with compared columns.
   *
   * @param sensitive {@code table.column}s whose attribute-inference risk is measured
   * @throws SynthException when a sensitive column does not exist or is not a compared (learned,
   *     non-key) column
   */
  public static PrivacyReport evaluate(EvaluationData data, List<String> sensitive, long seed) {
    Map<String, List<Column>> sensitiveByTable = sensitiveColumns(data, sensitive);
    List<PrivacyReport.TablePrivacy> out = new ArrayList<>();
    for (Table table : data.schema().tables()) {
      List<Column> columns = columns(table);
      TableData training = data.real(table.name());
      TableData synthetic = data.synthetic(table.name());
      if (columns.isEmpty() || training.size() == 0 || synthetic.size() == 0) {
        continue;
      }
      out.add(
          evaluate(
              table,
              columns,
              training,
              synthetic,
              data.holdout(table.name()).filter(h -> h.size() > 0),
              sensitiveByTable.getOrDefault(table.name(), List.of()),
              seed));
    }
    return new PrivacyReport(out);
  }

  private static List<Column> columns(Table table) {
    return Fidelity.comparedColumns(table).stream()
        .filter(c -> !table.isKeyColumn(c.name()))
        .toList();
  }

  private static Map<String, List<Column>> sensitiveColumns(
      EvaluationData data, List<String> sensitive) {
    Map<String, List<Column>> out = new LinkedHashMap<>();
    for (String name : sensitive) {
      EvaluationData.QualifiedColumn resolved = data.column(name, "sensitive column");
      Table table = resolved.table();
      Column column = resolved.column();
      if (!columns(table).contains(column)) {
        throw new SynthException(
            "sensitive column '"
                + name
                + "' is a key, excluded or "
                + column.kind().fileName()
                + " column, which is not learned; name a categorical, numeric or datetime column");
      }
      List<Column> list = out.computeIfAbsent(table.name(), t -> new ArrayList<>());
      if (!list.contains(column)) {
        list.add(column);
      }
    }
    return out;
  }

  private static PrivacyReport.TablePrivacy evaluate(
      Table table,
      List<Column> columns,
      TableData training,
      TableData synthetic,
      Optional<TableData> holdout,
      List<Column> sensitive,
      long seed) {
    String t = table.name();
    Gower gower = Gower.fit(columns, training);
    double exactMatch = exactMatchShare(gower, training, synthetic);

    int[] synthRows = sample(synthetic.size(), MAX_SYNTHETIC, seed, t + "/privacy/synthetic");
    int[] trainRows = sample(training.size(), MAX_TRAINING, seed, t + "/privacy/training");
    Gower.Rows s = gower.encode(synthetic, synthRows);
    Gower.Rows tr = gower.encode(training, trainRows);
    Gower.Neighbours synthToTraining = gower.nearest(s, tr, true);
    double[] dcrSynthetic = synthToTraining.first();
    double[] ratios = new double[s.count()];
    for (int i = 0; i < ratios.length; i++) {
      double a = synthToTraining.first()[i];
      double b = synthToTraining.second()[i];
      ratios[i] = b == 0 || Double.isInfinite(b) ? 1 : a / b;
    }
    double nndr = median(ratios);

    OptionalDouble closer = OptionalDouble.empty();
    OptionalDouble membership = OptionalDouble.empty();
    OptionalDouble holdoutExactMatch =
        holdout.isPresent()
            ? OptionalDouble.of(exactMatchShare(gower, training, holdout.get()))
            : OptionalDouble.empty();
    Optional<double[]> dcrHoldout = Optional.empty();
    int holdoutRows = 0;
    if (holdout.isPresent()) {
      TableData h = holdout.get();
      int size = Math.min(Math.min(h.size(), MAX_TRAINING), training.size());
      int[] holdRows = sample(h.size(), size, seed, t + "/privacy/holdout");
      int[] matchedRows = sample(training.size(), size, seed, t + "/privacy/matched-training");
      holdoutRows = holdRows.length;
      Gower.Rows hold = gower.encode(h, holdRows);
      Gower.Rows matched = gower.encode(training, matchedRows);
      double[] toTraining = gower.nearest(s, matched, false).first();
      double[] toHoldout = gower.nearest(s, hold, false).first();
      double share = 0;
      for (int i = 0; i < toTraining.length; i++) {
        share += toTraining[i] < toHoldout[i] ? 1 : toTraining[i] == toHoldout[i] ? 0.5 : 0;
      }
      closer = OptionalDouble.of(share / toTraining.length);
      // The attack: rows used for training sit closer to some synthetic row than unseen rows do.
      double[] memberScores = negate(gower.nearest(matched, s, false).first());
      double[] outsiderScores = negate(gower.nearest(hold, s, false).first());
      membership = OptionalDouble.of(RocAuc.of(memberScores, outsiderScores));
      int[] histogramRows =
          sample(h.size(), Math.min(MAX_SYNTHETIC, h.size()), seed, t + "/privacy/holdout-dcr");
      dcrHoldout = Optional.of(gower.nearest(gower.encode(h, histogramRows), tr, false).first());
    }

    double dcrMax =
        Math.max(
            MIN_DCR_MAX, Math.max(max(dcrSynthetic), dcrHoldout.map(Privacy::max).orElse(0.0)));
    List<PrivacyReport.AttributeInference> inference = new ArrayList<>();
    for (Column c : sensitive) {
      inference.add(attributeInference(columns, c, training, synthetic, synthRows, seed, t));
    }
    double score = score(exactMatch, holdoutExactMatch, closer, membership);
    return new PrivacyReport.TablePrivacy(
        t,
        s.count(),
        tr.count(),
        holdoutRows,
        exactMatch,
        holdoutExactMatch,
        closer,
        nndr,
        membership,
        inference,
        dcrMax,
        histogram(dcrSynthetic, dcrMax),
        dcrHoldout.map(d -> histogram(d, dcrMax)),
        score);
  }

  /** Share of the other sample's rows equal on every compared column to some training row. */
  private static double exactMatchShare(Gower gower, TableData training, TableData synthetic) {
    int[] trainingPositions = gower.positions(training);
    int[] syntheticPositions = gower.positions(synthetic);
    Set<List<Object>> seen = new HashSet<>(training.size() * 2);
    for (int r = 0; r < training.size(); r++) {
      seen.add(gower.rowKey(training.row(r), trainingPositions));
    }
    int matches = 0;
    for (int r = 0; r < synthetic.size(); r++) {
      matches += seen.contains(gower.rowKey(synthetic.row(r), syntheticPositions)) ? 1 : 0;
    }
    return matches / (double) synthetic.size();
  }

  /**
   * The attacker knows a training row's other compared columns, finds the closest synthetic row on
   * them and reads its sensitive value.
   */
  private static PrivacyReport.AttributeInference attributeInference(
      List<Column> columns,
      Column target,
      TableData training,
      TableData synthetic,
      int[] synthRows,
      long seed,
      String table) {
    List<Column> known = columns.stream().filter(c -> !c.equals(target)).toList();
    Gower gower = Gower.fit(known, training);
    int[] victims =
        sample(training.size(), MAX_SYNTHETIC, seed, table + "/privacy/attack/" + target.name());
    int[] guessedFrom =
        gower
            .nearest(gower.encode(training, victims), gower.encode(synthetic, synthRows), false)
            .index();
    Object[] realValues = training.column(target.name());
    Object[] synthValues = synthetic.column(target.name());
    int hits = 0;
    int baselineHits = 0;
    if (Fidelity.isOrdered(target)) {
      double[] real = Fidelity.numbers(realValues);
      double[] synth = Fidelity.numbers(synthValues);
      double[] present = Arrays.stream(real).filter(x -> !Double.isNaN(x)).sorted().toArray();
      double range = present.length == 0 ? 0 : present[present.length - 1] - present[0];
      double tolerance = NUMERIC_TOLERANCE * range;
      double median = present.length == 0 ? Double.NaN : median(present);
      for (int i = 0; i < victims.length; i++) {
        double truth = real[victims[i]];
        hits += close(truth, synth[synthRows[guessedFrom[i]]], tolerance) ? 1 : 0;
        baselineHits += close(truth, median, tolerance) ? 1 : 0;
      }
    } else {
      Object mostFrequent = mostFrequent(realValues);
      for (int i = 0; i < victims.length; i++) {
        Object truth = Values.key(realValues[victims[i]]);
        hits += Objects.equals(truth, Values.key(synthValues[synthRows[guessedFrom[i]]])) ? 1 : 0;
        baselineHits += Objects.equals(truth, mostFrequent) ? 1 : 0;
      }
    }
    double accuracy = hits / (double) victims.length;
    double baseline = baselineHits / (double) victims.length;
    double risk = baseline >= 1 ? 0 : Math.max(0, accuracy - baseline) / (1 - baseline);
    return new PrivacyReport.AttributeInference(target.name(), accuracy, baseline, risk);
  }

  private static boolean close(double truth, double guess, double tolerance) {
    if (Double.isNaN(truth) || Double.isNaN(guess)) {
      return Double.isNaN(truth) && Double.isNaN(guess);
    }
    return Math.abs(truth - guess) <= tolerance;
  }

  /** The most frequent label (null included), ties broken by text. */
  private static Object mostFrequent(Object[] values) {
    Map<Object, Integer> counts = new HashMap<>();
    for (Object v : values) {
      counts.merge(Optional.ofNullable(Values.key(v)), 1, Integer::sum);
    }
    return counts.entrySet().stream()
        .max(
            Map.Entry.<Object, Integer>comparingByValue()
                .thenComparing(e -> String.valueOf(e.getKey()), Comparator.reverseOrder()))
        .map(e -> ((Optional<?>) e.getKey()).orElse(null))
        .orElse(null);
  }

  /**
   * The mean of 1 − exact-match share above the holdout's, 1 − 2·|closer − 0.5| and 1 − (2·max(AUC,
   * 0.5) − 1), over those present.
   */
  static double score(
      double exactMatch,
      OptionalDouble holdoutExactMatch,
      OptionalDouble closer,
      OptionalDouble membership) {
    double sum = 1 - Math.max(0, exactMatch - holdoutExactMatch.orElse(0));
    int n = 1;
    if (closer.isPresent()) {
      sum += 1 - 2 * Math.abs(closer.getAsDouble() - 0.5);
      n++;
    }
    if (membership.isPresent() && !Double.isNaN(membership.getAsDouble())) {
      sum += 1 - (2 * Math.max(membership.getAsDouble(), 0.5) - 1);
      n++;
    }
    return sum / n;
  }

  static List<Integer> histogram(double[] values, double max) {
    int[] bins = new int[PrivacyReport.TablePrivacy.DCR_BINS];
    for (double v : values) {
      int b = (int) (v / max * bins.length);
      bins[Math.max(0, Math.min(bins.length - 1, b))]++;
    }
    return Arrays.stream(bins).boxed().toList();
  }

  private static int[] sample(int n, int max, long seed, String purpose) {
    return Samples.indices(n, max, Samples.random(seed, purpose));
  }

  private static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int m = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  }

  private static double max(double[] values) {
    double m = 0;
    for (double v : values) {
      m = Math.max(m, v);
    }
    return m;
  }

  private static double[] negate(double[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = -values[i];
    }
    return out;
  }
}
