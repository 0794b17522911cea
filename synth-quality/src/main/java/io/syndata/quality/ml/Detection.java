package io.syndata.quality.ml;

import io.syndata.quality.DetectionReport;
import io.syndata.quality.EvaluationData;
import io.syndata.quality.Fidelity;
import io.syndata.quality.Samples;
import io.syndata.quality.TableData;
import io.syndata.quality.Values;
import io.syndata.schema.Column;
import io.syndata.schema.ColumnKind;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Detection: how well classifiers tell real rows from synthetic ones. For each table, up to {@value
 * #MAX_ROWS_PER_SIDE} rows a side (a deterministic subsample) are labelled real 0 and synthetic 1
 * and scored by {@value #FOLDS}-fold stratified cross-validation of logistic regression and
 * gradient-boosted trees (50 trees of depth 3); each classifier's AUC is the mean over folds.
 * Tables with child tables are tested a second time (variant {@code aggregated}) on their rows
 * enriched with each child table's row count, numeric means and categorical distinct counts, so a
 * generator that breaks parent–child relationships is caught even when each table alone looks
 * right.
 *
 * <p>Tables without compared columns, and tables with fewer than {@value #FOLDS} rows on a side,
 * are skipped. Cost per table: six model fits on at most 6,667 rows.
 */
public final class Detection {
  public static final int FOLDS = 3;
  public static final int MAX_ROWS_PER_SIDE = 5_000;
  static final String ROWS = "rows";
  static final String AGGREGATED = "aggregated";

  private Detection() {}

  /** Detection scores for every table of the data, in schema order, rows before aggregated. */
  public static DetectionReport evaluate(EvaluationData data, long seed) {
    Schema schema = data.schema();
    List<DetectionReport.TableDetection> out = new ArrayList<>();
    for (Table table : schema.tables()) {
      List<Column> columns = Feature.columns(table);
      TableData real = data.real(table.name());
      TableData synthetic = data.synthetic(table.name());
      int[] realRows =
          Samples.indices(
              real.size(),
              MAX_ROWS_PER_SIDE,
              Samples.random(seed, table.name() + "/detection/real"));
      int[] synthRows =
          Samples.indices(
              synthetic.size(),
              MAX_ROWS_PER_SIDE,
              Samples.random(seed, table.name() + "/detection/synthetic"));
      if (realRows.length < FOLDS || synthRows.length < FOLDS) {
        continue;
      }
      if (!columns.isEmpty()) {
        out.add(
            test(
                table.name(),
                ROWS,
                Feature.of(columns, real, realRows),
                Feature.of(columns, synthetic, synthRows),
                seed));
      }
      List<Child> children = children(schema, table);
      if (!children.isEmpty()) {
        List<Feature> r = new ArrayList<>(Feature.of(columns, real, realRows));
        List<Feature> s = new ArrayList<>(Feature.of(columns, synthetic, synthRows));
        for (Child child : children) {
          r.addAll(aggregates(child, real, realRows, data::real));
          s.addAll(aggregates(child, synthetic, synthRows, data::synthetic));
        }
        out.add(test(table.name(), AGGREGATED, r, s, seed));
      }
    }
    return new DetectionReport(out, FOLDS);
  }

  private static DetectionReport.TableDetection test(
      String table, String variant, List<Feature> real, List<Feature> synthetic, long seed) {
    Encoder encoder = Encoder.fit(real);
    double[][] r = encoder.encode(real);
    double[][] s = encoder.encode(synthetic);
    double[][] x = new double[r.length + s.length][];
    int[] y = new int[x.length];
    System.arraycopy(r, 0, x, 0, r.length);
    System.arraycopy(s, 0, x, r.length, s.length);
    Arrays.fill(y, r.length, y.length, 1);
    long tableSeed = seed * 31 + (table + "/" + variant).hashCode();
    double[] auc =
        crossValidatedAuc(
            x, y, tableSeed, Models.Kind.LOGISTIC_REGRESSION, Models.Kind.FAST_BOOSTING);
    double best = Math.max(nanToHalf(auc[0]), nanToHalf(auc[1]));
    double score = 1 - (2 * Math.max(best, 0.5) - 1);
    return new DetectionReport.TableDetection(
        table, variant, Math.min(r.length, s.length), auc[0], auc[1], score);
  }

  private static double nanToHalf(double auc) {
    return Double.isNaN(auc) ? 0.5 : auc;
  }

  /** Mean over stratified folds of each model's AUC at telling label 1 from label 0. */
  static double[] crossValidatedAuc(double[][] x, int[] y, long seed, Models.Kind... kinds) {
    int[] fold = stratifiedFolds(y, FOLDS, new SplittableRandom(seed));
    double[] sum = new double[kinds.length];
    int[] counted = new int[kinds.length];
    for (int f = 0; f < FOLDS; f++) {
      int testSize = 0;
      for (int v : fold) {
        testSize += v == f ? 1 : 0;
      }
      double[][] xTrain = new double[x.length - testSize][];
      int[] yTrain = new int[xTrain.length];
      double[][] xTest = new double[testSize][];
      int[] yTest = new int[testSize];
      int a = 0;
      int b = 0;
      for (int i = 0; i < x.length; i++) {
        if (fold[i] == f) {
          xTest[b] = x[i];
          yTest[b++] = y[i];
        } else {
          xTrain[a] = x[i];
          yTrain[a++] = y[i];
        }
      }
      for (int k = 0; k < kinds.length; k++) {
        double[][] p = Models.classify(kinds[k], xTrain, yTrain, 2, xTest, seed + f);
        double[] score = new double[p.length];
        for (int i = 0; i < p.length; i++) {
          score[i] = p[i][1];
        }
        double auc = RocAuc.of(score, yTest, 1);
        if (!Double.isNaN(auc)) {
          sum[k] += auc;
          counted[k]++;
        }
      }
    }
    double[] out = new double[kinds.length];
    for (int k = 0; k < kinds.length; k++) {
      out[k] = counted[k] == 0 ? Double.NaN : sum[k] / counted[k];
    }
    return out;
  }

  /**
   * Each row's fold: every class shuffled, then dealt round-robin, so folds keep the class shares.
   */
  static int[] stratifiedFolds(int[] y, int folds, SplittableRandom rng) {
    int[] fold = new int[y.length];
    int[] classes = Arrays.stream(y).distinct().sorted().toArray();
    for (int c : classes) {
      int[] members =
          java.util.stream.IntStream.range(0, y.length).filter(i -> y[i] == c).toArray();
      int[] order = Samples.shuffled(members, rng);
      for (int i = 0; i < order.length; i++) {
        fold[order[i]] = i % folds;
      }
    }
    return fold;
  }

  /** A foreign key of another table pointing at this one, and that table's aggregatable columns. */
  private record Child(
      Table table, ForeignKey fk, List<Column> numeric, List<Column> categorical) {}

  private static List<Child> children(Schema schema, Table parent) {
    List<Child> out = new ArrayList<>();
    for (Table t : schema.tables()) {
      if (t.name().equals(parent.name())) {
        continue; // self-references: the table's own rows already carry them
      }
      for (ForeignKey fk : t.foreignKeys()) {
        if (fk.parentTable().equals(parent.name())) {
          List<Column> columns = Feature.columns(t);
          out.add(
              new Child(
                  t,
                  fk,
                  columns.stream().filter(c -> c.kind() == ColumnKind.NUMERIC).toList(),
                  columns.stream().filter(c -> c.kind() == ColumnKind.CATEGORICAL).toList()));
        }
      }
    }
    return out;
  }

  /**
   * Per sampled parent row: the number of the child's sampled rows referencing it, the mean of each
   * numeric child column over them (NaN without any) and the distinct count of each categorical
   * one.
   */
  private static List<Feature> aggregates(
      Child child, TableData parent, int[] parentRows, Function<String, TableData> side) {
    TableData rows = side.apply(child.table().name());
    int[] childKey =
        child.fk().columns().stream().mapToInt(c -> rows.columns().indexOf(c)).toArray();
    int[] parentKey =
        child.fk().parentColumns().stream().mapToInt(c -> parent.columns().indexOf(c)).toArray();
    List<Column> numeric = child.numeric();
    List<Column> categorical = child.categorical();
    double[][] numbers = new double[numeric.size()][];
    for (int j = 0; j < numbers.length; j++) {
      numbers[j] = Fidelity.numbers(rows.column(numeric.get(j).name()));
    }
    Object[][] labels = new Object[categorical.size()][];
    for (int j = 0; j < labels.length; j++) {
      labels[j] = Labels.keys(rows.column(categorical.get(j).name()));
    }
    Map<List<Object>, Group> groups = new HashMap<>();
    for (int r = 0; r < rows.size(); r++) {
      List<Object> key = key(rows.row(r), childKey);
      if (key == null) {
        continue;
      }
      Group g = groups.computeIfAbsent(key, k -> new Group(numeric.size(), categorical.size()));
      g.count++;
      for (int j = 0; j < numbers.length; j++) {
        if (!Double.isNaN(numbers[j][r])) {
          g.sums[j] += numbers[j][r];
          g.counts[j]++;
        }
      }
      for (int j = 0; j < labels.length; j++) {
        g.distinct.get(j).add(labels[j][r]);
      }
    }
    String prefix = child.fk().describe(child.table().name()) + ":";
    double[] count = new double[parentRows.length];
    double[][] means = new double[numeric.size()][parentRows.length];
    double[][] distinct = new double[categorical.size()][parentRows.length];
    for (int i = 0; i < parentRows.length; i++) {
      List<Object> key = key(parent.row(parentRows[i]), parentKey);
      Group g = key == null ? null : groups.get(key);
      count[i] = g == null ? 0 : g.count;
      for (int j = 0; j < numeric.size(); j++) {
        means[j][i] = g == null || g.counts[j] == 0 ? Double.NaN : g.sums[j] / g.counts[j];
      }
      for (int j = 0; j < categorical.size(); j++) {
        distinct[j][i] = g == null ? 0 : g.distinct.get(j).size();
      }
    }
    List<Feature> out = new ArrayList<>();
    out.add(Feature.numeric(prefix + "count", count));
    for (int j = 0; j < numeric.size(); j++) {
      out.add(Feature.numeric(prefix + "mean(" + numeric.get(j).name() + ")", means[j]));
    }
    for (int j = 0; j < categorical.size(); j++) {
      out.add(Feature.numeric(prefix + "distinct(" + categorical.get(j).name() + ")", distinct[j]));
    }
    return out;
  }

  private static final class Group {
    int count;
    final double[] sums;
    final int[] counts;
    final List<Set<Object>> distinct = new ArrayList<>();

    Group(int numeric, int categorical) {
      sums = new double[numeric];
      counts = new int[numeric];
      for (int j = 0; j < categorical; j++) {
        distinct.add(new HashSet<>());
      }
    }
  }

  private static List<Object> key(Object[] row, int[] columns) {
    Object[] k = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      if (columns[i] < 0 || row[columns[i]] == null) {
        return null;
      }
      k[i] = Values.key(row[columns[i]]);
    }
    return Arrays.asList(k);
  }
}
