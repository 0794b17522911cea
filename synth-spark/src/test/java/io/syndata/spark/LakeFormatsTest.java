package io.syndata.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.data.Progress;
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
import io.syndata.model.OrphanPolicy;
import io.syndata.model.SparkFixtures;
import io.syndata.model.SynthModel;
import io.syndata.schema.SchemaFile;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.hadoop.HadoopTables;
import org.apache.iceberg.spark.SparkSchemaUtil;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of tables in any format Spark reads — CSV and JSON as either engine writes them, ORC,
 * Delta and Iceberg tables — trains through Spark exactly the model the native engine learns from
 * the same rows as Parquet; the spark-submit entry point {@link SparkTrain} writes that model.
 */
class LakeFormatsTest {
  static SparkSession spark;
  static SynthModel model;
  static Path modelFile;
  static Path parquet;
  static final GenerationOptions OPTIONS = new GenerationOptions(8, Map.of(), 11, 1);
  @TempDir static Path dir;

  @BeforeAll
  static void data() {
    spark =
        SparkEngine.withDelta(
                org.apache.spark.sql.SparkSession.builder()
                    .master("local[2]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.sql.datetime.java8API.enabled", "true"))
            .getOrCreate();
    model = SparkFixtures.retail();
    modelFile = dir.resolve("retail.synth");
    ModelFile.write(model, modelFile);
    parquet = dir.resolve("parquet");
    write(Exporters.open(List.of("parquet"), parquet, ExportOptions.DEFAULTS));
    withSchema(parquet);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static void write(Target target) {
    target.begin(model.graph().schema());
    Generator.generate(model, OPTIONS, target, Progress.NONE);
    target.commit();
  }

  private static Path withSchema(Path folder) {
    if (!Files.exists(folder.resolve("schema.json"))) {
      SchemaFile.write(model.graph().schema(), folder.resolve("schema.json"));
    }
    return folder;
  }

  /** The same rows as Spark's part files of a format, one folder per table. */
  private static Path sparkWritten(String format) {
    Path out = dir.resolve("spark-" + format);
    if (Files.exists(out)) {
      return out;
    }
    SparkGeneration.run(
        spark,
        modelFile.toString(),
        new SparkOutput(format, out.toString()),
        OPTIONS,
        Progress.NONE);
    return withSchema(out);
  }

  /** Trains natively on the Parquet folder and through Spark on the other; fingerprints agree. */
  private static void assertSameModel(Path folder, FitOptions fit) {
    Path nativeFile = dir.resolve("native-" + System.nanoTime() + ".synth");
    Path sparkFile = dir.resolve("spark-" + System.nanoTime() + ".synth");
    Training.train(SourceSpec.of(parquet.toString()), fit, nativeFile, Progress.NONE);
    try (Source s = SparkSources.open(spark, folder.toString(), Optional.empty())) {
      Training.train(SourceSpec.of(folder.toString()), s, fit, sparkFile, Progress.NONE);
    }
    assertThat(ModelFile.fingerprint(ModelFile.read(sparkFile)))
        .isEqualTo(ModelFile.fingerprint(ModelFile.read(nativeFile)));
  }

  private static Map<String, TableFormat> formats(Path folder) {
    try (FolderSparkSource s =
        FolderSparkSource.open(spark, false, folder.toString(), Optional.empty())) {
      return s.formats();
    }
  }

  @Test
  void nativeCsvAndJsonFilesTrainTheParquetModel() {
    Path csv = dir.resolve("native-csv");
    write(Exporters.open(List.of("csv"), csv, ExportOptions.DEFAULTS));
    withSchema(csv);
    assertThat(formats(csv).values()).containsOnly(TableFormat.CSV);
    assertSameModel(csv, FitOptions.defaults(7));
    Path json = dir.resolve("native-json");
    write(Exporters.open(List.of("json"), json, ExportOptions.DEFAULTS));
    withSchema(json);
    assertThat(formats(json))
        .containsOnlyKeys(model.graph().schema().tables().stream().map(Table::name).toList());
    assertThat(formats(json).values()).containsOnly(TableFormat.JSON);
    assertSameModel(json, FitOptions.defaults(7));
  }

  @Test
  void sparksCsvAndJsonPartFilesTrainTheParquetModel() {
    for (String format : List.of("csv", "json")) {
      Path folder = sparkWritten(format);
      assertThat(formats(folder).values())
          .containsOnly(format.equals("csv") ? TableFormat.CSV : TableFormat.JSON);
      assertSameModel(folder, new FitOptions(7, OrphanPolicy.FAIL, 1_000));
    }
  }

  @Test
  void orcDeltaAndIcebergTablesTrainTheParquetModel() {
    Path parts = sparkWritten("parquet");
    Path orc = withSchema(dir.resolve("orc"));
    Path delta = withSchema(dir.resolve("delta"));
    Path iceberg = withSchema(dir.resolve("iceberg"));
    HadoopTables tables = new HadoopTables(spark.sparkContext().hadoopConfiguration());
    TableFormat.icebergByPath(spark);
    for (Table t : model.graph().schema().tables()) {
      Dataset<Row> rows = spark.read().parquet(parts.resolve(t.name()).toString());
      rows.write().orc(orc.resolve(t.name()).toString());
      rows.write().format("delta").save(delta.resolve(t.name()).toString());
      String at = iceberg.resolve(t.name()).toString();
      tables.create(SparkSchemaUtil.convert(rows.schema()), at);
      rows.write().format("iceberg").mode("append").save(at);
    }
    assertThat(formats(orc).values()).containsOnly(TableFormat.ORC);
    assertThat(formats(delta).values()).containsOnly(TableFormat.DELTA);
    assertThat(formats(iceberg).values()).containsOnly(TableFormat.ICEBERG);
    for (Path folder : List.of(orc, delta, iceberg)) {
      assertSameModel(folder, FitOptions.defaults(7));
    }
  }

  @Test
  void sparkTrainWritesTheModelTrainingWouldWrite() throws Exception {
    Path csv = sparkWritten("csv");
    Path out = dir.resolve("models/submitted.synth");
    Files.createDirectories(out.getParent());
    SparkTrain submit = new SparkTrain();
    int code =
        new picocli.CommandLine(submit)
            .execute("--source", csv.toString(), "--out", out.toString(), "--seed", "7");
    assertThat(code).isZero();
    Path nativeFile = dir.resolve("native-submitted.synth");
    Training.train(
        SourceSpec.of(parquet.toString()), FitOptions.defaults(7), nativeFile, Progress.NONE);
    assertThat(ModelFile.fingerprint(ModelFile.read(out)))
        .isEqualTo(ModelFile.fingerprint(ModelFile.read(nativeFile)));
    assertThat(out.getParent()).isDirectoryNotContaining("glob:**.partial");
  }

  @Test
  void refusesATableWithoutFilesNamingItAndTheFormatsLookedFor() throws Exception {
    Path partial = withSchema(Files.createDirectories(dir.resolve("partial")));
    Table first = model.graph().schema().tables().get(0);
    assertThatThrownBy(() -> formats(partial))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("for table " + first.name())
        .hasMessageContaining(".parquet, .csv, .json");
    Files.createDirectories(partial.resolve(first.name()).resolve("_delta_log"));
    Files.writeString(partial.resolve(first.name()).resolve("notes.txt"), "x");
    assertThatThrownBy(() -> formats(partial))
        .as("a folder with _delta_log is taken for a Delta table")
        .hasMessageNotContaining("table " + first.name() + ")");
  }

  @Test
  void failsOnAValueNotOfItsColumnsTypeNamingTheTable() throws Exception {
    Path bad = dir.resolve("bad-csv");
    write(Exporters.open(List.of("csv"), bad, ExportOptions.DEFAULTS));
    withSchema(bad);
    // a table whose first written column is an integer: its first cell is never quoted
    Table t =
        model.graph().schema().tables().stream()
            .filter(x -> x.writtenColumns().get(0).type() == io.syndata.schema.DataType.INTEGER)
            .findFirst()
            .orElseThrow();
    Path file = bad.resolve(t.name() + ".csv");
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
    lines.set(1, "twelve" + lines.get(1).substring(lines.get(1).indexOf(',')));
    Files.write(file, lines);
    try (Source s = SparkSources.open(spark, bad.toString(), Optional.empty())) {
      assertThatThrownBy(
              () ->
                  Training.train(
                      SourceSpec.of(bad.toString()),
                      s,
                      FitOptions.defaults(7),
                      dir.resolve("bad.synth"),
                      Progress.NONE))
          .isInstanceOf(SynthException.class)
          .hasMessageContaining(t.name());
    }
  }
}
