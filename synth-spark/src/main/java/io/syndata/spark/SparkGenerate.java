package io.syndata.spark;

import io.syndata.data.Progress;
import io.syndata.model.GenerationOptions;
import io.syndata.model.GenerationResult;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code spark-submit} entry point: {@code spark-submit --class io.syndata.spark.SparkGenerate
 * synth-spark-cluster.jar --model-file m.synth --target out/ --format parquet --seed 42}. The
 * master, executors and memory come from spark-submit; docs/spark.md has the procedure for YARN,
 * Kubernetes and standalone clusters.
 */
@Command(
    name = "SparkGenerate",
    mixinStandardHelpOptions = true,
    description = {
      "Generate synthetic data from a model file (synth train) as a Spark job: every partition of the"
          + " plan a Spark task, every table written by Spark's own writer. The same model file, options"
          + " and seed give the same rows as ./synth generate --model-file."
    })
public final class SparkGenerate implements Callable<Integer> {
  @Option(
      names = "--model-file",
      required = true,
      paramLabel = "<file>",
      description = "The model file, as the driver sees it: a path, or hdfs://, s3a://, ...")
  String modelFile;

  @Option(
      names = "--target",
      required = true,
      paramLabel = "<folder|jdbc-url>",
      description = "A folder (one subfolder per table; none may exist yet) or a jdbc: URL.")
  String target;

  @Option(
      names = "--format",
      defaultValue = "parquet",
      paramLabel = "<format>",
      description = "parquet (default), csv or json; jdbc for a jdbc: target.")
  String format;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--scale",
      defaultValue = "1.0",
      paramLabel = "<factor>",
      description = "Multiplies the rows of root tables (default ${DEFAULT-VALUE}).")
  double scale;

  @Option(
      names = "--rows",
      paramLabel = "<table=N>",
      split = ",",
      description = "Exact row count for a table (repeatable).")
  Map<String, Long> rows = new LinkedHashMap<>();

  @Option(
      names = "--master",
      paramLabel = "<url>",
      description = "The Spark master when not run by spark-submit (e.g. local[2]).")
  String master;

  @Option(
      names = "--option",
      paramLabel = "<key=value>",
      description =
          "A writer option, repeatable: compression=zstd, user=..., password=..., batchsize=10000.")
  Map<String, String> writerOptions = new LinkedHashMap<>();

  @Override
  public Integer call() {
    GenerationOptions options = new GenerationOptions(scale, rows, seed, 1);
    String chosen = target.regionMatches(true, 0, "jdbc:", 0, 5) ? "jdbc" : format;
    SparkOutput output = new SparkOutput(chosen, target, writerOptions);
    SparkSession spark =
        SparkEngine.session(Optional.ofNullable(master), "synth generate " + modelFile);
    try {
      GenerationResult result =
          SparkGeneration.run(spark, modelFile, output, options, Progress.NONE);
      PrintWriter out = new PrintWriter(System.out, true);
      out.println("rows written:");
      result.rows().forEach((t, n) -> out.printf(Locale.ROOT, "  %-28s %,12d%n", t, n));
      out.printf(Locale.ROOT, "  %-28s %,12d%n", "total", result.totalRows());
      return 0;
    } finally {
      spark.stop();
    }
  }

  public static void main(String[] args) {
    SubmitMain.run(new SparkGenerate(), args);
  }
}
