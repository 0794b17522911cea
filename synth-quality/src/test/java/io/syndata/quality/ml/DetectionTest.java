package io.syndata.quality.ml;

import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.quality.DetectionReport;
import io.syndata.quality.DetectionReport.TableDetection;
import io.syndata.quality.EvaluationData;
import io.syndata.quality.TableData;
import io.syndata.schema.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DetectionTest {

  @Test
  void rowsFromTheSameDistributionCannotBeToldApart() {
    EvaluationData data =
        Fixtures.single(
            Fixtures.rows(1500, 1, Fixtures::linear),
            Fixtures.rows(1500, 2, Fixtures::linear),
            Optional.empty());
    DetectionReport report = Detection.evaluate(data, 7);
    assertThat(report.tables()).hasSize(1);
    TableDetection t = report.tables().get(0);
    assertThat(t.variant()).isEqualTo("rows");
    assertThat(t.rowsPerSide()).isEqualTo(1500);
    assertThat(t.logisticAuc()).isBetween(0.4, 0.6);
    assertThat(t.boostedTreesAuc()).isBetween(0.4, 0.6);
    assertThat(t.score()).isGreaterThan(0.8);
  }

  @Test
  void identicalRowsScoreNearOne() {
    TableData real = Fixtures.rows(1000, 1, Fixtures::linear);
    DetectionReport report =
        Detection.evaluate(
            Fixtures.single(real, Fixtures.rows(1000, 1, Fixtures::linear), Optional.empty()), 7);
    assertThat(report.tables().get(0).score()).isGreaterThan(0.85);
  }

  @Test
  void aShiftedColumnIsDetected() {
    TableData real = Fixtures.rows(1500, 1, Fixtures::linear);
    TableData shifted =
        Fixtures.rows(
            1500,
            2,
            (rng, id) -> {
              Object[] row = Fixtures.linear(rng, id);
              row[1] = (Double) row[1] + 3;
              return row;
            });
    TableDetection t =
        Detection.evaluate(Fixtures.single(real, shifted, Optional.empty()), 7).tables().get(0);
    assertThat(Math.max(t.logisticAuc(), t.boostedTreesAuc())).isGreaterThan(0.95);
    assertThat(t.score()).isLessThan(0.1);
  }

  @Test
  void sameDataAndSeedGiveTheSameReport() {
    EvaluationData data =
        Fixtures.single(
            Fixtures.rows(800, 1, Fixtures::linear),
            Fixtures.rows(800, 2, Fixtures::linear),
            Optional.empty());
    assertThat(Detection.evaluate(data, 3)).isEqualTo(Detection.evaluate(data, 3));
  }

  @Test
  void aggregatedVariantCatchesWrongChildCounts() {
    // Each parent has 1 or 2 children in the real data; the synthetic data gives it 4 or 5,
    // while every column taken alone has the same distribution.
    Schema schema = new Schema(List.of(Fixtures.parent(), Fixtures.child()));
    EvaluationData data =
        EvaluationData.of(
            schema,
            Map.of("p", parents(600, 1), "k", children(600, 1, 1)),
            Map.of("p", parents(600, 2), "k", children(600, 2, 4)),
            Map.of(),
            42);
    DetectionReport report = Detection.evaluate(data, 7);
    TableDetection rows = find(report, "p", "rows");
    TableDetection aggregated = find(report, "p", "aggregated");
    assertThat(rows.score()).isGreaterThan(0.8);
    assertThat(aggregated.score()).isLessThan(0.1);
    assertThat(report.tables()).extracting(TableDetection::table).containsExactly("p", "p", "k");
  }

  @Test
  void stratifiedFoldsKeepClassShares() {
    int[] y = new int[90];
    Arrays.fill(y, 60, 90, 1);
    int[] fold = Detection.stratifiedFolds(y, 3, new SplittableRandom(1));
    for (int f = 0; f < 3; f++) {
      int zeros = 0;
      int ones = 0;
      for (int i = 0; i < y.length; i++) {
        if (fold[i] == f) {
          zeros += y[i] == 0 ? 1 : 0;
          ones += y[i];
        }
      }
      assertThat(zeros).isEqualTo(20);
      assertThat(ones).isEqualTo(10);
    }
  }

  private static TableDetection find(DetectionReport report, String table, String variant) {
    return report.tables().stream()
        .filter(t -> t.table().equals(table) && t.variant().equals(variant))
        .findFirst()
        .orElseThrow();
  }

  private static TableData parents(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Object[]> rows = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      rows.add(new Object[] {i, Fixtures.gaussian(rng)});
    }
    return TableData.of(List.of("id", "a"), rows);
  }

  private static TableData children(int parents, long seed, int base) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Object[]> rows = new ArrayList<>();
    long id = 0;
    for (long p = 0; p < parents; p++) {
      int count = base + rng.nextInt(2);
      for (int c = 0; c < count; c++) {
        rows.add(new Object[] {id++, p, Fixtures.gaussian(rng)});
      }
    }
    return TableData.of(List.of("id", "p_id", "v"), rows);
  }
}
