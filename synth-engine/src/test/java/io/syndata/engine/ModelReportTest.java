package io.syndata.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syndata.data.RowBatch;
import io.syndata.model.LearnedStatistics;
import io.syndata.model.fit.CategoricalMarginal;
import io.syndata.model.fit.Codec;
import io.syndata.model.fit.Marginal;
import io.syndata.model.fit.NumericMarginal;
import io.syndata.schema.DataType;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.SplittableRandom;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelReportTest {
  @TempDir Path dir;

  private static JdbcDataSource people() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:model_report;DB_CLOSE_DELAY=-1");
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP ALL OBJECTS");
      s.execute(
          "CREATE TABLE people (id INT PRIMARY KEY, country VARCHAR(2) NOT NULL, age INT,"
              + " income DOUBLE NOT NULL)");
      try (PreparedStatement p = c.prepareStatement("INSERT INTO people VALUES (?, ?, ?, ?)")) {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 1; i <= 1200; i++) {
          int age = 18 + random.nextInt(60);
          p.setInt(1, i);
          p.setString(2, i % 3 == 0 ? "DE" : "FR");
          if (i % 10 == 0) {
            p.setNull(3, java.sql.Types.INTEGER);
          } else {
            p.setInt(3, age);
          }
          p.setDouble(4, age * 1000 + random.nextGaussian() * 4000);
          p.addBatch();
        }
        p.executeBatch();
      }
    }
    return ds;
  }

  @Test
  void aRunFromAModelFileWritesItsReportMeasuredAgainstTheModel() throws Exception {
    Path file = dir.resolve("people.synth");
    try (Model model = SynData.from(people()).seed(5).fit()) {
      model.save(file);
    }
    Path out = dir.resolve("out");
    try (Model loaded = SynData.load(file)) {
      loaded.generate().scale(5).seed(9).report(out).to(out);
    }
    JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    assertThat(report.get("kind").asText()).isEqualTo("model-statistics");
    assertThat(report.get("model_kind").asText()).isEqualTo("auto");
    JsonNode people = report.get("tables").get(0);
    assertThat(people.get("table").asText()).isEqualTo("PEOPLE");
    assertThat(people.get("source_rows").asLong()).isEqualTo(1200);
    assertThat(people.get("written_rows").asLong()).isEqualTo(6000);
    assertThat(people.get("measured").asBoolean()).isTrue();

    // An independent count from the written file: with two categories the total variation
    // distance is the gap between the shares of one of them, and the model learned 400 of 1200.
    long de = 0;
    long rows = 0;
    try (BufferedReader r = Files.newBufferedReader(out.resolve("PEOPLE.csv"))) {
      List<String> header = List.of(r.readLine().split(","));
      int country = header.indexOf("COUNTRY");
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        rows++;
        de += line.split(",")[country].equals("\"DE\"") ? 1 : 0;
      }
    }
    assertThat(rows).isEqualTo(6000);
    JsonNode countryResult = column(people, "COUNTRY");
    assertThat(countryResult.get("measure").asText()).isEqualTo("TVD");
    assertThat(countryResult.get("distance").asDouble())
        .isCloseTo(Math.abs(de / 6000.0 - 400 / 1200.0), within(1e-9));

    JsonNode age = column(people, "AGE");
    assertThat(age.get("measure").asText()).isEqualTo("KS");
    assertThat(age.get("model_nulls").asDouble()).isCloseTo(0.1, within(1e-9));
    assertThat(age.get("synthetic_nulls").asDouble()).isCloseTo(0.1, within(0.03));
    assertThat(age.get("score").asDouble()).isGreaterThan(0.9);
    assertThat(column(people, "INCOME").get("score").asDouble()).isGreaterThan(0.9);
    assertThat(people.get("pairs").asInt()).isEqualTo(3);
    assertThat(people.get("mean_correlation_difference").asDouble()).isLessThan(0.1);
    assertThat(report.get("summary").get("column_shapes").asDouble()).isGreaterThan(0.9);
    assertThat(Files.readString(out.resolve("report.html")))
        .contains("<h2>PEOPLE</h2>")
        .contains("6000 rows written; the source had 1200.");
  }

  private static JsonNode column(JsonNode table, String name) {
    for (JsonNode c : table.get("columns")) {
      if (c.get("column").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no column " + name + " in " + table);
  }

  @Test
  void rowsUnlikeTheModelScoreLow() {
    double[] quantiles = new double[101];
    for (int k = 0; k <= 100; k++) {
      quantiles[k] = k;
    }
    Marginal x = new NumericMarginal(new Codec(DataType.FLOAT, -1, 0, 1), 0, quantiles, null);
    Marginal y = new NumericMarginal(new Codec(DataType.FLOAT, -1, 0, 1), 0, quantiles, null);
    Marginal colour =
        new CategoricalMarginal(new Object[] {"blue", "red"}, new double[] {0.5, 1.0});
    LearnedStatistics learned =
        new LearnedStatistics(
            List.of("x", "y", "colour"),
            List.of(x, y, colour),
            new double[][] {{1, 0.9, 0}, {0.9, 1, 0}, {0, 0, 1}});
    TableTally tally = new TableTally("t", 100, learned);
    SplittableRandom random = new SplittableRandom(1);
    int n = 20_000;
    Object[][] values = new Object[3][n];
    for (int r = 0; r < n; r++) {
      values[0][r] = random.nextDouble() * 50; // only the lower half of the learned range
      values[1][r] = random.nextDouble() * 100; // independent of x, where 0.9 was learned
      values[2][r] = r % 10 == 0 ? "green" : "red"; // a colour the model never had
    }
    tally.add(new RowBatch("t", List.of("x", "y", "colour"), values, n));
    ModelReport.TableResult result = tally.result();
    assertThat(result.columns().get(0).distance()).isCloseTo(0.5, within(0.02));
    assertThat(result.columns().get(1).distance()).isLessThan(0.02);
    ModelReport.ColumnResult c = result.columns().get(2);
    assertThat(c.unseen()).isEqualTo(n / 10);
    // blue: 0.5 learned, none generated; red: 0.5 against 0.9; green: 0.1 unseen.
    assertThat(c.distance()).isCloseTo((0.5 + 0.4 + 0.1) / 2, within(1e-9));
    assertThat(result.worstPair()).isEqualTo("x ~ y");
    assertThat(result.worstCorrelationDifference()).isCloseTo(0.9, within(0.05));
  }
}
