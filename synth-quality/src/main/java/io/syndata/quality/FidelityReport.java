package io.syndata.quality;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Fidelity of a synthetic database against the real one: per-column, per-pair and per-relation
 * scores in [0, 1] and their means.
 *
 * @param rowsCompared real rows evaluated per table (a deterministic sample when the table is
 *     larger than the evaluation limit)
 * @param sampled whether any table was sampled
 */
public record FidelityReport(
    List<ColumnShape> columnShapes,
    List<MissingValues> missingValues,
    List<PairTrend> pairTrends,
    List<Cardinality> cardinality,
    List<IntertableTrend> intertableTrends,
    Map<String, Long> rowsCompared,
    boolean sampled) {

  /** KSComplement (numeric, datetime) or TVComplement (categorical) of one column. */
  public record ColumnShape(String table, String column, String metric, double score) {}

  /** CorrelationSimilarity (two numeric columns) or ContingencySimilarity of a column pair. */
  public record PairTrend(String table, String left, String right, String metric, double score) {}

  /** MissingValueSimilarity: 1 − |real null share − synthetic null share| of a nullable column. */
  public record MissingValues(
      String table, String column, double realShare, double syntheticShare, double score) {}

  /**
   * A pair trend between a column of {@code table} and a column of an ancestor reached by joining
   * along {@code path} ({@code hops} foreign keys).
   */
  public record IntertableTrend(
      String path, int hops, String column, String ancestorColumn, String metric, double score) {}

  /** 1 − KS of the children-per-parent counts of one foreign key. */
  public record Cardinality(String child, String relation, double score) {}

  public FidelityReport {
    columnShapes = List.copyOf(columnShapes);
    pairTrends = List.copyOf(pairTrends);
    cardinality = List.copyOf(cardinality);
    missingValues = List.copyOf(missingValues);
    intertableTrends = List.copyOf(intertableTrends);
    rowsCompared = Map.copyOf(rowsCompared);
  }

  public OptionalDouble columnShapesScore() {
    return columnShapes.stream().mapToDouble(ColumnShape::score).average();
  }

  public OptionalDouble pairTrendsScore() {
    return pairTrends.stream().mapToDouble(PairTrend::score).average();
  }

  public OptionalDouble cardinalityScore() {
    return cardinality.stream().mapToDouble(Cardinality::score).average();
  }

  public OptionalDouble missingValuesScore() {
    return missingValues.stream().mapToDouble(MissingValues::score).average();
  }

  public OptionalDouble intertableTrendsScore() {
    return intertableTrends.stream().mapToDouble(IntertableTrend::score).average();
  }

  /**
   * The mean of the scores that exist: column shapes, pair trends, cardinality, inter-table trends.
   */
  public OptionalDouble overall() {
    return java.util.stream.Stream.of(
            columnShapesScore(), pairTrendsScore(), cardinalityScore(), intertableTrendsScore())
        .filter(OptionalDouble::isPresent)
        .mapToDouble(OptionalDouble::getAsDouble)
        .average();
  }
}
