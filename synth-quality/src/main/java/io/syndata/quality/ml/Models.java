package io.syndata.quality.ml;

import java.util.Arrays;
import java.util.stream.LongStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealVector;
import smile.base.cart.Loss;
import smile.base.cart.SplitRule;
import smile.classification.GradientTreeBoost;
import smile.classification.LogisticRegression;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;
import smile.math.MathEx;

/**
 * The models of detection and utility, from Smile 2.6 (pure Java). Linear regression solves the
 * ridge-stabilised normal equations with commons-math (Smile's OLS needs native LAPACK). Every
 * model is seeded: Smile's boosting draws from {@link MathEx}'s per-thread generator, seeded just
 * before fitting in the same thread; random forests take one seed per tree.
 */
final class Models {
  private Models() {}

  /** Which model, with the settings detection and utility use. */
  enum Kind {
    LOGISTIC_REGRESSION("logistic_regression"),
    LINEAR_REGRESSION("linear_regression"),
    RANDOM_FOREST("random_forest"),
    GRADIENT_BOOSTING("gradient_boosting"),
    /** Smaller boosting for detection, which fits it once per fold and table. */
    FAST_BOOSTING("gradient_boosting");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  private static final Formula FORMULA = Formula.lhs("y");
  private static final double LOGISTIC_LAMBDA = 0.1;
  // Sized for about 10,000 training rows of ~100 encoded columns on two cores: a few seconds a fit.
  private static final int FOREST_TREES = 50;
  private static final int FOREST_DEPTH = 12;
  private static final int FOREST_LEAVES = 500;
  private static final int BOOSTED_TREES = 60;
  private static final double BOOSTING_SHRINKAGE = 0.15;

  /**
   * Fits a classifier on labels in {@code [0, k)} and returns each test row's k class
   * probabilities. Classes missing from the training labels get probability 0; with a single class
   * present the model predicts it with certainty.
   */
  static double[][] classify(
      Kind kind, double[][] xTrain, int[] yTrain, int k, double[][] xTest, long seed) {
    int[] present = Arrays.stream(yTrain).distinct().sorted().toArray();
    double[][] out = new double[xTest.length][k];
    if (present.length == 1) {
      for (double[] row : out) {
        row[present[0]] = 1;
      }
      return out;
    }
    int[] local = new int[k];
    for (int i = 0; i < present.length; i++) {
      local[present[i]] = i;
    }
    int[] y = new int[yTrain.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = local[yTrain[i]];
    }
    int m = present.length;
    double[] posterior = new double[m];
    switch (kind) {
      case LOGISTIC_REGRESSION -> {
        LogisticRegression model = LogisticRegression.fit(xTrain, y, LOGISTIC_LAMBDA, 1e-4, 100);
        for (int r = 0; r < xTest.length; r++) {
          model.predict(xTest[r], posterior);
          scatter(posterior, present, out[r]);
        }
      }
      case RANDOM_FOREST, GRADIENT_BOOSTING, FAST_BOOSTING -> {
        DataFrame train = frame(xTrain).merge(IntVector.of("y", y));
        DataFrame test = frame(xTest).merge(IntVector.of("y", new int[xTest.length]));
        int p = width(xTrain);
        smile.classification.SoftClassifier<smile.data.Tuple> model;
        if (kind == Kind.RANDOM_FOREST) {
          model =
              sequential(
                  () ->
                      RandomForest.fit(
                          FORMULA,
                          train,
                          FOREST_TREES,
                          Math.max(1, (int) Math.sqrt(p)),
                          SplitRule.GINI,
                          FOREST_DEPTH,
                          FOREST_LEAVES,
                          5,
                          1.0,
                          null,
                          seeds(seed, FOREST_TREES)));
        } else {
          MathEx.setSeed(seed);
          model =
              kind == Kind.FAST_BOOSTING
                  ? GradientTreeBoost.fit(FORMULA, train, 50, 3, 8, 5, 0.2, 0.7)
                  : GradientTreeBoost.fit(
                      FORMULA, train, BOOSTED_TREES, 4, 16, 5, BOOSTING_SHRINKAGE, 0.7);
        }
        for (int r = 0; r < xTest.length; r++) {
          model.predict(test.get(r), posterior);
          scatter(posterior, present, out[r]);
        }
      }
      default -> throw new IllegalArgumentException(kind + " is no classifier");
    }
    return out;
  }

