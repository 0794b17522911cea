package io.syndata.quality;

import java.util.List;
import java.util.OptionalDouble;

/**
 * How well classifiers tell real rows from synthetic ones. Per table and variant, the
 * cross-validated ROC AUC of logistic regression and of gradient-boosted trees, and the score
 * {@code 1 − (2·max(AUC, 0.5) − 1)} of the better classifier (1: indistinguishable, 0: always told
 * apart).
 *
 * @param tables one entry per table and variant: {@code rows} (the table's own columns) and {@code
 *     aggregated} (parent rows enriched with each child table's row count, the means of its numeric
 *     columns and the distinct counts of its categorical columns)
 */
public record DetectionReport(List<TableDetection> tables, int folds) {
  public record TableDetection(
      String table,
      String variant,
      int rowsPerSide,
      double logisticAuc,
      double boostedTreesAuc,
      double score) {}

  public DetectionReport {
    tables = List.copyOf(tables);
  }

  public OptionalDouble score() {
    return tables.stream().mapToDouble(TableDetection::score).average();
  }
}
