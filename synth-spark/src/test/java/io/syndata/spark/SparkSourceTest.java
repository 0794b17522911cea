package io.syndata.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.connectors.Connectors;
import io.syndata.data.Progress;
import io.syndata.data.SchemaFilter;
import io.syndata.data.Source;
import io.syndata.data.Target;
import io.syndata.engine.SourceSpec;
import io.syndata.engine.Training;
import io.syndata.export.ExportOptions;
import io.syndata.export.Exporters;
import io.syndata.model.FitOptions;
import io.syndata.model.GenerationOptions;
import io.syndata.model.Generator;
import io.syndata.model.ModelFile;
import io.syndata.model.ModelProvenance;
import io.syndata.model.OrphanPolicy;
import io.syndata.model.SparkFixtures;
import io.syndata.model.SynthModel;
import io.syndata.schema.Schema;
import io.syndata.schema.SchemaFile;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training through Spark ({@code local[2]}) from a Parquet folder and from a database read in
 * parallel key ranges learns exactly the model the native sources learn from the same data: same
 * fingerprint (schema, every table's model, hierarchies), same row counts, also when the fit
 * samples tables larger than its limit.
 */
class SparkSourceTest {
  static SparkSession spark;
  static SynthModel model;
  static String h2;
  static Path parquet;
  @TempDir static Path dir;

  @BeforeAll
  static void data() {
    spark = SparkRowSets.localSession();
    model = SparkFixtures.retail();
    GenerationOptions options = new GenerationOptions(8, Map.of(), 11, 1);
    // kept open between Spark's connections (see SparkGenerationTest)
    h2 = "jdbc:h2:" + dir.resolve("h2").toAbsolutePath() + "/retail;DB_CLOSE_DELAY=-1";
    write(Connectors.jdbcTarget(h2), options);
    parquet = dir.resolve("parquet");
    write(Exporters.open(List.of("parquet"), parquet, ExportOptions.DEFAULTS), options);
    if (!Files.exists(parquet.resolve("schema.json"))) {
      SchemaFile.write(model.graph().schema(), parquet.resolve("schema.json"));
    }
  }

  private static void write(Target target, GenerationOptions options) {
    target.begin(model.graph().schema());
    Generator.generate(model, options, target, Progress.NONE);
    target.commit();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** Trains natively and through the Spark source; both model files' fingerprints must agree. */
  private static ModelProvenance assertSameModel(
      String location, Source sparkSource, FitOptions fit) {
    SourceSpec spec = SourceSpec.of(location);
    Path nativeFile = dir.resolve("native-" + System.nanoTime() + ".synth");
    Path sparkFile = dir.resolve("spark-" + System.nanoTime() + ".synth");
    ModelProvenance expected = Training.train(spec, fit, nativeFile, Progress.NONE);
    ModelProvenance actual;
    try (sparkSource) {
      actual = Training.train(spec, sparkSource, fit, sparkFile, Progress.NONE);
    }
    assertThat(actual.sourceRows()).isEqualTo(expected.sourceRows());
    assertThat(actual.trainingRows()).isEqualTo(expected.trainingRows());
    assertThat(actual.tableKinds()).isEqualTo(expected.tableKinds());
    assertThat(ModelFile.fingerprint(ModelFile.read(sparkFile)))
        .isEqualTo(ModelFile.fingerprint(ModelFile.read(nativeFile)));
    return actual;
  }

  @Test
  void parquetFolderTrainsTheNativeModel() {
    assertSameModel(
        parquet.toString(),
        SparkSources.open(spark, parquet.toString(), Optional.empty()),
        FitOptions.defaults(7));
  }

  @Test
  void parquetFolderTrainsTheNativeModelWhenTheFitSamples() {
    ModelProvenance p =
        assertSameModel(
            parquet.toString(),
            SparkSources.open(spark, parquet.toString(), Optional.empty()),
            new FitOptions(7, OrphanPolicy.FAIL, 1_000));
    assertThat(p.trainingRows())
        .as("some table is larger than the fit's 1,000 rows, and sampled")
        .anySatisfy((table, rows) -> assertThat(rows).isLessThan(p.sourceRows().get(table)));
  }

  @Test
  void databaseReadInKeyRangesTrainsTheNativeModel() {
    JdbcSparkSource source =
        new JdbcSparkSource(
            spark, false, h2, Map.of(), Connectors.source(h2, Optional.empty()), 50);
    Schema schema = source.introspect(SchemaFilter.ALL);
    Table largest =
        schema.tables().stream()
            .filter(t -> t.primaryKey().size() == 1)
            .max(java.util.Comparator.comparingLong(Table::rowCount))
            .get();
    assertThat(source.partitions(largest))
        .as("tables of more than 50 rows with an integer key are read in several key ranges")
        .isGreaterThan(2);
    assertSameModel(h2, source, new FitOptions(7, OrphanPolicy.FAIL, 1_000));
  }

  @Test
  void keyRangesStreamTheTableInKeyOrder() {
    JdbcSparkSource source =
        new JdbcSparkSource(
            spark, false, h2, Map.of(), Connectors.source(h2, Optional.empty()), 50);
    try (source;
        Source nativeSource = Connectors.source(h2, Optional.empty())) {
      Table t =
          source.introspect(SchemaFilter.ALL).tables().stream()
              .filter(x -> source.partitions(x) > 1)
              .findFirst()
              .orElseThrow();
      List<String> columns = t.columns().stream().map(io.syndata.schema.Column::name).toList();
      assertThat(rows(source, t, columns)).isEqualTo(rows(nativeSource, t, columns));
    }
  }

  private static List<List<Object>> rows(Source source, Table t, List<String> columns) {
    List<List<Object>> rows = new java.util.ArrayList<>();
    source.scan(
        t,
        columns,
        b -> {
          for (int r = 0; r < b.size(); r++) {
            List<Object> row = new java.util.ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
              row.add(b.value(c, r));
            }
            rows.add(row);
          }
        });
    return rows;
  }

  @Test
  void refusesAFolderWithoutSchemaNamingIt() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("no schema"));
    assertThatThrownBy(() -> SparkSources.open(spark, empty.toString(), Optional.empty()))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("no schema")
        .hasMessageContaining("--schema");
  }
}
