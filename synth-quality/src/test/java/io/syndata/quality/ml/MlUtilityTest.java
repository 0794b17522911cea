package io.syndata.quality.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.quality.EvaluationData;
import io.syndata.quality.TableData;
import io.syndata.quality.UtilityReport;
import io.syndata.quality.UtilityReport.ModelResult;
import io.syndata.schema.SynthException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MlUtilityTest {

  @Test
  void syntheticRowsFollowingTheLawPredictRealOnes() {
    EvaluationData data =
        Fixtures.single(
            Fixtures.rows(1000, 1, Fixtures::linear),
            Fixtures.rows(1000, 2, Fixtures::linear),
            Optional.of(Fixtures.rows(400, 3, Fixtures::linear)));
    UtilityReport report = MlUtility.evaluate(data, "t.y", 5).orElseThrow();
    assertThat(report.task()).isEqualTo("regression");
    assertThat(report.trainRows()).isEqualTo(1000);
    assertThat(report.testRows()).isEqualTo(400);
    assertThat(report.results()).hasSize(9);
    assertThat(result(report, "linear_regression", "TRTR").r2()).isGreaterThan(0.99);
    assertThat(result(report, "linear_regression", "TSTR").r2()).isGreaterThan(0.99);
    assertThat(result(report, "gradient_boosting", "TSTR").r2()).isGreaterThan(0.9);
    assertThat(result(report, "random_forest", "TSTR").r2()).isGreaterThan(0.9);
    assertThat(result(report, "linear_regression", "TRTS").mae()).isLessThan(0.2);
    assertThat(result(report, "linear_regression", "TRTR").accuracy()).isNaN();
    assertThat(report.score()).isGreaterThan(0.9);
  }

  @Test
  void shuffledSyntheticTargetPredictsNothing() {
    TableData synthetic = Fixtures.rows(1000, 2, Fixtures::linear);
    List<Object[]> rows = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(9);
    for (int i = 0; i < synthetic.size(); i++) {
      Object[] row = synthetic.row(i).clone();
      row[2] = Fixtures.linear(rng, i)[2];
      rows.add(row);
    }
    EvaluationData data =
        Fixtures.single(
            Fixtures.rows(1000, 1, Fixtures::linear),
            TableData.of(Fixtures.COLUMNS, rows),
            Optional.of(Fixtures.rows(400, 3, Fixtures::linear)));
    UtilityReport report = MlUtility.evaluate(data, "t.y", 5).orElseThrow();
    assertThat(result(report, "linear_regression", "TRTR").r2()).isGreaterThan(0.99);
    assertThat(result(report, "linear_regression", "TSTR").r2()).isLessThan(0.2);
    assertThat(report.score()).isLessThan(0.3);
  }

  @Test
  void separableClassesAreLearnedAlmostPerfectly() {
    EvaluationData data = Fixtures.single(separable(1000, 1), separable(1000, 2), Optional.empty());
    UtilityReport report = MlUtility.evaluate(data, "t.c", 5).orElseThrow();
    assertThat(report.task()).isEqualTo("classification");
    // No holdout: a 30 % split of the real sample is the test set.
    assertThat(report.testRows()).isEqualTo(300);
    assertThat(report.trainRows()).isEqualTo(700);
    for (String model : List.of("random_forest", "logistic_regression", "gradient_boosting")) {
      for (String scenario : List.of("TRTR", "TSTR", "TRTS")) {
        ModelResult r = result(report, model, scenario);
        assertThat(r.accuracy()).as(model + " " + scenario).isGreaterThan(0.95);
        assertThat(r.f1()).as(model + " " + scenario).isGreaterThan(0.9);
        assertThat(r.rocAuc()).as(model + " " + scenario).isGreaterThan(0.97);
        assertThat(r.r2()).isNaN();
      }
    }
    assertThat(report.score()).isGreaterThan(0.97);
  }

  @Test
  void unseenCategoriesInTheTestSetDoNotCrash() {
    // The holdout's c takes values never seen in training, and its target a class never seen.
    TableData holdout =
        Fixtures.rows(
            200,
            3,
            (rng, id) -> {
              Object[] row = Fixtures.linear(rng, id);
              row[3] = "new" + id % 4;
              return row;
            });
    EvaluationData data =
        Fixtures.single(
            Fixtures.rows(600, 1, Fixtures::linear),
            Fixtures.rows(600, 2, Fixtures::linear),
            Optional.of(holdout));
    assertThat(MlUtility.evaluate(data, "t.y", 5)).isPresent();
    UtilityReport classification = MlUtility.evaluate(data, "t.c", 5).orElseThrow();
    assertThat(classification.results())
        .allSatisfy(r -> assertThat(r.accuracy()).isBetween(0.0, 1.0));
  }

  @Test
  void multiClassMetricsAreMacroAverages() {
    // Three classes, perfectly predicted except one row of class 2 predicted as 0.
    double[][] p = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0.6, 0, 0.4}};
    int[] y = {0, 1, 2, 2};
    double[] m = MlUtility.classificationMetrics(p, y, 3, -1);
    assertThat(m[0]).isEqualTo(0.75);
    // F1: class 0 = 2/3, class 1 = 1, class 2 = 2/3
    assertThat(m[1])
        .isCloseTo((2.0 / 3 + 1 + 2.0 / 3) / 3, org.assertj.core.api.Assertions.within(1e-12));
    // AUC: class 0 = 1 (scores 1, 0.6 vs 0, 0), class 1 = 1, class 2 = 1 (0.4 and 1 vs 0, 0)
    assertThat(m[2]).isEqualTo(1.0);
  }

  @Test
  void sameDataAndSeedGiveTheSameReport() {
    EvaluationData data = Fixtures.single(separable(500, 1), separable(500, 2), Optional.empty());
    assertThat(MlUtility.evaluate(data, "t.c", 5)).isEqualTo(MlUtility.evaluate(data, "t.c", 5));
  }

  @Test
  void rejectsUnknownAndUnlearnedTargets() {
    EvaluationData data =
        Fixtures.single(
            Fixtures.rows(50, 1, Fixtures::linear),
            Fixtures.rows(50, 2, Fixtures::linear),
            Optional.empty());
    assertThatThrownBy(() -> MlUtility.evaluate(data, "t.nope", 1))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("nope");
    assertThatThrownBy(() -> MlUtility.evaluate(data, "u.y", 1))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("no table u");
    assertThatThrownBy(() -> MlUtility.evaluate(data, "t.id", 1))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("key");
    assertThatThrownBy(() -> MlUtility.evaluate(data, "y", 1))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("table.column");
  }

  /** c is "hi" when x > 0, else "lo"; y is noise. */
  private static TableData separable(int n, long seed) {
    return Fixtures.rows(
        n,
        seed,
        (rng, id) -> {
          double x = Fixtures.gaussian(rng);
          return new Object[] {id, x, Fixtures.gaussian(rng), x > 0 ? "hi" : "lo"};
        });
  }

  private static ModelResult result(UtilityReport report, String model, String scenario) {
    return report.results().stream()
        .filter(r -> r.model().equals(model) && r.scenario().equals(scenario))
        .findFirst()
        .orElseThrow();
  }
}
