package io.syndata.quality;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Disclosure risk of the synthetic rows, per table. Distances are taken over the compared columns:
 * numeric and datetime values scaled to [0, 1] by the real range, categorical values 0 when equal
 * and 1 otherwise, averaged over columns (Gower distance).
 *
 * @param tables one entry per table
 */
public record PrivacyReport(List<TablePrivacy> tables) {

  /**
   * @param exactMatchShare share of synthetic rows identical to a training row on every compared
   *     column (ideal 0)
   * @param holdoutExactMatchShare the same share for holdout rows: what chance alone gives on data
   *     with few columns of few values (empty without holdout data)
   * @param closerToTrainingShare share of synthetic rows whose closest real row is a training row
   *     rather than a holdout row, the holdout being as large as the training sample compared
   *     (ideal 0.5); empty without holdout data
   * @param nndrMedian median ratio of the distances to the closest and second-closest training row
   *     (close to 1: no synthetic row sits on a single real record)
   * @param membershipAuc ROC AUC of telling training rows from holdout rows by their distance to
   *     the closest synthetic row (ideal 0.5); empty without holdout data
   * @param attributeInference one entry per sensitive column
   * @param dcrSynthetic distances of synthetic rows to their closest training row, as histogram
   *     counts over {@link #DCR_BINS} equal bins of [0, {@code dcrMax}]
   * @param dcrHoldout distances of holdout rows to their closest training row, same bins; empty
   *     without holdout data
   * @param score in [0, 1]: the mean of 1 − exact-match share (less the holdout's share, when there
   *     is one, since matches a holdout row also has are chance, not leakage), 1 −
   *     2·|closer-to-training − 0.5| and 1 − (2·max(membership AUC, 0.5) − 1), over those that
   *     exist
   */
  public record TablePrivacy(
      String table,
      int syntheticRows,
      int trainingRows,
      int holdoutRows,
      double exactMatchShare,
      OptionalDouble holdoutExactMatchShare,
      OptionalDouble closerToTrainingShare,
      double nndrMedian,
      OptionalDouble membershipAuc,
      List<AttributeInference> attributeInference,
      double dcrMax,
      List<Integer> dcrSynthetic,
      Optional<List<Integer>> dcrHoldout,
      double score) {
    public static final int DCR_BINS = 20;
  }

  /**
   * Attribute inference: an attacker who knows a real row's other compared columns guesses the
   * sensitive one from the closest synthetic row.
   *
   * @param accuracy share of real rows whose sensitive value is guessed (categorical: equal;
   *     numeric: within 5 % of the real range)
   * @param baseline the same share when guessing the most frequent value (numeric: the median)
   * @param risk {@code max(0, accuracy − baseline) / (1 − baseline)}
   */
  public record AttributeInference(String column, double accuracy, double baseline, double risk) {}

  public PrivacyReport {
    tables = List.copyOf(tables);
  }

  public OptionalDouble score() {
    return tables.stream().mapToDouble(TablePrivacy::score).average();
  }
}
