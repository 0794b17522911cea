package io.syndata.quality;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Machine-learning utility for one target column: models trained on real training rows and tested
 * on real holdout rows (TRTR, the reference), trained on synthetic and tested on real holdout
 * (TSTR), and trained on real and tested on synthetic (TRTS).
 *
 * @param task {@code classification} or {@code regression}
 * @param results one entry per model and scenario
 * @param score the mean over models of TSTR's main metric divided by TRTR's (ROC AUC for
 *     classification, R² clipped at 0 for regression), capped at 1
 */
public record UtilityReport(
    String table,
    String target,
    String task,
    int trainRows,
    int testRows,
    List<ModelResult> results,
    double score) {
  /**
   * One model in one scenario; metrics that do not apply to the task are NaN.
   *
   * @param model {@code random_forest}, {@code logistic_regression}, {@code linear_regression} or
   *     {@code gradient_boosting}
   * @param scenario {@code TRTR}, {@code TSTR} or {@code TRTS}
   */
  public record ModelResult(
      String model,
      String scenario,
      double accuracy,
      double f1,
      double rocAuc,
      double r2,
      double mae) {}

  public UtilityReport {
    results = List.copyOf(results);
  }

  public OptionalDouble scoreIfAny() {
    return Double.isNaN(score) ? OptionalDouble.empty() : OptionalDouble.of(score);
  }
}
