package io.syndata.quality;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The whole quality report: every figure, the visual data behind the HTML plots, how it was sampled
 * and what to do about it.
 */
public record QualityReport(
    Summary summary,
    FidelityReport fidelity,
    DetectionReport detection,
    Optional<UtilityReport> utility,
    PrivacyReport privacy,
    Visuals visuals,
    Sampling sampling,
    List<String> recommendations,
    RealismReport realism) {

  /** A report without realism figures. */
  public QualityReport(
      Summary summary,
      FidelityReport fidelity,
      DetectionReport detection,
      Optional<UtilityReport> utility,
      PrivacyReport privacy,
      Visuals visuals,
      Sampling sampling,
      List<String> recommendations) {
    this(
        summary,
        fidelity,
        detection,
        utility,
        privacy,
        visuals,
        sampling,
        recommendations,
        RealismReport.NONE);
  }

  /**
   * The headline figures, each in [0, 1] (empty where not measured), with the overall score
   * weighting fidelity 0.4, utility 0.4 and privacy 0.2 (weights of missing parts are shared out
   * among the others) and its grade: A+ ≥ 0.9, A ≥ 0.8, B+ ≥ 0.7, B ≥ 0.6, C ≥ 0.5, F below.
   *
   * @param fidelity the mean of column shapes, pair trends, cardinality, inter-table trends,
   *     detection, plausibility and row counts, over those that exist
   * @param plausibility the mean plausibility of the string columns ({@link RealismReport})
   * @param rowCounts the mean row-count score of the tables ({@link RealismReport}); the worst
   *     column or table also caps {@code overall} ({@link RealismReport#cap()})
   */
  public record Summary(
      OptionalDouble columnShapes,
      OptionalDouble pairTrends,
      OptionalDouble cardinality,
      OptionalDouble intertableTrends,
      OptionalDouble detection,
      OptionalDouble fidelity,
      OptionalDouble utility,
      OptionalDouble privacy,
      double overall,
      String grade,
      OptionalDouble plausibility,
      OptionalDouble rowCounts) {

    /** A summary without realism figures. */
    public Summary(
        OptionalDouble columnShapes,
        OptionalDouble pairTrends,
        OptionalDouble cardinality,
        OptionalDouble intertableTrends,
        OptionalDouble detection,
        OptionalDouble fidelity,
        OptionalDouble utility,
        OptionalDouble privacy,
        double overall,
        String grade) {
      this(
          columnShapes,
          pairTrends,
          cardinality,
          intertableTrends,
          detection,
          fidelity,
          utility,
          privacy,
          overall,
          grade,
          OptionalDouble.empty(),
          OptionalDouble.empty());
    }
  }

  /**
   * @param maxRows the evaluation sample per table
   * @param realRows rows per table in the real data, and {@code evaluatedRows} in its sample
   * @param fittedRows the tables whose model was fitted on a sample of their rows, with its size
   *     (empty when every table was fitted on every row, or when the report was made without a fit)
   */
  public record Sampling(
      int maxRows,
      long seed,
      boolean sampled,
      Map<String, Long> realRows,
      Map<String, Long> evaluatedRows,
      boolean holdout,
      Map<String, Long> fittedRows) {
    public Sampling {
      realRows = Map.copyOf(realRows);
      evaluatedRows = Map.copyOf(evaluatedRows);
      fittedRows = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(fittedRows));
    }

    /** The sampling of a report made without knowledge of the fit. */
    public Sampling(
        int maxRows,
        long seed,
        boolean sampled,
        Map<String, Long> realRows,
        Map<String, Long> evaluatedRows,
        boolean holdout) {
      this(maxRows, seed, sampled, realRows, evaluatedRows, holdout, Map.of());
    }
  }

  /** This report, saying which tables the model was fitted on a sample of, and how many rows. */
  public QualityReport withFittedRows(Map<String, Long> fittedRows) {
    Sampling s = sampling;
    return new QualityReport(
        summary,
        fidelity,
        detection,
        utility,
        privacy,
        visuals,
        new Sampling(
            s.maxRows(),
            s.seed(),
            s.sampled(),
            s.realRows(),
            s.evaluatedRows(),
            s.holdout(),
            fittedRows),
        recommendations,
        realism);
  }

  /** What the HTML plots show, also in the JSON. */
  public record Visuals(
      List<ColumnDistribution> columns,
      List<CorrelationMatrix> correlations,
      List<CardinalityHistogram> cardinality) {
    public Visuals {
      columns = List.copyOf(columns);
      correlations = List.copyOf(correlations);
      cardinality = List.copyOf(cardinality);
    }
  }

  /**
   * Real and synthetic frequencies of one column over the same bins: equal-width bins of the real
   * range for numeric and datetime columns (labels are the bins' lower edges), the most frequent
   * real categories otherwise (the rest summed as "(other)", nulls as "(null)").
   */
  public record ColumnDistribution(
      String table,
      String column,
      String kind,
      List<String> labels,
      List<Double> real,
      List<Double> synthetic,
      double score) {}

  /**
   * Pairwise association of a table's compared columns (Pearson correlation for two ordered
   * columns, Cramér's V otherwise), real and synthetic, row-major over {@code columns}.
   */
  public record CorrelationMatrix(
      String table, List<String> columns, List<List<Double>> real, List<List<Double>> synthetic) {}

  /** Share of parent rows with each number of children (the last bin is "that many or more"). */
  public record CardinalityHistogram(
      String relation,
      List<String> labels,
      List<Double> real,
      List<Double> synthetic,
      double score) {}
}
