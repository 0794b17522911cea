package io.syndata.spark;

import io.syndata.data.Progress;
import io.syndata.data.Source;
import io.syndata.engine.SourceSpec;
import io.syndata.engine.Training;
import io.syndata.model.FitOptions;
import io.syndata.model.ModelProvenance;
import io.syndata.model.OrphanPolicy;
import io.syndata.model.statistical.StatisticalTrainer;
import io.syndata.schema.SchemaFile;
import io.syndata.schema.SynthException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code spark-submit} entry point for training: {@code spark-submit --class
 * io.syndata.spark.SparkTrain synth-spark-cluster.jar --source hdfs:///lake/shop --out
 * hdfs:///models/shop.synth}. The executors read the source; the driver fits, as {@code synth train
 * --engine spark} does, and writes the model file where every later job can read it.
 */
@Command(
    name = "SparkTrain",
    mixinStandardHelpOptions = true,
    description = {
      "Train a model file from a source read through Spark: a folder of tables (Parquet, CSV, JSON,"
          + " ORC, Delta, Iceberg) with its schema.json, or a jdbc: URL read in key ranges. The same"
          + " data gives the same model as ./synth train."
    })
public final class SparkTrain implements Callable<Integer> {
  @Option(
      names = "--source",
      required = true,
      paramLabel = "<folder|jdbc-url>",
      description = "A folder of tables (a path, hdfs://, s3a://, ...) or a jdbc: URL.")
  String source;

  @Option(
      names = "--schema",
      paramLabel = "<file>",
      description =
          "A schema file (keys, kinds, choices), as the driver sees it; a folder's schema.json"
              + " otherwise.")
  String schema;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "<file>",
      description = "Where to write the model file: a path, or hdfs://, s3a://, ...; replaced.")
  String out;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of the fit's sampling (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--model",
      defaultValue = StatisticalTrainer.KIND,
      paramLabel = "<kind>",
      description =
          "Model kind of every table (default ${DEFAULT-VALUE}; others need their module on the"
              + " class path).")
  String model;

  @Option(
      names = "--max-fit-rows",
      defaultValue = "" + FitOptions.DEFAULT_MAX_FIT_ROWS,
      paramLabel = "<n>",
      description =
          "Larger tables are fitted on a keyed sample of this many rows (default ${DEFAULT-VALUE}).")
  int maxFitRows;

  @Option(
      names = "--orphans",
      defaultValue = "fail",
      paramLabel = "fail|drop|null",
      description = "Source rows whose foreign key has no parent (default ${DEFAULT-VALUE}).")
  String orphans;

  @Option(
      names = "--min-count",
      defaultValue = "" + FitOptions.DEFAULT_MIN_COUNT,
      paramLabel = "<k>",
      description =
          "A domain value is reproduced only when at least k rows hold it (default"
              + " ${DEFAULT-VALUE}).")
  int minCount;

  @Option(
      names = "--master",
      paramLabel = "<url>",
      description = "The Spark master when not run by spark-submit (e.g. local[2]).")
  String master;

  @Option(
      names = "--option",
      paramLabel = "<key=value>",
      description = "An option of Spark's JDBC reader, repeatable: user=..., password=...")
  Map<String, String> readerOptions = new LinkedHashMap<>();

  @Override
  public Integer call() throws IOException {
    FitOptions options =
        new FitOptions(
            seed, OrphanPolicy.parse(orphans, "--orphans"), maxFitRows, model, Map.of(), minCount);
    // spark-submit's driver starts no session before ours; a caller in the same JVM may have
    boolean ours = SparkSession.getActiveSession().isEmpty();
    SparkSession spark = SparkEngine.session(Optional.ofNullable(master), "synth train " + source);
    Path local = Files.createTempFile("synth-train-", ".synth");
    try {
      Configuration hadoop = spark.sparkContext().hadoopConfiguration();
      Optional<Path> schemaFile = Optional.ofNullable(schema).map(s -> localCopy(s, hadoop));
      SourceSpec spec = new SourceSpec(source, schemaFile, io.syndata.data.SchemaFilter.ALL);
      ModelProvenance p;
      try (Source s =
          SparkSources.open(
              spark, false, source, schemaFile.map(SchemaFile::read), readerOptions)) {
        p = Training.train(spec, s, options, local, new LoggedProgress());
      }
      org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(out);
      FileSystem fs = target.getFileSystem(hadoop);
      org.apache.hadoop.fs.Path partial =
          new org.apache.hadoop.fs.Path(target.getParent(), "." + target.getName() + ".partial");
      fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toUri()), partial);
      fs.delete(target, false);
      if (!fs.rename(partial, target)) {
        throw new SynthException("cannot move the model file " + partial + " to " + out);
      }
      PrintWriter w = new PrintWriter(System.out, true);
      p.tableLines().forEach(w::println);
      w.printf(Locale.ROOT, "wrote %s (%d tables)%n", out, p.tableKinds().size());
      return 0;
    } finally {
      Files.deleteIfExists(local);
      if (ours) {
        spark.stop();
      }
    }
  }

  /** The schema file on this machine: as given, or copied from the file system it names. */
  private static Path localCopy(String location, Configuration hadoop) {
    if (!location.contains("://")) {
      return Path.of(location);
    }
    try {
      Path local = Files.createTempFile("synth-schema-", ".json");
      org.apache.hadoop.fs.Path from = new org.apache.hadoop.fs.Path(location);
      from.getFileSystem(hadoop)
          .copyToLocalFile(false, from, new org.apache.hadoop.fs.Path(local.toUri()), true);
      local.toFile().deleteOnExit();
      return local;
    } catch (IOException e) {
      throw new SynthException("cannot read --schema " + location + ": " + e.getMessage(), e);
    }
  }

  /** A line per table and phase on the driver's standard error, as the driver's log shows it. */
  private static final class LoggedProgress implements Progress {
    private final PrintWriter err = new PrintWriter(System.err, true);

    @Override
    public void finished(String phase, String table, long rows, Duration elapsed) {
      err.printf(
          Locale.ROOT,
          "synth: %s %s: %,d rows in %.1f s%n",
          phase,
          table,
          rows,
          elapsed.toMillis() / 1000.0);
    }

    @Override
    public void warn(String message) {
      err.println("warning: " + message);
    }

    @Override
    public void note(String message) {
      err.println("note: " + message);
    }
  }

  public static void main(String[] args) {
    SubmitMain.run(new SparkTrain(), args);
  }
}
