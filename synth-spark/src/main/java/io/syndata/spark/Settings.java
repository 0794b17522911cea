package io.syndata.spark;

import io.syndata.model.GenerationOptions;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * What a task needs to rebuild the run's {@link GenerationOptions} and find its cached model: the
 * options themselves are not serializable.
 *
 * @param run a name unique to the run, so executors never mix models of two runs
 * @param java8Dates whether the session takes {@code java.time} dates and instants
 */
record Settings(String run, double scale, HashMap<String, Long> rows, long seed, boolean java8Dates)
    implements Serializable {
  static Settings of(String run, GenerationOptions options, boolean java8Dates) {
    return new Settings(
        run, options.scale(), new HashMap<>(options.rows()), options.seed(), java8Dates);
  }

  GenerationOptions options() {
    return new GenerationOptions(scale, Map.copyOf(rows), seed, 1);
  }
}
