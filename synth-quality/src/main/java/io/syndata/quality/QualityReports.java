package io.syndata.quality;

import io.syndata.data.Progress;
import io.syndata.quality.ml.Detection;
import io.syndata.quality.ml.MlUtility;
import io.syndata.quality.privacy.Privacy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/** Builds the whole quality report from evaluation data: every metric, the summary and advice. */
public final class QualityReports {
  public static final double FIDELITY_WEIGHT = 0.4;
  public static final double UTILITY_WEIGHT = 0.4;
  public static final double PRIVACY_WEIGHT = 0.2;

  private QualityReports() {}

  public static QualityReport evaluate(EvaluationData data, ReportOptions options) {
    return evaluate(data, options, Progress.NONE);
  }

  /**
   * As {@link #evaluate(EvaluationData, ReportOptions)}, reporting each metric family as phase
   * {@code report}.
   */
  public static QualityReport evaluate(
      EvaluationData data, ReportOptions options, Progress progress) {
    long rows = data.schema().tables().stream().mapToLong(t -> data.real(t.name()).size()).sum();
    FidelityReport fidelity = timed(progress, "fidelity", rows, () -> Fidelity.evaluate(data));
    DetectionReport detection =
        timed(progress, "detection", rows, () -> Detection.evaluate(data, options.seed()));
    Optional<UtilityReport> utility =
        timed(
            progress,
            "ml utility",
            rows,
            () -> options.target().flatMap(t -> MlUtility.evaluate(data, t, options.seed())));
    PrivacyReport privacy =
        timed(
            progress,
            "privacy",
            rows,
            () -> Privacy.evaluate(data, options.sensitive(), options.seed()));
    RealismReport realism = timed(progress, "realism", rows, () -> Realism.evaluate(data));
    QualityReport.Visuals visuals = VisualsBuilder.build(data, fidelity);
    QualityReport.Summary summary = summarize(fidelity, detection, utility, privacy, realism);
    Map<String, Long> realRows = new LinkedHashMap<>();
    Map<String, Long> evaluated = new LinkedHashMap<>();
    data.schema()
        .tables()
        .forEach(
            t -> {
              realRows.put(t.name(), data.real(t.name()).totalRows());
              evaluated.put(t.name(), (long) data.real(t.name()).size());
            });
    QualityReport.Sampling sampling =
        new QualityReport.Sampling(
            data.maxRows(), data.seed(), data.sampled(), realRows, evaluated, data.hasHoldout());
    return new QualityReport(
        summary,
        fidelity,
        detection,
        utility,
        privacy,
        visuals,
        sampling,
        withAdvice(
            recommendations(summary, fidelity, detection, utility, privacy, options, data),
            Realism.advice(realism)),
        realism);
  }

  private static List<String> withAdvice(List<String> recommendations, List<String> more) {
    List<String> all = new ArrayList<>(recommendations);
    all.addAll(more);
    return all;
  }

  private static <T> T timed(
      Progress progress, String part, long rows, java.util.function.Supplier<T> work) {
    long start = System.nanoTime();
    progress.started("report", part, rows);
    T result = work.get();
    progress.finished("report", part, rows, java.time.Duration.ofNanos(System.nanoTime() - start));
    return result;
  }

  /** The headline figures and the weighted overall score; see {@link QualityReport.Summary}. */
  static QualityReport.Summary summarize(
      FidelityReport fidelity,
      DetectionReport detection,
      Optional<UtilityReport> utility,
      PrivacyReport privacy) {
    return summarize(fidelity, detection, utility, privacy, RealismReport.NONE);
  }

