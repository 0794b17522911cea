package io.syndata.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.data.InMemoryTarget;
import io.syndata.data.Progress;
import io.syndata.model.GenerationOptions;
import io.syndata.model.GenerationPlan;
import io.syndata.model.GenerationResult;
import io.syndata.model.Generator;
import io.syndata.model.ModelFile;
import io.syndata.model.SparkFixtures;
import io.syndata.model.SynthModel;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark in local mode ({@code local[2]}) writes exactly the rows of the native engine for the same
 * model file and seed, compared as sorted row sets per table, on a schema with every relational
 * shape cut into several partitions per stage.
 */
class SparkGenerationTest {
  static SparkSession spark;
  static Path modelFile;
  static SynthModel model;
  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    spark = SparkRowSets.localSession();
    modelFile = dir.resolve("retail.synth");
    ModelFile.write(SparkFixtures.retail(), modelFile);
    model = ModelFile.read(modelFile);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static InMemoryTarget nativeRun(GenerationOptions options) {
    InMemoryTarget target = new InMemoryTarget();
    target.begin(model.graph().schema());
    Generator.generate(model, options, target, Progress.NONE);
    target.commit();
    return target;
  }

  @Test
  void parquetHoldsTheNativeEnginesRows() {
    GenerationOptions options = new GenerationOptions(16, Map.of(), 5, 2);
    GenerationPlan plan = GenerationPlan.of(model, options);
    assertThat(plan.stages().get(plan.table("customers").stage()).partitions())
        .as("customers, orders and their children span several partitions")
        .isGreaterThan(3);
    Path out = dir.resolve("parquet");
    GenerationResult result =
        SparkGeneration.run(
            spark,
            modelFile.toString(),
            new SparkOutput("parquet", out.toString()),
            options,
            Progress.NONE);
    InMemoryTarget expected = nativeRun(options.withThreads(1));
    for (String table : expected.tables()) {
      Table t = model.table(table).table();
      assertThat(SparkRowSets.read(spark, "parquet", out.resolve(table), t))
          .as(table)
          .isEqualTo(SparkRowSets.of(expected, t));
      assertThat(result.rows().get(table)).as(table).isEqualTo(expected.rowCount(table));
    }
  }

  @Test
  void csvAndJsonHoldTheSameRowsAtAnotherSeed() {
    GenerationOptions options = new GenerationOptions(4, Map.of(), 9, 2);
    InMemoryTarget expected = nativeRun(options);
    for (String format : new String[] {"csv", "json"}) {
      Path out = dir.resolve(format);
      SparkGeneration.run(
          spark,
          modelFile.toString(),
          new SparkOutput(format, out.toString()),
          options,
          Progress.NONE);
      for (String table : expected.tables()) {
        Table t = model.table(table).table();
        assertThat(SparkRowSets.read(spark, format, out.resolve(table), t))
            .as(format + " " + table)
            .isEqualTo(SparkRowSets.of(expected, t));
      }
    }
  }

  @Test
  void jdbcTablesHoldTheNativeEnginesRows() {
    GenerationOptions options = new GenerationOptions(2, Map.of(), 3, 2);
    InMemoryTarget expected = nativeRun(options);
    // Kept open between Spark's connections: each task opens and closes its own, and an embedded
    // file database closed by one while another opens it lost its first table once (CI,
    // 2026-11-30).
    String url = "jdbc:h2:" + dir.resolve("h2").toAbsolutePath() + "/retail;DB_CLOSE_DELAY=-1";
    SparkGeneration.run(
        spark, modelFile.toString(), new SparkOutput("jdbc", url), options, Progress.NONE);
    for (String table : expected.tables()) {
      assertThat(SparkRowSets.readJdbc(spark, url, table))
          .as("jdbc " + table)
          .isEqualTo(SparkRowSets.of(expected, model.table(table).table()));
    }
  }

  @Test
  void refusesATargetThatHoldsATableFolderBeforeAnyJob() throws Exception {
    Path out = dir.resolve("taken [1]");
    Files.createDirectories(out.resolve("orders"));
    assertThatThrownBy(
            () ->
                SparkGeneration.run(
                    spark,
                    modelFile.toString(),
                    new SparkOutput("parquet", out.toString()),
                    new GenerationOptions(1, Map.of(), 1, 1),
                    Progress.NONE))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("(table orders)");
  }

  @Test
  void refusesAFormatSparkDoesNotWrite() {
    assertThatThrownBy(() -> new SparkOutput("xlsx", "out"))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("--format xlsx");
  }
}
