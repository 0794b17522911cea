package io.syndata.quality.report;

import io.syndata.quality.DetectionReport;
import io.syndata.quality.EvaluationData;
import io.syndata.quality.Fidelity;
import io.syndata.quality.FidelityReport;
import io.syndata.quality.PrivacyReport;
import io.syndata.quality.QualityReport;
import io.syndata.quality.TableData;
import io.syndata.quality.UtilityReport;
import io.syndata.quality.VisualsBuilder;
import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * A small parent/child database with awkward names, its synthetic twin (a little drifted) and a
 * quality report over them whose summary and ML/privacy parts are made by hand.
 */
final class ReportFixture {
  static final String PARENT = "customers";
  static final String CHILD = "orders <&\"returns\">";
  static final String TIER = "tier <&\"x\">";

  private ReportFixture() {}

  static Schema schema() {
    Table customers =
        new Table(
                PARENT,
                Optional.empty(),
                List.of(
                    Column.of("id", DataType.INTEGER, false),
                    Column.of(TIER, DataType.STRING, true),
                    Column.of("signup", DataType.DATE, false),
                    Column.of("balance", DataType.FLOAT, true)),
                List.of("id"),
                List.of(),
                List.of(),
                0)
            .withKeyKinds();
    Table orders =
        new Table(
                CHILD,
                Optional.empty(),
                List.of(
                    Column.of("id", DataType.INTEGER, false),
                    Column.of("customer_id", DataType.INTEGER, false),
                    Column.of("amount", DataType.DECIMAL, false),
                    Column.of("status", DataType.STRING, false),
                    Column.of("placed_at", DataType.TIMESTAMP, false)),
                List.of("id"),
                List.of(),
                List.of(
                    new ForeignKey(
                        "fk_orders_customer",
                        List.of("customer_id"),
                        PARENT,
                        List.of("id"),
                        false)),
                0)
            .withKeyKinds();
    return new Schema(List.of(customers, orders));
  }

  /** Real rows, and synthetic rows drifted a little in every column. */
  static EvaluationData data() {
    Schema schema = schema();
    return EvaluationData.of(
        schema,
        Map.of(PARENT, customers(1, 0), CHILD, orders(2, 0)),
        Map.of(PARENT, customers(3, 0.15), CHILD, orders(4, 0.15)),
        Map.of(),
        42);
  }

