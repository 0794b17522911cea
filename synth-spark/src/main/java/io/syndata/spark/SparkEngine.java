package io.syndata.spark;

import io.syndata.data.Progress;
import io.syndata.engine.GenerationEngine;
import io.syndata.model.GenerationResult;
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
    return builder.getOrCreate();
  }
}
