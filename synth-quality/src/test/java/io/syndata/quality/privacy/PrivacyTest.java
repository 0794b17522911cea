package io.syndata.quality.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.syndata.quality.EvaluationData;
import io.syndata.quality.PrivacyReport;
import io.syndata.quality.PrivacyReport.AttributeInference;
import io.syndata.quality.PrivacyReport.TablePrivacy;
import io.syndata.quality.TableData;
import io.syndata.schema.Column;
import io.syndata.schema.ColumnKind;
import io.syndata.schema.DataType;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class PrivacyTest {
  private static final List<String> COLUMNS = List.of("id", "x", "y", "c", "s");

  @Test
  void copiedTrainingRowsAreFlaggedEverywhere() {
    TableData training = rows(1000, 1, PrivacyTest::person);
    EvaluationData data = data(training, copy(training), rows(1000, 2, PrivacyTest::person));
    TablePrivacy t = Privacy.evaluate(data, List.of("t.s", "t.y"), 7).tables().get(0);
    assertThat(t.exactMatchShare()).isEqualTo(1.0);
    assertThat(t.closerToTrainingShare().getAsDouble()).isGreaterThan(0.95);
    assertThat(t.membershipAuc().getAsDouble()).isGreaterThan(0.9);
    assertThat(t.nndrMedian()).isLessThan(0.05);
    assertThat(t.dcrSynthetic().get(0)).isEqualTo(1000);
    assertThat(t.score()).isLessThan(0.1);
    assertThat(t.attributeInference())
        .extracting(AttributeInference::column)
        .containsExactly("s", "y");
    assertThat(t.attributeInference()).allSatisfy(a -> assertThat(a.risk()).isGreaterThan(0.8));
  }

  @Test
  void independentDrawsLookLikeHoldoutRows() {
    EvaluationData data =
        data(
            rows(1000, 1, PrivacyTest::person),
            rows(1000, 3, PrivacyTest::person),
            rows(1000, 2, PrivacyTest::person));
    PrivacyReport report = Privacy.evaluate(data, List.of("t.s"), 7);
    TablePrivacy t = report.tables().get(0);
    assertThat(t.syntheticRows()).isEqualTo(1000);
    assertThat(t.trainingRows()).isEqualTo(1000);
    assertThat(t.holdoutRows()).isEqualTo(1000);
    assertThat(t.exactMatchShare()).isZero();
    assertThat(t.closerToTrainingShare().getAsDouble()).isCloseTo(0.5, within(0.06));
    assertThat(t.membershipAuc().getAsDouble()).isCloseTo(0.5, within(0.06));
    assertThat(t.nndrMedian()).isGreaterThan(0.5);
    assertThat(t.score()).isGreaterThan(0.85);
    // s is independent noise: knowing the other columns does not help guess it.
    assertThat(t.attributeInference().get(0).risk()).isLessThan(0.1);
    assertThat(t.dcrSynthetic().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1000);
    assertThat(t.dcrHoldout().orElseThrow().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(1000);
  }

  @Test
  void withoutHoldoutOnlyTheDistanceFiguresAreReported() {
    TableData training = rows(300, 1, PrivacyTest::person);
    EvaluationData data =
        EvaluationData.of(
            new Schema(List.of(table())),
            Map.of("t", training),
            Map.of("t", rows(300, 2, PrivacyTest::person)),
            Map.of(),
            42);
    TablePrivacy t = Privacy.evaluate(data, List.of(), 7).tables().get(0);
    assertThat(t.closerToTrainingShare()).isEmpty();
    assertThat(t.membershipAuc()).isEmpty();
    assertThat(t.dcrHoldout()).isEmpty();
    assertThat(t.holdoutRows()).isZero();
    assertThat(t.score()).isEqualTo(1 - t.exactMatchShare());
  }

  @Test
  void sameDataAndSeedGiveTheSameReport() {
    EvaluationData data =
        data(
            rows(500, 1, PrivacyTest::person),
            rows(500, 3, PrivacyTest::person),
            rows(500, 2, PrivacyTest::person));
    assertThat(Privacy.evaluate(data, List.of("t.s"), 7))
        .isEqualTo(Privacy.evaluate(data, List.of("t.s"), 7));
  }

  @Test
  void gowerDistanceAveragesScaledNumbersAndCategoryMismatches() {
    // x ranges over [0, 10]; c differs; nulls equal only to nulls.
    List<Object[]> real =
        List.of(new Object[] {1L, 0.0, 0.0, "a", 0.0}, new Object[] {2L, 10.0, 0.0, "b", 0.0});
    TableData training = TableData.of(COLUMNS, real);
    TableData query =
        TableData.of(COLUMNS, List.<Object[]>of(new Object[] {3L, 4.0, 0.0, "b", null}));
    List<Column> columns = table().columns().subList(1, 5);
    Gower g = Gower.fit(columns, training);
    Gower.Neighbours n =
        g.nearest(g.encode(query, new int[] {0}), g.encode(training, new int[] {0, 1}), true);
    // to row 1: (0.4 + 0 + 1 + 1) / 4 = 0.6; to row 2: (0.6 + 0 + 0 + 1) / 4 = 0.4
    assertThat(n.index()[0]).isEqualTo(1);
    assertThat(n.first()[0]).isCloseTo(0.4, within(1e-12));
    assertThat(n.second()[0]).isCloseTo(0.6, within(1e-12));
  }

  @Test
  void scoreAndHistogramFollowTheirDefinitions() {
    assertThat(
            Privacy.score(
                0.2, OptionalDouble.empty(), OptionalDouble.of(0.75), OptionalDouble.of(0.6)))
        .isCloseTo((0.8 + 0.5 + 0.8) / 3, within(1e-12));
    assertThat(Privacy.histogram(new double[] {0, 0.5, 1.0, 1.0}, 1.0))
        .hasSize(20)
        .startsWith(1)
        .endsWith(2);
  }

  @Test
  void rejectsUnknownOrUnlearnedSensitiveColumns() {
    EvaluationData data =
        data(
            rows(50, 1, PrivacyTest::person),
            rows(50, 3, PrivacyTest::person),
            rows(50, 2, PrivacyTest::person));
    assertThatThrownBy(() -> Privacy.evaluate(data, List.of("t.nope"), 1))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("nope");
    assertThatThrownBy(() -> Privacy.evaluate(data, List.of("u.s"), 1))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("no table u");
    assertThatThrownBy(() -> Privacy.evaluate(data, List.of("t.id"), 1))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("t.id");
  }

  /** x ~ N(0, 1), y = x + small noise, c from x's sign and a coin, s an independent category. */
  private static Object[] person(SplittableRandom rng, long id) {
    double x = rng.nextDouble() * 4 - 2;
    String c = (x > 0 ? "p" : "n") + rng.nextInt(3);
    return new Object[] {id, x, x + rng.nextDouble() * 0.2, c, "s" + rng.nextInt(4)};
  }

  private static Table table() {
    return new Table(
        "t",
        Optional.empty(),
        List.of(
            Column.of("id", DataType.INTEGER, false).withKind(ColumnKind.ID, Optional.empty()),
            Column.of("x", DataType.FLOAT, true).withKind(ColumnKind.NUMERIC, Optional.empty()),
            Column.of("y", DataType.FLOAT, true).withKind(ColumnKind.NUMERIC, Optional.empty()),
            Column.of("c", DataType.STRING, true)
                .withKind(ColumnKind.CATEGORICAL, Optional.empty()),
            Column.of("s", DataType.STRING, true)
                .withKind(ColumnKind.CATEGORICAL, Optional.empty())),
        List.of("id"),
        List.of(),
        List.of(),
        0);
  }

  private static EvaluationData data(TableData training, TableData synthetic, TableData holdout) {
    return EvaluationData.of(
        new Schema(List.of(table())),
        Map.of("t", training),
        Map.of("t", synthetic),
        Map.of("t", holdout),
        42);
  }

  private static TableData rows(
      int n, long seed, BiFunction<SplittableRandom, Long, Object[]> row) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Object[]> rows = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      rows.add(row.apply(rng, i));
    }
    return TableData.of(COLUMNS, rows);
  }

  /** The same rows under new ids, as a generator that memorised its input would emit them. */
  private static TableData copy(TableData training) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < training.size(); i++) {
      Object[] row = training.row(i).clone();
      row[0] = 100_000L + i;
      rows.add(row);
    }
    return TableData.of(COLUMNS, rows);
  }
}
