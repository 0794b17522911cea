package io.syndata.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A synthetic table a person would call fake — random letters as countries, 80 % more orders than
 * the source's — must score low on realism and cannot earn a good grade, however well its numbers
 * match; the same data with real-looking countries and the source's row counts keeps its grade.
 */
class RealismTest {
  static final String[] COUNTRIES = {
    "Germany",
    "France",
    "United States",
    "Brazil",
    "Canada",
    "United Kingdom",
    "Spain",
    "Portugal",
    "Czech Republic",
    "India",
    "Argentina",
    "Netherlands"
  };

  static Schema schema() {
    Table customers =
        new Table(
                "customers",
                Optional.empty(),
                List.of(
                    Column.of("id", DataType.INTEGER, false),
                    Column.of("country", DataType.STRING, false),
                    Column.of("spend", DataType.FLOAT, false)),
                List.of("id"),
                List.of(),
                List.of(),
                0)
            .withKeyKinds();
    Table orders =
        new Table(
                "orders",
                Optional.empty(),
                List.of(
                    Column.of("id", DataType.INTEGER, false),
                    Column.of("customer_id", DataType.INTEGER, false),
                    Column.of("amount", DataType.FLOAT, false)),
                List.of("id"),
                List.of(),
                List.of(
                    new ForeignKey(
                        "fk", List.of("customer_id"), "customers", List.of("id"), false)),
                0)
            .withKeyKinds();
    return new Schema(List.of(customers, orders));
  }

  /** Customers and their orders; countries real or random letters, orders per customer given. */
  static Map<String, TableData> data(long seed, boolean lettersForCountries, int ordersEach) {
    Random random = new Random(seed);
    List<Object[]> customers = new ArrayList<>();
    List<Object[]> orders = new ArrayList<>();
    long order = 0;
    for (long id = 0; id < 400; id++) {
      String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
      if (lettersForCountries) {
        StringBuilder letters = new StringBuilder();
        for (char ch : country.toCharArray()) {
          letters.append(
              Character.isUpperCase(ch)
                  ? (char) ('A' + random.nextInt(26))
                  : Character.isLetter(ch) ? (char) ('a' + random.nextInt(26)) : ch);
        }
        country = letters.toString();
      }
      customers.add(new Object[] {id, country, 100 + 50 * random.nextGaussian()});
      for (int k = 0; k < ordersEach + (id % 2 == 0 ? 1 : 0); k++) {
        orders.add(new Object[] {order++, id, 20 + 5 * random.nextGaussian()});
      }
    }
    return Map.of(
        "customers", TableData.of(List.of("id", "country", "spend"), customers),
        "orders", TableData.of(List.of("id", "customer_id", "amount"), orders));
  }

  static QualityReport report(Map<String, TableData> synthetic) {
    EvaluationData data = EvaluationData.of(schema(), data(1, false, 2), synthetic, Map.of(), 7);
    return QualityReports.evaluate(data, ReportOptions.defaults(7));
  }

  @Test
  void randomLettersAndDriftingRowCountsDropTheGrade() {
    QualityReport good = report(data(2, false, 2));
    QualityReport bad = report(data(3, true, 4));

    RealismReport.Plausibility realCountries = good.realism().columns().get(0);
    RealismReport.Plausibility letters = bad.realism().columns().get(0);
    assertThat(realCountries.column()).isEqualTo("country");
    assertThat(realCountries.score()).isGreaterThan(0.8);
    assertThat(letters.score()).isLessThan(0.45);

    // 1,000 real orders; 1,800 synthetic ones, while customers keep their count: +80 %.
    RealismReport.RowCount orders =
        bad.realism().tables().stream().filter(t -> t.table().equals("orders")).findFirst().get();
    assertThat(orders.realRows()).isEqualTo(1000);
    assertThat(orders.syntheticRows()).isEqualTo(1800);
    assertThat(orders.drift()).isCloseTo(0.8, within(1e-9));
    assertThat(orders.score()).isZero();
    assertThat(good.realism().rowCountScore().getAsDouble()).isEqualTo(1.0);

    assertThat(good.summary().overall()).isGreaterThan(bad.summary().overall() + 0.2);
    assertThat(bad.summary().overall()).isLessThanOrEqualTo(bad.realism().cap());
    assertThat(bad.summary().grade()).isIn("C", "F");
    assertThat(good.summary().grade()).isIn("A+", "A", "B+");
    assertThat(bad.recommendations())
        .anySatisfy(r -> assertThat(r).contains("customers.country", "looks unlike"))
        .anySatisfy(r -> assertThat(r).contains("Table orders has 1800 rows for 1000"));
  }

  @Test
  void aUniformScaleIsNoDrift() {
    // Twice the customers and twice the orders: the run was asked for scale 2.
    Map<String, TableData> doubled = data(4, false, 2);
    List<Object[]> customers = new ArrayList<>();
    List<Object[]> orders = new ArrayList<>();
    for (int copy = 0; copy < 2; copy++) {
      for (int r = 0; r < doubled.get("customers").size(); r++) {
        customers.add(doubled.get("customers").row(r));
      }
      for (int r = 0; r < doubled.get("orders").size(); r++) {
        orders.add(doubled.get("orders").row(r));
      }
    }
    RealismReport realism =
        Realism.evaluate(
            EvaluationData.of(
                schema(),
                data(1, false, 2),
                Map.of(
                    "customers", TableData.of(List.of("id", "country", "spend"), customers),
                    "orders", TableData.of(List.of("id", "customer_id", "amount"), orders)),
                Map.of(),
                7));
    assertThat(realism.tables()).allSatisfy(t -> assertThat(t.drift()).isCloseTo(0, within(1e-9)));
  }
}
