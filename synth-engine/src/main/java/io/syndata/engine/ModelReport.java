package io.syndata.engine;

import java.time.Instant;
import java.util.List;

/**
 * How generated rows compare with the statistics their model holds, for a run from a model file,
 * which has no source to compare with: per table the rows written against the source's, each
 * sampled column's distribution against its learned marginal, and the correlations of the columns'
 * normal scores against the learned ones. Model kinds that keep no such statistics (a neural model,
 * a table kept as it is) report row counts only.
 *
 * @param modelKind the kind the model was fitted with
 * @param modelSource where the model learned, without credentials
 * @param fittedAt when the model was fitted
 * @param columnShapes the mean column score over every measured column, in [0, 1]
 * @param columnPairs the mean of {@code 1 - |difference| / 2} over every measured pair, in [0, 1]
 * @param tables one result per table, in schema order
 */
public record ModelReport(
    String modelKind,
    String modelSource,
    Instant fittedAt,
    double columnShapes,
    double columnPairs,
    List<TableResult> tables) {

  public ModelReport {
    tables = List.copyOf(tables);
  }

  /**
   * One table.
   *
   * @param sourceRows the rows the model learned from (in the source)
   * @param writtenRows the rows generated
   * @param measured whether the model holds statistics for the table's columns
   * @param pairs the column pairs whose correlation was compared
   * @param meanCorrelationDifference the mean absolute difference of the pairs' correlations
   * @param worstCorrelationDifference the largest one, for {@code worstPair}
   */
  public record TableResult(
      String table,
      long sourceRows,
      long writtenRows,
      boolean measured,
      List<ColumnResult> columns,
      int pairs,
      double meanCorrelationDifference,
      double worstCorrelationDifference,
      String worstPair) {
    public TableResult {
      columns = List.copyOf(columns);
    }
  }

  /**
   * One column.
   *
   * @param measure {@code KS} (Kolmogorov–Smirnov distance from the learned quantiles, for a
   *     continuous column) or {@code TVD} (total variation distance from the learned frequencies,
   *     for a discrete or categorical one)
   * @param distance that distance, in [0, 1]; a value the model never had counts fully
   * @param modelNulls the learned share of NULLs
   * @param syntheticNulls the share of NULLs generated
   * @param unseen generated values that are not among the model's discrete or categorical values
   * @param score {@code 1 - max(distance, |modelNulls - syntheticNulls|)}
   */
  public record ColumnResult(
      String column,
      String measure,
      double distance,
      double modelNulls,
      double syntheticNulls,
      long unseen,
      double score) {}
}