  /**
   * As {@link #summarize(FidelityReport, DetectionReport, Optional, PrivacyReport)}, with the
   * plausibility of string columns and the row counts in the fidelity mean, and the overall score
   * capped by the worst of them ({@link RealismReport#cap()}).
   */
  static QualityReport.Summary summarize(
      FidelityReport fidelity,
      DetectionReport detection,
      Optional<UtilityReport> utility,
      PrivacyReport privacy,
      RealismReport realism) {
    OptionalDouble fidelityScore =
        mean(
            fidelity.columnShapesScore(),
            fidelity.pairTrendsScore(),
            fidelity.cardinalityScore(),
            fidelity.intertableTrendsScore(),
            detection.score(),
            realism.plausibilityScore(),
            realism.rowCountScore());
    OptionalDouble utilityScore =
        utility.map(UtilityReport::scoreIfAny).orElse(OptionalDouble.empty());
    OptionalDouble privacyScore = privacy.score();
    double weighted = 0;
    double weights = 0;
    if (fidelityScore.isPresent()) {
      weighted += FIDELITY_WEIGHT * fidelityScore.getAsDouble();
      weights += FIDELITY_WEIGHT;
    }
    if (utilityScore.isPresent()) {
      weighted += UTILITY_WEIGHT * utilityScore.getAsDouble();
      weights += UTILITY_WEIGHT;
    }
    if (privacyScore.isPresent()) {
      weighted += PRIVACY_WEIGHT * privacyScore.getAsDouble();
      weights += PRIVACY_WEIGHT;
    }
    double overall = Math.min(weights == 0 ? 0 : weighted / weights, realism.cap());
    return new QualityReport.Summary(
        fidelity.columnShapesScore(),
        fidelity.pairTrendsScore(),
        fidelity.cardinalityScore(),
        fidelity.intertableTrendsScore(),
        detection.score(),
        fidelityScore,
        utilityScore,
        privacyScore,
        overall,
        grade(overall),
        realism.plausibilityScore(),
        realism.rowCountScore());
  }

  /** A+ ≥ 0.9, A ≥ 0.8, B+ ≥ 0.7, B ≥ 0.6, C ≥ 0.5, F below. */
  public static String grade(double score) {
    return score >= 0.9
        ? "A+"
        : score >= 0.8 ? "A" : score >= 0.7 ? "B+" : score >= 0.6 ? "B" : score >= 0.5 ? "C" : "F";
  }

  private static OptionalDouble mean(OptionalDouble... scores) {
    return Stream.of(scores)
        .filter(OptionalDouble::isPresent)
        .mapToDouble(OptionalDouble::getAsDouble)
        .average();
  }

