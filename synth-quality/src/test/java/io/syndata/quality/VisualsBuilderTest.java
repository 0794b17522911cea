package io.syndata.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VisualsBuilderTest {

  @Test
  void numericColumnsGetTwentyBinsOfTheRealRangeAndANullBin() {
    Column c = Column.of("x", DataType.INTEGER, true);
    Object[] real = {0L, 10L, 20L, 100L, null};
    Object[] synthetic = {0L, 0L, 150L, -5L};
    QualityReport.ColumnDistribution d = VisualsBuilder.distribution("t", c, real, synthetic, 0.5);
    assertThat(d.labels()).hasSize(21).startsWith("0", "5", "10").endsWith("95", "(null)");
    assertThat(d.real().get(0)).isEqualTo(0.2);
    assertThat(d.real().get(4)).isEqualTo(0.2);
    assertThat(d.real().get(19)).isEqualTo(0.2);
    assertThat(d.real().get(20)).isEqualTo(0.2);
    // out-of-range synthetic values fall in the end bins
    assertThat(d.synthetic().get(0)).isEqualTo(0.75);
    assertThat(d.synthetic().get(19)).isEqualTo(0.25);
    assertThat(d.synthetic().get(20)).isEqualTo(0.0);
    assertThat(d.kind()).isEqualTo("numeric");
    assertThat(d.score()).isEqualTo(0.5);
  }

  @Test
  void dateBinsAreLabelledWithIsoDates() {
    Column c = Column.of("d", DataType.DATE, false);
    Object[] real = {LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 21)};
    QualityReport.ColumnDistribution d = VisualsBuilder.distribution("t", c, real, real, 1);
    assertThat(d.labels()).hasSize(20).startsWith("2024-01-01", "2024-01-05");
    assertThat(d.kind()).isEqualTo("datetime");
  }

  @Test
  void timeLabelsAreNoFinerThanTheBins() {
    double day = 86_400;
    double edge =
        java.time.LocalDateTime.of(2023, 5, 6, 7, 8, 9).toEpochSecond(java.time.ZoneOffset.UTC);
    assertThat(VisualsBuilder.edgeLabel(DataType.TIMESTAMP, edge, 3 * day)).isEqualTo("2023-05-06");
    assertThat(VisualsBuilder.edgeLabel(DataType.TIMESTAMP, edge, 3600))
        .isEqualTo("2023-05-06T07:08");
    assertThat(VisualsBuilder.edgeLabel(DataType.TIMESTAMP_TZ, edge, 10))
        .isEqualTo("2023-05-06T07:08:09Z");
    assertThat(VisualsBuilder.edgeLabel(DataType.TIME, 7 * 3600 + 8 * 60 + 9, 600))
        .isEqualTo("07:08");
    assertThat(VisualsBuilder.edgeLabel(DataType.DATE, 19_000.25, 0.5))
        .isEqualTo("2022-01-08T06:00");
  }

  @Test
  void numberLabelsCarryTheDigitsTheBinWidthNeeds() {
    assertThat(VisualsBuilder.number(0.123456, 0.01)).isEqualTo("0.123");
    assertThat(VisualsBuilder.number(1500, 50)).isEqualTo("1500");
    assertThat(VisualsBuilder.number(-0.00001, 5)).isEqualTo("0");
  }

  @Test
  void categoricalColumnsKeepTheTopRealCategoriesThenOtherAndNull() {
    Column c = Column.of("c", DataType.STRING, true);
    List<Object> real = new ArrayList<>();
    for (int k = 0; k < 25; k++) {
      for (int i = 0; i <= k; i++) {
        real.add("v" + k);
      }
    }
    real.add(null);
    Object[] synthetic = {"v24", "zzz", null, null};
    QualityReport.ColumnDistribution d =
        VisualsBuilder.distribution("t", c, real.toArray(), synthetic, 1);
    assertThat(d.labels()).hasSize(22).startsWith("v24", "v23").endsWith("v5", "(other)", "(null)");
    int n = real.size();
    assertThat(d.real().get(0)).isEqualTo(25.0 / n);
    assertThat(d.real().get(20)).isCloseTo(15.0 / n, within(1e-12));
    assertThat(d.synthetic()).startsWith(0.25).endsWith(0.25, 0.5);
    assertThat(d.real().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-9));
    assertThat(d.kind()).isEqualTo("categorical");
  }

  @Test
  void cramersVIsOneForAFunctionAndZeroForIndependence() {
    Object[] x = {"a", "a", "b", "b", "c", "c"};
    assertThat(VisualsBuilder.cramersV(x, new Object[] {1, 1, 2, 2, 3, 3}))
        .isCloseTo(1, within(1e-12));
    assertThat(
            VisualsBuilder.cramersV(new Object[] {"a", "a", "b", "b"}, new Object[] {1, 2, 1, 2}))
        .isEqualTo(0.0);
    assertThat(VisualsBuilder.cramersV(new Object[] {"a", "a"}, new Object[] {1, 2}))
        .isEqualTo(0.0);
  }

  @Test
  void buildsDistributionsMatricesAndChildrenPerParent() {
    Table parent =
        new Table(
                "p",
                Optional.empty(),
                List.of(
                    Column.of("id", DataType.INTEGER, false),
                    Column.of("size", DataType.FLOAT, false),
                    Column.of("colour", DataType.STRING, false)),
                List.of("id"),
                List.of(),
                List.of(),
                0)
            .withKeyKinds();
    Table child =
        new Table(
                "c",
                Optional.empty(),
                List.of(
                    Column.of("id", DataType.INTEGER, false),
                    Column.of("p_id", DataType.INTEGER, false)),
                List.of("id"),
                List.of(),
                List.of(new ForeignKey("fk", List.of("p_id"), "p", List.of("id"), false)),
                0)
            .withKeyKinds();
    Schema schema = new Schema(List.of(parent, child));
    List<Object[]> parents = new ArrayList<>();
    for (long i = 0; i < 4; i++) {
      parents.add(new Object[] {i, i * 1.5, i % 2 == 0 ? "red" : "blue"});
    }
    // parent 0: 0 children, 1: 1, 2: 2, 3: 12
    List<Object[]> children = new ArrayList<>();
    long id = 0;
    for (long p = 0; p < 4; p++) {
      for (int k = 0; k < (p == 3 ? 12 : p); k++) {
        children.add(new Object[] {id++, p});
      }
    }
    TableData pd = TableData.of(List.of("id", "size", "colour"), parents);
    TableData cd = TableData.of(List.of("id", "p_id"), children);
    EvaluationData data =
        EvaluationData.of(schema, Map.of("p", pd, "c", cd), Map.of("p", pd, "c", cd), Map.of(), 1);
    QualityReport.Visuals v = VisualsBuilder.build(data, Fidelity.evaluate(data));

    assertThat(v.columns())
        .extracting(QualityReport.ColumnDistribution::column)
        .containsExactly("size", "colour");
    assertThat(v.columns()).allSatisfy(d -> assertThat(d.score()).isEqualTo(1.0));
    assertThat(v.correlations()).hasSize(1);
    QualityReport.CorrelationMatrix m = v.correlations().get(0);
    assertThat(m.columns()).containsExactly("size", "colour");
    assertThat(m.real().get(0).get(0)).isEqualTo(1.0);
    assertThat(m.real().get(0).get(1))
        .isEqualTo(m.real().get(1).get(0))
        .isEqualTo(m.synthetic().get(0).get(1));
    assertThat(v.cardinality()).hasSize(1);
    QualityReport.CardinalityHistogram h = v.cardinality().get(0);
    assertThat(h.relation()).isEqualTo("c(p_id) -> p(id)");
    assertThat(h.labels()).hasSize(11).startsWith("0", "1").endsWith("9", "10+");
    assertThat(h.real()).containsExactly(0.25, 0.25, 0.25, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.25);
    assertThat(h.synthetic()).isEqualTo(h.real());
  }
}
