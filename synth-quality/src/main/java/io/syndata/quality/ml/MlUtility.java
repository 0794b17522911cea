package io.syndata.quality.ml;

import io.syndata.quality.EvaluationData;
import io.syndata.quality.Fidelity;
import io.syndata.quality.Samples;
import io.syndata.quality.TableData;
import io.syndata.quality.UtilityReport;
import io.syndata.quality.Values;
import io.syndata.schema.Column;
import io.syndata.schema.ColumnKind;
import io.syndata.schema.DataType;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Machine-learning utility for one target column. The features are the table's other compared
 * columns (keys left out), encoded on the real training rows. Real training rows are the table's
 * real sample; real test rows are the holdout table when there is one, else a deterministic {@value
 * #TEST_SHARE_PERCENT} % of the real sample (then the other 70 % train). Each side trains on at
 * most {@value #MAX_TRAIN_ROWS} rows (and tests on at most as many); rows whose target is null are
 * left out.
 *
 * <p>The task is classification when the target is categorical, boolean or takes at most {@value
 * #MAX_INTEGER_CLASSES} distinct integer values, regression otherwise. Classification models:
 * random forest, logistic regression and gradient boosting; regression models: random forest,
 * linear regression and gradient boosting. Classes are those of the real training rows; synthetic
 * training rows of other classes are dropped and test rows of other classes count as errors.
 */
public final class MlUtility {
  public static final int MAX_TRAIN_ROWS = 10_000;
  public static final int MAX_INTEGER_CLASSES = 20;
  static final int TEST_SHARE_PERCENT = 30;

  /** Fewer usable rows than this on a side and there is nothing meaningful to report. */
  static final int MIN_ROWS = 10;

  private MlUtility() {}

  /**
   * Trains and tests the models for {@code target} ({@code table.column}).
   *
   * @return empty when a side has fewer than {@value #MIN_ROWS} rows with a target value, when the
   *     table has no other compared column to learn from, or when the real training rows hold a
   *     single class
   * @throws SynthException when the table or column does not exist, or the column is a key,
   *     excluded, or of a kind that is not learned (text, personal data, identifiers)
   */
  public static Optional<UtilityReport> evaluate(EvaluationData data, String target, long seed) {
    EvaluationData.QualifiedColumn resolved = data.column(target, "ML utility target");
    Table table = resolved.table();
    Column column = resolved.column();
    if (table.isKeyColumn(column.name()) || column.kind() == ColumnKind.ID) {
      throw new SynthException(
          "ML utility target '"
              + target
              + "' is a key column; choose a categorical or numeric column");
    }
    if (column.excluded() || !Fidelity.comparedColumns(table).contains(column)) {
      throw new SynthException(
          "ML utility target '"
              + target
              + "' is a "
              + (column.excluded() ? "excluded" : column.kind().fileName())
              + " column, which is not learned; choose a categorical, numeric or datetime column");
    }
    return new Run(data, table, column, seed).run();
  }

  /** One evaluation: the rows of each side, the encoder, and the models' results. */
  private static final class Run {
    private final Table table;
    private final Column target;
    private final long seed;
    private final TableData real;
    private final TableData synthetic;
    private final Optional<TableData> holdout;
    private final List<Column> features;

    Run(EvaluationData data, Table table, Column target, long seed) {
      this.table = table;
      this.target = target;
      this.seed = seed;
      this.real = data.real(table.name());
      this.synthetic = data.synthetic(table.name());
      this.holdout = data.holdout(table.name());
      this.features =
          Feature.columns(table).stream().filter(c -> !c.name().equals(target.name())).toList();
    }

    Optional<UtilityReport> run() {
      if (features.isEmpty()) {
        return Optional.empty();
      }
      int[] realRows = withTarget(real);
      int[] trainRows;
      int[] testRows;
      TableData testTable;
      if (holdout.isPresent()) {
        trainRows = realRows;
        testTable = holdout.get();
        testRows = withTarget(testTable);
      } else {
        int[] order =
            Samples.shuffled(realRows, Samples.random(seed, table.name() + "/utility/split"));
        int test = (int) Math.round(order.length * TEST_SHARE_PERCENT / 100.0);
        testRows = sorted(java.util.Arrays.copyOfRange(order, 0, test));
        trainRows = sorted(java.util.Arrays.copyOfRange(order, test, order.length));
        testTable = real;
      }
      trainRows = cap(trainRows, "real-train");
      testRows = cap(testRows, "real-test");
      int[] synthRows = cap(withTarget(synthetic), "synthetic");
      if (trainRows.length < MIN_ROWS
          || testRows.length < MIN_ROWS
          || synthRows.length < MIN_ROWS) {
        return Optional.empty();
      }
      List<Feature> realTrain = Feature.of(features, real, trainRows);
      Encoder encoder = Encoder.fit(realTrain);
      double[][] xReal = encoder.encode(realTrain);
      double[][] xTest = encoder.encode(Feature.of(features, testTable, testRows));
      double[][] xSynth = encoder.encode(Feature.of(features, synthetic, synthRows));
      Object[] yRealRaw = values(real, trainRows);
      Object[] yTestRaw = values(testTable, testRows);
      Object[] ySynthRaw = values(synthetic, synthRows);
      boolean classification = isClassification(yRealRaw);
      List<UtilityReport.ModelResult> results = new ArrayList<>();
      if (classification) {
        List<Object> classes = classes(yRealRaw);
        if (classes.size() < 2) {
          return Optional.empty();
        }
        int[] yReal = codes(yRealRaw, classes);
        int[] yTest = codes(yTestRaw, classes);
        int[] ySynth = codes(ySynthRaw, classes);
        // Synthetic rows of classes the real training rows lack cannot be learned against them.
        int[] known = IntStream.range(0, ySynth.length).filter(i -> ySynth[i] >= 0).toArray();
        double[][] xSynthKnown =
            known.length == ySynth.length
                ? xSynth
                : IntStream.of(known).mapToObj(i -> xSynth[i]).toArray(double[][]::new);
        int[] ySynthKnown = IntStream.of(known).map(i -> ySynth[i]).toArray();
        int k = classes.size();
        // Classes are ordered by real training frequency, so the last of two is the minority.
        int positive = k == 2 ? 1 : -1;
        for (Models.Kind kind :
            List.of(
                Models.Kind.RANDOM_FOREST,
                Models.Kind.LOGISTIC_REGRESSION,
                Models.Kind.GRADIENT_BOOSTING)) {
          long modelSeed = seed * 31 + kind.ordinal();
          double[][] fromReal =
              Models.classify(kind, xReal, yReal, k, concat(xTest, xSynth), modelSeed);
          results.add(
              classificationResult(
                  kind, "TRTR", slice(fromReal, 0, xTest.length), yTest, k, positive));
          if (ySynthKnown.length >= MIN_ROWS) {
            double[][] fromSynth =
                Models.classify(kind, xSynthKnown, ySynthKnown, k, xTest, modelSeed);
            results.add(classificationResult(kind, "TSTR", fromSynth, yTest, k, positive));
          } else {
            results.add(
                new UtilityReport.ModelResult(
                    kind.label,
                    "TSTR",
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN));
          }
          results.add(
              classificationResult(
                  kind,
                  "TRTS",
                  slice(fromReal, xTest.length, fromReal.length),
                  ySynth,
                  k,
                  positive));
        }
      } else {
        double[] yReal = Fidelity.numbers(yRealRaw);
        double[] yTest = Fidelity.numbers(yTestRaw);
        double[] ySynth = Fidelity.numbers(ySynthRaw);
        for (Models.Kind kind :
            List.of(
                Models.Kind.RANDOM_FOREST,
                Models.Kind.LINEAR_REGRESSION,
                Models.Kind.GRADIENT_BOOSTING)) {
          long modelSeed = seed * 31 + kind.ordinal();
          double[] fromReal = Models.regress(kind, xReal, yReal, concat(xTest, xSynth), modelSeed);
          double[] fromSynth = Models.regress(kind, xSynth, ySynth, xTest, modelSeed);
          results.add(
              regressionResult(
                  kind, "TRTR", java.util.Arrays.copyOfRange(fromReal, 0, xTest.length), yTest));
          results.add(regressionResult(kind, "TSTR", fromSynth, yTest));
          results.add(
              regressionResult(
                  kind,
                  "TRTS",
                  java.util.Arrays.copyOfRange(fromReal, xTest.length, fromReal.length),
                  ySynth));
        }
      }
      return Optional.of(
          new UtilityReport(
              table.name(),
              target.name(),
              classification ? "classification" : "regression",
              trainRows.length,
              testRows.length,
              results,
              score(results, classification)));
    }

    private int[] withTarget(TableData data) {
      Object[] v = data.column(target.name());
      return IntStream.range(0, v.length)
          .filter(i -> v[i] != null && !(v[i] instanceof Double d && d.isNaN()))
          .toArray();
    }

    private int[] cap(int[] rows, String purpose) {
      int[] picked =
          Samples.indices(
              rows.length,
              MAX_TRAIN_ROWS,
              Samples.random(seed, table.name() + "/utility/" + purpose));
      return IntStream.of(picked).map(i -> rows[i]).toArray();
    }

    private Object[] values(TableData data, int[] rows) {
      Object[] v = data.column(target.name());
      Object[] out = new Object[rows.length];
      for (int i = 0; i < rows.length; i++) {
        out[i] = Values.key(v[rows[i]]);
      }
      return out;
    }

    private boolean isClassification(Object[] realTarget) {
      if (target.kind() == ColumnKind.CATEGORICAL || target.type() == DataType.BOOLEAN) {
        return true;
      }
      if (target.kind() != ColumnKind.NUMERIC) {
        return false;
      }
      Set<Object> distinct = new HashSet<>();
      for (Object v : realTarget) {
        if (!(v instanceof Long) || (distinct.add(v) && distinct.size() > MAX_INTEGER_CLASSES)) {
          return false;
        }
      }
      return true;
    }
  }

  /** Distinct labels by descending frequency, ties by text. */
  static List<Object> classes(Object[] labels) {
    Map<Object, Integer> counts = new LinkedHashMap<>();
    for (Object v : labels) {
      counts.merge(v, 1, Integer::sum);
    }
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<Object, Integer>comparingByValue()
                .reversed()
                .thenComparing(e -> String.valueOf(e.getKey()), Comparator.naturalOrder()))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Class indices; -1 for labels outside {@code classes}. */
  static int[] codes(Object[] labels, List<Object> classes) {
    Map<Object, Integer> index = new HashMap<>();
    for (int i = 0; i < classes.size(); i++) {
      index.put(classes.get(i), i);
    }
    int[] out = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      out[i] = index.getOrDefault(labels[i], -1);
    }
    return out;
  }

  private static UtilityReport.ModelResult classificationResult(
      Models.Kind kind, String scenario, double[][] p, int[] y, int k, int positive) {
    double[] m = classificationMetrics(p, y, k, positive);
    return new UtilityReport.ModelResult(
        kind.label, scenario, m[0], m[1], m[2], Double.NaN, Double.NaN);
  }

  /**
   * Accuracy, F1 and ROC AUC of class probabilities against true class indices (-1: a class the
   * model cannot know). Binary ({@code positive} ≥ 0): F1 and AUC of the positive class; otherwise
   * macro F1 and one-vs-rest macro AUC, over classes where they are defined.
   */
  static double[] classificationMetrics(double[][] p, int[] y, int k, int positive) {
    int n = y.length;
    int[] predicted = new int[n];
    int correct = 0;
    for (int i = 0; i < n; i++) {
      int best = 0;
      for (int c = 1; c < k; c++) {
        if (p[i][c] > p[i][best]) {
          best = c;
        }
      }
      predicted[i] = best;
      correct += best == y[i] ? 1 : 0;
    }
    double accuracy = n == 0 ? Double.NaN : correct / (double) n;
    if (positive >= 0) {
      return new double[] {
        accuracy, f1(predicted, y, positive), RocAuc.of(column(p, positive), y, positive)
      };
    }
    double f1Sum = 0;
    int f1Count = 0;
    double aucSum = 0;
    int aucCount = 0;
    for (int c = 0; c < k; c++) {
      double f = f1(predicted, y, c);
      if (!Double.isNaN(f)) {
        f1Sum += f;
        f1Count++;
      }
      double auc = RocAuc.of(column(p, c), y, c);
      if (!Double.isNaN(auc)) {
        aucSum += auc;
        aucCount++;
      }
    }
    return new double[] {
      accuracy,
      f1Count == 0 ? Double.NaN : f1Sum / f1Count,
      aucCount == 0 ? Double.NaN : aucSum / aucCount
    };
  }

  /** F1 of one class; NaN when the class is neither present nor predicted. */
  static double f1(int[] predicted, int[] y, int c) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int i = 0; i < y.length; i++) {
      if (predicted[i] == c && y[i] == c) {
        tp++;
      } else if (predicted[i] == c) {
        fp++;
      } else if (y[i] == c) {
        fn++;
      }
    }
    return tp + fp + fn == 0 ? Double.NaN : 2.0 * tp / (2.0 * tp + fp + fn);
  }

  private static UtilityReport.ModelResult regressionResult(
      Models.Kind kind, String scenario, double[] predicted, double[] y) {
    double mean = 0;
    for (double v : y) {
      mean += v;
    }
    mean /= y.length;
    double ssRes = 0;
    double ssTot = 0;
    double absolute = 0;
    for (int i = 0; i < y.length; i++) {
      ssRes += (y[i] - predicted[i]) * (y[i] - predicted[i]);
      ssTot += (y[i] - mean) * (y[i] - mean);
      absolute += Math.abs(y[i] - predicted[i]);
    }
    double r2 = ssTot == 0 ? Double.NaN : 1 - ssRes / ssTot;
    return new UtilityReport.ModelResult(
        kind.label, scenario, Double.NaN, Double.NaN, Double.NaN, r2, absolute / y.length);
  }

  /**
   * Mean over models of min(1, TSTR / TRTR) of the main metric; models whose TRTR is not positive
   * are skipped.
   */
  static double score(List<UtilityReport.ModelResult> results, boolean classification) {
    Map<String, double[]> byModel = new LinkedHashMap<>();
    for (UtilityReport.ModelResult r : results) {
      double main =
          classification ? r.rocAuc() : Double.isNaN(r.r2()) ? Double.NaN : Math.max(0, r.r2());
      double[] pair =
          byModel.computeIfAbsent(r.model(), m -> new double[] {Double.NaN, Double.NaN});
      if (r.scenario().equals("TRTR")) {
        pair[0] = main;
      } else if (r.scenario().equals("TSTR")) {
        pair[1] = main;
      }
    }
    double sum = 0;
    int count = 0;
    for (double[] pair : byModel.values()) {
      if (!(pair[0] > 0) || Double.isNaN(pair[1])) {
        continue;
      }
      sum += Math.min(1, pair[1] / pair[0]);
      count++;
    }
    return count == 0 ? Double.NaN : sum / count;
  }

  private static double[] column(double[][] p, int c) {
    double[] out = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = p[i][c];
    }
    return out;
  }

  private static double[][] concat(double[][] a, double[][] b) {
    double[][] out = new double[a.length + b.length][];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static double[][] slice(double[][] a, int from, int to) {
    return java.util.Arrays.copyOfRange(a, from, to);
  }

  private static int[] sorted(int[] a) {
    java.util.Arrays.sort(a);
    return a;
  }
}