  private static List<String> recommendations(
      QualityReport.Summary summary,
      FidelityReport fidelity,
      DetectionReport detection,
      Optional<UtilityReport> utility,
      PrivacyReport privacy,
      ReportOptions options,
      EvaluationData data) {
    List<String> out = new ArrayList<>();
    out.add(
        String.format(
            Locale.ROOT,
            "Overall %.1f %% (grade %s): fidelity %s, utility %s, privacy %s.",
            100 * summary.overall(),
            summary.grade(),
            pct(summary.fidelity()),
            pct(summary.utility()),
            pct(summary.privacy())));
    List<FidelityReport.ColumnShape> weakColumns =
        fidelity.columnShapes().stream()
            .filter(c -> c.score() < 0.8)
            .sorted(Comparator.comparingDouble(FidelityReport.ColumnShape::score))
            .limit(3)
            .toList();
    if (!weakColumns.isEmpty()) {
      out.add(
          "These columns' distributions drift from the real ones: "
              + String.join(
                  ", ",
                  weakColumns.stream()
                      .map(
                          c ->
                              String.format(
                                  Locale.ROOT,
                                  "%s.%s (%.1f %%)",
                                  c.table(),
                                  c.column(),
                                  100 * c.score()))
                      .toList())
              + ". Check their kind in the schema file: a numeric code is often better modelled as categorical.");
    }
    fidelity.pairTrends().stream()
        .filter(p -> p.score() < 0.7)
        .min(Comparator.comparingDouble(FidelityReport.PairTrend::score))
        .ifPresent(
            p ->
                out.add(
                    String.format(
                        Locale.ROOT,
                        "The relationship between %s.%s and %s is weakly kept (%.1f %%): the"
                            + " statistical model keeps monotone dependence; non-monotone or rule-like relationships need the neural model.",
                        p.table(),
                        p.left(),
                        p.right(),
                        100 * p.score())));
    fidelity.cardinality().stream()
        .filter(c -> c.score() < 0.8)
        .min(Comparator.comparingDouble(FidelityReport.Cardinality::score))
        .ifPresent(
            c ->
                out.add(
                    String.format(
                        Locale.ROOT,
                        "Children per parent drift for %s (%.1f %%).",
                        c.relation(),
                        100 * c.score())));
    detection.tables().stream()
        .filter(d -> d.score() < 0.5)
        .min(Comparator.comparingDouble(DetectionReport.TableDetection::score))
        .ifPresent(
            d ->
                out.add(
                    String.format(
                        Locale.ROOT,
                        "A classifier tells synthetic from real rows of %s (%s) apart with"
                            + " ROC AUC %.2f: look at its weakest columns and pairs first.",
                        d.table(),
                        d.variant(),
                        Math.max(d.logisticAuc(), d.boostedTreesAuc()))));
    for (PrivacyReport.TablePrivacy p : privacy.tables()) {
      // Holdout rows equal to a training row show what chance gives on columns of few values.
      double chance = p.holdoutExactMatchShare().orElse(0);
      if (p.exactMatchShare() > chance + 0.02) {
        String against =
            p.holdoutExactMatchShare().isPresent()
                ? String.format(Locale.ROOT, ", against %.1f %% of unseen real rows", 100 * chance)
                : " (with holdout data the report could tell chance from copying)";
        out.add(
            String.format(
                Locale.ROOT,
                "%.1f %% of the synthetic rows of %s equal a training row on every compared column%s:"
                    + " mark identifying columns as text or pii, or exclude them.",
                100 * p.exactMatchShare(),
                p.table(),
                against));
      }
      if (p.closerToTrainingShare().isPresent() && p.closerToTrainingShare().getAsDouble() > 0.6) {
        out.add(
            String.format(
                Locale.ROOT,
                "Synthetic rows of %s lie closer to training rows than to unseen ones (%.1f %%, ideal 50 %%):"
                    + " the data may leak its training rows.",
                p.table(),
                100 * p.closerToTrainingShare().getAsDouble()));
      }
      for (PrivacyReport.AttributeInference a : p.attributeInference()) {
        if (a.risk() > 0.3) {
          out.add(
              String.format(
                  Locale.ROOT,
                  "%s.%s can be inferred from the other columns through the synthetic data"
                      + " (risk %.2f): consider excluding it or marking it pii.",
                  p.table(),
                  a.column(),
                  a.risk()));
        }
      }
    }
    if (!data.hasHoldout()) {
      out.add(
          "No holdout data was given, so privacy is measured against training rows only: generate with --holdout 0.2"
              + " (or pass --holdout to report) for the distance-to-closest-record and membership-inference figures.");
    }
    if (options.target().isEmpty()) {
      out.add("No --target column was given, so machine-learning utility was not measured.");
    } else if (utility.isPresent()
        && utility.get().scoreIfAny().isPresent()
        && utility.get().score() < 0.8) {
      out.add(
          String.format(
              Locale.ROOT,
              "Models trained on synthetic data reach %.1f %% of the real-data models' score on %s.",
              100 * utility.get().score(),
              utility.get().target()));
    }
    if (data.sampled()) {
      out.add(
          "Large tables were evaluated on a deterministic sample of "
              + data.maxRows()
              + " rows each (seed "
              + data.seed()
              + ").");
    }
    return out;
  }

  private static String pct(OptionalDouble d) {
    return d.isPresent()
        ? String.format(Locale.ROOT, "%.1f %%", 100 * d.getAsDouble())
        : "not measured";
  }
}
