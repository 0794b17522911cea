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
    List<PairTrend> pairTrends,
    List<Cardinality> cardinality,
    Map<String, Long> rowsCompared,
    boolean sampled) {

  /** KSComplement (numeric, datetime) or TVComplement (categorical) of one column. */
  public record ColumnShape(String table, String column, String metric, double score) {}

  /** CorrelationSimilarity (two numeric columns) or ContingencySimilarity of a column pair. */
  public record PairTrend(String table, String left, String right, String metric, double score) {}

  /** 1 − KS of the children-per-parent counts of one foreign key. */
  public record Cardinality(String child, String relation, double score) {}

  public FidelityReport {
    columnShapes = List.copyOf(columnShapes);
    pairTrends = List.copyOf(pairTrends);
    cardinality = List.copyOf(cardinality);
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

  /** The mean of the three scores that exist. */
  public OptionalDouble overall() {
    return java.util.stream.Stream.of(columnShapesScore(), pairTrendsScore(), cardinalityScore())
        .filter(OptionalDouble::isPresent)
        .mapToDouble(OptionalDouble::getAsDouble)
        .average();
  }
}
