package io.syndata.engine;

import io.syndata.connectors.Connectors;
import io.syndata.data.InMemoryTarget;
import io.syndata.data.Progress;
import io.syndata.data.Target;
import io.syndata.model.GenerationOptions;
import io.syndata.model.GenerationPlan;
import io.syndata.model.SynthModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * How to generate from a {@link Model}: the fluent half of the Java API, with every option of
 * {@code synth generate}. Each write is all or nothing, and the same model, options and seed give
 * the same rows on any number of threads.
 *
 * <pre>{@code
 * RunReport run = model.generate().scale(10).rows("orders", 5_000).seed(7).threads(4)
 *     .to(testDataSource);
 * }</pre>
 */
public final class Generation {
  private final SynthModel model;
  private double scale = 1.0;
  private final Map<String, Long> rows = new LinkedHashMap<>();
  private long seed = 42;
  private int threads = GenerationOptions.defaultThreads();
  private Progress progress = Progress.NONE;
  private int writers = 1;
  private boolean resume;
  private java.util.Optional<Path> report = java.util.Optional.empty();

  Generation(SynthModel model) {
    this.model = model;
  }

  /** Multiplies the rows of root tables (0.01 to 1000). */
  public Generation scale(double factor) {
    this.scale = factor;
    return this;
  }

  /** An exact row count for one table, overriding the scale for it. */
  public Generation rows(String table, long count) {
    rows.put(table, count);
    return this;
  }

  public Generation seed(long value) {
    this.seed = value;
    return this;
  }

  /** Workers generating partitions at once; the rows do not depend on it. */
  public Generation threads(int n) {
    this.threads = n;
    return this;
  }

  /**
   * Connections writing partitions into a database at once, each partition in its own transaction
   * ({@link WriteOptions}); 1, the default, writes everything in one transaction. The rows do not
   * depend on it.
   */
  public Generation writers(int n) {
    this.writers = n;
    return this;
  }

  /**
   * Continues the interrupted run the database target records (same model and options), writing
   * only the partitions it had not committed; written partition by partition.
   */
  public Generation resume() {
    this.resume = true;
    return this;
  }

  /** How the rows reach a database: {@link #writers} and {@link #resume}. */
  public WriteOptions writes() {
    return new WriteOptions(writers, resume);
  }

  /**
   * Writes {@code report.html} and {@code report.json} into this folder after the write: the rows
   * measured against the statistics the model holds ({@link ModelReport}).
   */
  public Generation report(Path folder) {
    this.report = java.util.Optional.of(folder);
    return this;
  }

  public Generation progress(Progress p) {
    this.progress = p;
    return this;
  }

  public GenerationOptions options() {
    return new GenerationOptions(scale, rows, seed, threads);
  }

  /** What would be generated: per table the rows, stages and partitions. Writes nothing. */
  public GenerationPlan plan() {
    return GenerationPlan.of(model, options());
  }

  /** Writes to a database (a JDBC URL) or a folder of CSV files. */
  public RunReport to(String location) {
    if (report.isPresent()) {
      GenerationPlan.of(model, options()); // refuses bad options before the target is opened
      return to(SynData.openTarget(location));
    }
    return SynData.generate(model, location, options(), writes(), progress);
  }

  /** Writes to a folder: one CSV file per table plus {@code schema.json}. */
  public RunReport to(Path folder) {
    return to(folder.toString());
  }

  /** Writes to the database behind a data source (which is not closed). */
  public RunReport to(DataSource dataSource) {
    return to(Connectors.jdbcTarget(dataSource));
  }

  /** Writes to any target; the target is closed afterwards. */
  public RunReport to(Target target) {
    return SynData.generate(model, target, options(), writes(), report, progress);
  }

  /** Generates into memory: every table's rows, deferred foreign keys filled in. */
  public InMemoryTarget toMemory() {
    InMemoryTarget target = new InMemoryTarget();
    to(target);
    return target;
  }
}
