package io.syndata.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.data.Progress;
import io.syndata.data.SchemaFilter;
import io.syndata.model.FitOptions;
import io.syndata.model.GenerationOptions;
import io.syndata.model.OrphanPolicy;
import io.syndata.quality.FidelityReport;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every dataset of ../shared/datasets loaded into PostgreSQL with its keys (inferred from the CSV
 * files, and checked against the dataset README), then synthesized PostgreSQL to PostgreSQL.
 *
 * <p>Root tables get exactly the scaled row count; child tables keep the source's mean children per
 * parent row within four standard errors.
 *
 * <p>Fidelity thresholds: a Gaussian copula keeps each column's marginal almost exactly (its
 * quantile tables are the real ones), so column shapes below 0.85 mean a broken marginal, not a
 * weak model; pair trends depend on how far the data is from a copula and SDV's Gaussian copula
 * scores 0.75–0.9 on such data in published SDMetrics reports, so 0.70 is the floor; cardinality is
 * fitted directly (children per parent counts), so 0.80.
 */
class SharedDatasetsIT {
  private static final List<String[]> created = new ArrayList<>();

  @AfterAll
  static void dropDatabases() {
    for (String[] db : created) {
      TestServers.dropDatabase(db[0], db[1]);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "adult;",
        "cdnow;purchases.users_id->users.id",
        "berka;account.district_id->district.district_id,client.district_id->district.district_id,"
            + "disp.client_id->client.client_id,disp.account_id->account.account_id,loan.account_id->account.account_id,"
            + "order.account_id->account.account_id,card.disp_id->disp.disp_id",
        "baseball;batting.players_id->players.id,fielding.players_id->players.id"
      })
  void synthesizesTheDatasetDbToDbWithIntactKeysAndFidelity(
      String dataset, String expectedForeignKeys) throws SQLException {
    Path folder = TestServers.datasets().resolve(dataset);
    assertThat(Files.isDirectory(folder)).as("dataset folder %s", folder).isTrue();
    String server = TestServers.postgres();
    String real = TestServers.createDatabase(server, "synth_ds_" + dataset);
    String synthetic = TestServers.createDatabase(server, "synth_ds_" + dataset + "_syn");
    created.add(new String[] {server, real});
    created.add(new String[] {server, synthetic});

    SynData.copy(
        new SourceSpec(folder.toString(), Optional.empty(), SchemaFilter.ALL), real, Progress.NONE);
    Schema schema = SynData.introspect(SourceSpec.of(real), Progress.NONE);
    Set<String> foreignKeys = new TreeSet<>();
    for (Table t : schema.tables()) {
      for (ForeignKey fk : t.foreignKeys()) {
        foreignKeys.add(
            t.name()
                + "."
                + String.join(",", fk.columns())
                + "->"
                + fk.parentTable()
                + "."
                + String.join(",", fk.parentColumns()));
      }
    }
    Set<String> expected =
        expectedForeignKeys == null
            ? Set.of()
            : new TreeSet<>(List.of(expectedForeignKeys.split(",")));
    assertThat(foreignKeys).isEqualTo(expected);

    double scale = 1.0;
    RunReport report =
        SynData.generate(
            new GenerateRequest(
                SourceSpec.of(real),
                synthetic,
                new FitOptions(5, OrphanPolicy.FAIL, FitOptions.DEFAULT_MAX_FIT_ROWS),
                new GenerationOptions(scale, Map.of(), 5),
                true),
            Progress.NONE);

    try (Connection c = DriverManager.getConnection(synthetic);
        Statement s = c.createStatement()) {
      for (Table t : schema.tables()) {
        long rows = count(s, "SELECT COUNT(*) FROM \"" + t.name() + "\"");
        if (t.foreignKeys().isEmpty()) {
          assertThat(rows)
              .as("rows of root table %s", t.name())
              .isEqualTo(Math.round(t.rowCount() * scale));
        } else {
          // Children follow the learned children-per-parent counts, so a child table's size is a
          // sum
          // of sampled counts: its mean per parent must match the source's within four standard
          // errors (berka's 77 districts with 5 to 554 accounts each allow about ±30 %, a table
          // with
          // thousands of parents a few per cent).
          ForeignKey fk = t.foreignKeys().get(0);
          Table parent = schema.table(fk.parentTable());
          long parents = count(s, "SELECT COUNT(*) FROM \"" + parent.name() + "\"");
          double[] realCounts = childCounts(real, t, fk);
          double mean = java.util.Arrays.stream(realCounts).average().orElse(0);
          double sd =
              Math.sqrt(
                  java.util.Arrays.stream(realCounts)
                      .map(x -> (x - mean) * (x - mean))
                      .average()
                      .orElse(0));
          double tolerance = Math.max(0.02 * mean, 4 * sd / Math.sqrt(parents));
          assertThat(rows / (double) parents)
              .as("rows of %s per row of %s", t.name(), parent.name())
              .isBetween(mean - tolerance, mean + tolerance);
        }
        if (!t.primaryKey().isEmpty()) {
          String pk = "\"" + String.join("\", \"", t.primaryKey()) + "\"";
          assertThat(
                  count(
                      s,
                      "SELECT COUNT(*) FROM (SELECT "
                          + pk
                          + " FROM \""
                          + t.name()
                          + "\" GROUP BY "
                          + pk
                          + " HAVING COUNT(*) > 1) d"))
              .as("duplicate keys of %s", t.name())
              .isZero();
        }
        for (ForeignKey fk : t.foreignKeys()) {
          String col = fk.columns().get(0);
          String parentCol = fk.parentColumns().get(0);
          assertThat(
                  count(
                      s,
                      "SELECT COUNT(*) FROM \""
                          + t.name()
                          + "\" c WHERE c.\""
                          + col
                          + "\" IS NOT NULL AND NOT EXISTS"
                          + " (SELECT 1 FROM \""
                          + fk.parentTable()
                          + "\" p WHERE p.\""
                          + parentCol
                          + "\" = c.\""
                          + col
                          + "\")"))
              .as("orphans of %s", fk.describe(t.name()))
              .isZero();
        }
      }
    }
    FidelityReport fidelity = report.fidelity().orElseThrow();
    if (!fidelity.columnShapes().isEmpty()) {
      assertThat(fidelity.columnShapesScore().getAsDouble())
          .as("column shapes of %s", dataset)
          .isGreaterThan(0.85);
    }
    if (!fidelity.pairTrends().isEmpty()) {
      assertThat(fidelity.pairTrendsScore().getAsDouble())
          .as("pair trends of %s", dataset)
          .isGreaterThan(0.70);
    }
    if (!fidelity.cardinality().isEmpty()) {
      assertThat(fidelity.cardinalityScore().getAsDouble())
          .as("cardinality of %s", dataset)
          .isGreaterThan(0.80);
    }
  }

  /** Children per parent row in the real database, parents without children counting 0. */
  private static double[] childCounts(String url, Table child, ForeignKey fk) throws SQLException {
    List<Double> counts = new ArrayList<>();
    String sql =
        "SELECT COUNT(c.\""
            + fk.columns().get(0)
            + "\") FROM \""
            + fk.parentTable()
            + "\" p LEFT JOIN \""
            + child.name()
            + "\" c ON c.\""
            + fk.columns().get(0)
            + "\" = p.\""
            + fk.parentColumns().get(0)
            + "\" GROUP BY p.\""
            + fk.parentColumns().get(0)
            + "\"";
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        counts.add((double) rs.getLong(1));
      }
    }
    return counts.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
