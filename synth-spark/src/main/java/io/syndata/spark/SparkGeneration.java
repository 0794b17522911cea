package io.syndata.spark;

import io.syndata.data.Progress;
import io.syndata.model.DistributedGeneration;
import io.syndata.model.GenerationOptions;
import io.syndata.model.GenerationPlan;
import io.syndata.model.GenerationResult;
import io.syndata.model.SynthModel;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Runs a model file's generation plan as Spark jobs, the rows written by Spark's own writers. The
 * rows are exactly those of the native engine for the same model file, options and seed.
 *
 * <p>How a partition travels: the driver plans ({@link DistributedGeneration}) and broadcasts the
 * model file's bytes; for every stage whose tables other stages read, one job summarizes its
 * partitions (a task each) and the driver keeps the stores, changes unique values that repeat
 * across partitions and fills deferred keys, all as per-partition fixes; then, per table, one job
 * of a task per partition makes the partition ({@link io.syndata.model.StageTask}), applies its
 * fixes, converts the rows ({@link SparkRows}) and hands them to the table's writer. A task
 * regenerates the parents of its table within the partition, so no rows are shuffled or cached.
 */
public final class SparkGeneration {
  private static final Logger LOG = LoggerFactory.getLogger(SparkGeneration.class);

  private SparkGeneration() {}