  /** Fits a regressor and returns its predictions for the test rows. */
  static double[] regress(
      Kind kind, double[][] xTrain, double[] yTrain, double[][] xTest, long seed) {
    double[] out = new double[xTest.length];
    switch (kind) {
      case LINEAR_REGRESSION -> {
        double[] beta = ridge(xTrain, yTrain, 1e-6);
        for (int r = 0; r < xTest.length; r++) {
          double s = beta[0];
          for (int j = 0; j < xTest[r].length; j++) {
            s += beta[j + 1] * xTest[r][j];
          }
          out[r] = s;
        }
      }
      case RANDOM_FOREST, GRADIENT_BOOSTING -> {
        DataFrame train = frame(xTrain).merge(DoubleVector.of("y", yTrain));
        DataFrame test = frame(xTest).merge(DoubleVector.of("y", new double[xTest.length]));
        int p = width(xTrain);
        smile.regression.DataFrameRegression model;
        if (kind == Kind.RANDOM_FOREST) {
          // Breiman's p/3, but never fewer than 3 candidates: one-hot columns would otherwise crowd
          // out the few informative ones.
          model =
              sequential(
                  () ->
                      smile.regression.RandomForest.fit(
                          FORMULA,
                          train,
                          FOREST_TREES,
                          Math.max(Math.min(p, 3), p / 3),
                          FOREST_DEPTH,
                          FOREST_LEAVES,
                          5,
                          1.0,
                          seeds(seed, FOREST_TREES)));
        } else {
          MathEx.setSeed(seed);
          model =
              smile.regression.GradientTreeBoost.fit(
                  FORMULA, train, Loss.ls(), BOOSTED_TREES, 4, 16, 5, BOOSTING_SHRINKAGE, 0.7);
        }
        for (int r = 0; r < xTest.length; r++) {
          out[r] = model.predict(test.get(r));
        }
      }
      default -> throw new IllegalArgumentException(kind + " is no regressor");
    }
    return out;
  }

  /**
   * Least squares with an intercept; {@code lambda}·n on the diagonal (not on the intercept) keeps
   * the one-hot blocks, which sum to the intercept, solvable.
   */
  static double[] ridge(double[][] x, double[] y, double lambda) {
    int n = x.length;
    int p = width(x) + 1;
    double[][] ata = new double[p][p];
    double[] aty = new double[p];
    double[] a = new double[p];
    for (int r = 0; r < n; r++) {
      a[0] = 1;
      System.arraycopy(x[r], 0, a, 1, p - 1);
      for (int i = 0; i < p; i++) {
        double ai = a[i];
        if (ai == 0) {
          continue;
        }
        aty[i] += ai * y[r];
        double[] row = ata[i];
        for (int j = i; j < p; j++) {
          row[j] += ai * a[j];
        }
      }
    }
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < i; j++) {
        ata[i][j] = ata[j][i];
      }
      if (i > 0) {
        ata[i][i] += lambda * Math.max(1, n);
      }
    }
    ata[0][0] += 1e-12;
    RealVector beta =
        new CholeskyDecomposition(new Array2DRowRealMatrix(ata, false), 1e-12, 1e-15)
            .getSolver()
            .solve(new ArrayRealVector(aty, false));
    return beta.toArray();
  }

  private static void scatter(double[] posterior, int[] present, double[] into) {
    for (int i = 0; i < present.length; i++) {
      into[present[i]] = posterior[i];
    }
  }

  private static int width(double[][] x) {
    return x.length == 0 ? 0 : x[0].length;
  }

  private static DataFrame frame(double[][] x) {
    int p = width(x);
    String[] names = new String[p];
    for (int j = 0; j < p; j++) {
      names[j] = "x" + j;
    }
    return DataFrame.of(x, names);
  }

  /**
   * Runs a fit on a single-worker fork-join pool. Smile grows a forest's trees on parallel streams
   * and each tree draws from the thread's generator; with work stealing, which thread runs which
   * part of which tree varies from run to run, and so did the forests. One worker makes the order,
   * and so the forest, the same every time.
   */
  private static <T> T sequential(java.util.function.Supplier<T> fit) {
    java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(1);
    try {
      return pool.submit(fit::get).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fitting a model", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  private static LongStream seeds(long seed, int trees) {
    return LongStream.range(0, trees)
        .map(t -> seed * 0x9E3779B97F4A7C15L + t * 0xBF58476D1CE4E5B9L);
  }
}