  private static TableData customers(long seed, double drift) {
    SplittableRandom rng = new SplittableRandom(seed);
    String[] tiers = {"gold", "silver", "bronze", "<b>&amp;\"vip\"</b>"};
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String tier =
          rng.nextDouble() < 0.05
              ? null
              : tiers[rng.nextDouble() < drift ? 0 : rng.nextInt(tiers.length)];
      LocalDate signup =
          LocalDate.of(2020, 1, 1).plusDays(rng.nextInt(1500) + (long) (drift * 200));
      Double balance =
          rng.nextDouble() < 0.1
              ? null
              : Math.round((1000 + 400 * rng.nextGaussian() + drift * 500) * 100) / 100.0;
      rows.add(new Object[] {(long) i, tier, signup, balance});
    }
    return TableData.of(List.of("id", TIER, "signup", "balance"), rows);
  }

  private static TableData orders(long seed, double drift) {
    SplittableRandom rng = new SplittableRandom(seed);
    String[] statuses = {"new", "paid", "shipped", "returned", "cancelled"};
    List<Object[]> rows = new ArrayList<>();
    long id = 0;
    for (long customer = 0; customer < 200; customer++) {
      int children = (int) Math.floor(-Math.log(1 - rng.nextDouble()) * (3 + drift * 4));
      for (int k = 0; k < children; k++) {
        double amount = Math.exp(3 + rng.nextGaussian() * (0.6 + drift));
        String status =
            statuses[
                Math.min(
                    statuses.length - 1,
                    (int) Math.floor(Math.abs(rng.nextGaussian()) * 1.5 + drift * 2))];
        LocalDateTime placed =
            LocalDateTime.of(2023, 1, 1, 0, 0).plusSeconds(rng.nextLong(365L * 86_400));
        rows.add(
            new Object[] {
              id++, customer, BigDecimal.valueOf(Math.round(amount * 100), 2), status, placed
            });
      }
    }
    return TableData.of(List.of("id", "customer_id", "amount", "status", "placed_at"), rows);
  }

  static QualityReport.Summary summary() {
    return new QualityReport.Summary(
        OptionalDouble.of(0.9125),
        OptionalDouble.of(0.8),
        OptionalDouble.of(0.75),
        OptionalDouble.of(0.7),
        OptionalDouble.of(0.6),
        OptionalDouble.of(0.75),
        OptionalDouble.empty(),
        OptionalDouble.of(0.95),
        0.8,
        "A");
  }

  static QualityReport report() {
    EvaluationData data = data();
    FidelityReport fidelity = Fidelity.evaluate(data);
    DetectionReport detection =
        new DetectionReport(
            List.of(
                new DetectionReport.TableDetection(PARENT, "rows", 200, 0.61, 0.66, 0.68),
                new DetectionReport.TableDetection(CHILD, "rows", 550, 0.72, 0.81, 0.38),
                new DetectionReport.TableDetection(
                    PARENT, "aggregated", 200, 0.58, Double.NaN, 0.84)),
            5);
    UtilityReport utility =
        new UtilityReport(
            CHILD,
            "status",
            "classification",
            440,
            110,
            List.of(
                new UtilityReport.ModelResult(
                    "random_forest", "TRTR", 0.71, 0.66, 0.83, Double.NaN, Double.NaN),
                new UtilityReport.ModelResult(
                    "random_forest", "TSTR", 0.64, 0.58, 0.77, Double.NaN, Double.NaN),
                new UtilityReport.ModelResult(
                    "random_forest", "TRTS", 0.69, 0.61, 0.80, Double.NaN, Double.NaN),
                new UtilityReport.ModelResult(
                    "logistic_regression", "TRTR", 0.62, 0.55, 0.74, Double.NaN, Double.NaN),
                new UtilityReport.ModelResult(
                    "logistic_regression", "TSTR", 0.60, 0.52, 0.71, Double.NaN, Double.NaN)),
            0.93);
    List<Integer> dcrSynthetic =
        List.of(3, 8, 15, 22, 30, 28, 25, 19, 14, 10, 8, 6, 4, 3, 2, 1, 1, 0, 1, 0);
    List<Integer> dcrHoldout =
        List.of(2, 7, 14, 24, 31, 29, 24, 20, 15, 9, 8, 6, 5, 2, 2, 1, 0, 1, 0, 0);
    PrivacyReport privacy =
        new PrivacyReport(
            List.of(
                new PrivacyReport.TablePrivacy(
                    PARENT,
                    200,
                    160,
                    40,
                    0.0,
                    OptionalDouble.of(0.0),
                    OptionalDouble.of(0.53),
                    0.91,
                    OptionalDouble.of(0.52),
                    List.of(new PrivacyReport.AttributeInference("balance", 0.21, 0.18, 0.0366)),
                    0.8,
                    dcrSynthetic,
                    Optional.of(dcrHoldout),
                    0.95),
                new PrivacyReport.TablePrivacy(
                    CHILD,
                    550,
                    440,
                    0,
                    0.004,
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    0.88,
                    OptionalDouble.empty(),
                    List.of(),
                    1.2,
                    dcrSynthetic,
                    Optional.empty(),
                    0.996)));
    QualityReport.Visuals visuals = VisualsBuilder.build(data, fidelity);
    Map<String, Long> rows =
        Map.of(PARENT, data.real(PARENT).totalRows(), CHILD, data.real(CHILD).totalRows());
    QualityReport.Sampling sampling =
        new QualityReport.Sampling(50_000, 42, false, rows, rows, false);
    return new QualityReport(
        summary(),
        fidelity,
        detection,
        Optional.of(utility),
        privacy,
        visuals,
        sampling,
        List.of(
            "Check the kind of "
                + CHILD
                + ".amount: a numeric code is often better modelled as categorical.",
            "No holdout data was given."));
  }
}
