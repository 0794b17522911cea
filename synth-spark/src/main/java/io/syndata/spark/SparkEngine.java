package io.syndata.spark;

import io.syndata.data.Progress;
import io.syndata.data.Source;
import io.syndata.engine.GenerationEngine;
import io.syndata.engine.SourceSpec;
import io.syndata.model.GenerationResult;
import io.syndata.schema.Schema;
import io.syndata.schema.SchemaFile;
import io.syndata.schema.SynthException;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * The command line's {@code --engine spark}: a Spark session of its own (master from {@code
 * --master}, default {@code local[*]}; other settings from {@code -Dspark.*} system properties, as
 * Spark reads them), one generation, then the session stops.
 */
public final class SparkEngine implements GenerationEngine {
  @Override
  public String name() {
    return "spark";
  }

  @Override
  public GenerationResult generate(Run run, Progress progress) {
    SparkSession spark = session(run.master().or(() -> Optional.of("local[*]")), "synth generate");
    try {
      return SparkGeneration.run(
          spark,
          run.modelFile().toString(),
          new SparkOutput(run.format(), run.target()),
          run.options(),
          progress);
    } finally {
      spark.stop();
    }
  }

  /**
   * A source read by a session of its own, stopped when the source closes. The spec's CSV options
   * do not apply: Spark reads Parquet folders and databases.
   */
  @Override
  public Source openSource(SourceSpec spec, Optional<String> master) {
    if (!spec.csv().isDefault()) {
      throw new SynthException(
          "--encoding and --bad-values apply to CSV files, which --engine spark does not read");
    }
    Optional<Schema> schemaFile = spec.schemaFile().map(SchemaFile::read);
    SparkSession spark = session(master.or(() -> Optional.of("local[*]")), "synth train");
    try {
      return SparkSources.open(spark, true, spec.location(), schemaFile, Map.of());
    } catch (RuntimeException e) {
      spark.stop();
      throw e;
    }
  }

  /**
   * A session taking {@code java.time} values; its web UI off unless {@code
   * -Dspark.ui.enabled=true} asks for it (a command line run is short and the port may be taken).
   */
  static SparkSession session(Optional<String> master, String name) {
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName(name)
            .config("spark.sql.datetime.java8API.enabled", "true")
            .config("spark.ui.enabled", System.getProperty("spark.ui.enabled", "false"));
    master.ifPresent(builder::master);
    withDelta(builder);
    return builder.getOrCreate();
  }

  /**
   * Delta Lake reads and writes only in a session with its extension and catalog; where its
   * connector is on the class path, a session of ours has them, unless the user set others.
   */
  static SparkSession.Builder withDelta(SparkSession.Builder builder) {
    try {
      Class.forName(
          "io.delta.sql.DeltaSparkSessionExtension", false, SparkEngine.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return builder;
    }
    if (System.getProperty("spark.sql.extensions") == null) {
      builder.config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
    }
    if (System.getProperty("spark.sql.catalog.spark_catalog") == null) {
      builder.config(
          "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    }
    return builder;
  }
}