  /**
   * Generates every table of the model file into the output.
   *
   * @param modelFile a local path or a URI Hadoop reads, seen from the driver
   * @throws SynthException when the model file cannot be read, a table's folder exists already, or
   *     the plan refuses the options
   */
  public static GenerationResult run(
      SparkSession spark,
      String modelFile,
      SparkOutput output,
      GenerationOptions options,
      Progress progress) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    byte[] bytes = ModelBytes.read(modelFile, jsc.hadoopConfiguration());
    SynthModel model = ModelBytes.load(bytes);
    DistributedGeneration coordinator = DistributedGeneration.of(model, options);
    GenerationPlan plan = coordinator.plan();
    if (!output.isJdbc()) {
      refuseExistingFolders(jsc, output, plan);
    }
    boolean java8 =
        Boolean.parseBoolean(spark.conf().get("spark.sql.datetime.java8API.enabled", "false"));
    Settings settings = Settings.of(UUID.randomUUID().toString(), options, java8);
    Broadcast<byte[]> modelBytes = jsc.broadcast(bytes);
    List<Broadcast<byte[]>> inputs = new ArrayList<>();
    for (GenerationPlan.Stage stage : plan.stages()) {
      int s = stage.index();
      Broadcast<byte[]> input = jsc.broadcast(coordinator.stageInput(s));
      inputs.add(input);
      if (coordinator.needsSummary(s)) {
        jsc.setJobDescription("synth: summarize stage " + (s + 1) + " " + stage.tables());
        // One partition per slice: collect() returns the summaries in partition order.
        List<byte[]> summaries;
        try {
          summaries =
              jsc.parallelize(partitions(stage), stage.partitions())
                  .map(p -> TaskCache.task(settings, modelBytes, s, input).summary(p))
                  .collect();
        } catch (RuntimeException e) {
          throw unwrap(e);
        }
        coordinator.summarize(s, summaries);
      }
    }
    Map<String, Long> written = new LinkedHashMap<>();
    for (GenerationPlan.Stage stage : plan.stages()) {
      for (String table : stage.tables()) {
        long started = System.nanoTime();
        progress.started("generate", table, plan.table(table).rows());
        long rows =
            writeTable(
                spark,
                jsc,
                coordinator,
                stage,
                table,
                model,
                output,
                settings,
                modelBytes,
                inputs.get(stage.index()));
        written.put(table, rows);
        progress.finished("generate", table, rows, Duration.ofNanos(System.nanoTime() - started));
      }
    }
    jsc.setJobDescription(null);
    inputs.forEach(b -> b.destroy());
    modelBytes.destroy();
    Map<String, Long> inOrder = new LinkedHashMap<>();
    model.graph().generationOrder().forEach(t -> inOrder.put(t.name(), written.get(t.name())));
    return new GenerationResult(inOrder);
  }

  private static long writeTable(
      SparkSession spark,
      JavaSparkContext jsc,
      DistributedGeneration coordinator,
      GenerationPlan.Stage stage,
      String table,
      SynthModel model,
      SparkOutput output,
      Settings settings,
      Broadcast<byte[]> modelBytes,
      Broadcast<byte[]> input) {
    int s = stage.index();
    List<Tuple2<Integer, byte[]>> work = new ArrayList<>();
    for (int p = 0; p < stage.partitions(); p++) {
      work.add(new Tuple2<>(p, coordinator.fixes(s, p)));
    }
    StructType schema = SparkRows.schema(model.table(table).table());
    LongAccumulator count = spark.sparkContext().longAccumulator("rows of " + table);
    boolean java8 = settings.java8Dates();
    JavaRDD<Row> rows =
        jsc.parallelize(work, stage.partitions())
            .flatMap(
                w -> {
                  var task = TaskCache.task(settings, modelBytes, s, input);
                  var batches = task.rows(w._1(), table, w._2());
                  count.add(batches.stream().mapToLong(b -> b.size()).sum());
                  Table of = TaskCache.model(settings, modelBytes).table(table).table();
                  return SparkRows.rows(of, batches, java8);
                });
    jsc.setJobDescription("synth: write " + table + " (stage " + (s + 1) + ")");
    try {
      write(spark.createDataFrame(rows, schema).write(), output, table);
    } catch (RuntimeException e) {
      throw unwrap(e);
    }
    LOG.info("wrote {} rows of {} in {} partitions", count.value(), table, stage.partitions());
    return count.value();
  }

  private static void write(DataFrameWriter<Row> writer, SparkOutput output, String table) {
    if (output.format().equals("csv")) {
      // A header, text as generated (Spark's CSV writer trims spaces unless told not to), and
      // quotes doubled inside values as RFC 4180 and the native CSV writer have them.
      writer =
          writer
              .option("header", "true")
              .option("escape", "\"")
              .option("ignoreLeadingWhiteSpace", "false")
              .option("ignoreTrailingWhiteSpace", "false");
    }
    writer = writer.options(output.options());
    if (output.isJdbc()) {
      writer
          .format("jdbc")
          .option("url", output.location())
          .option("dbtable", table)
          .mode(SaveMode.Append)
          .save();
    } else {
      writer.format(output.format()).mode(SaveMode.ErrorIfExists).save(output.folder(table));
    }
  }

  /** A task's own error (a SynthException on an executor) as the driver's, in its one line. */
  static RuntimeException unwrap(RuntimeException e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof SynthException s) {
        return new SynthException(s.getMessage(), e);
      }
    }
    return e;
  }

  private static List<Integer> partitions(GenerationPlan.Stage stage) {
    return IntStream.range(0, stage.partitions()).boxed().toList();
  }

  /** Refuses, before any job, a target that holds a folder of one of the tables. */
  private static void refuseExistingFolders(
      JavaSparkContext jsc, SparkOutput output, GenerationPlan plan) {
    for (GenerationPlan.TablePlan t : plan.tables()) {
      String folder = output.folder(t.table());
      try {
        // Resolved as Spark's writer resolves it: without a scheme, on the default file system.
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(folder);
        if (path.getFileSystem(jsc.hadoopConfiguration()).exists(path)) {
          throw new SynthException(
              "--target "
                  + output.location()
                  + " already holds "
                  + folder
                  + " (table "
                  + t.table()
                  + "): give a new or empty folder");
        }
      } catch (IOException | IllegalArgumentException e) {
        throw new SynthException("cannot check --target folder " + folder + ": " + e, e);
      }
    }
  }
}
