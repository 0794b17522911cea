package io.syndata.model;

import io.syndata.schema.SynthException;
import java.util.Map;
import java.util.TreeMap;

/**
 * How much to generate and from which seed.
 *
 * @param scale multiplies the row counts of root tables (0.01 to 100); children follow the learned
 *     cardinalities
 * @param rows exact row counts for some tables, overriding the scale for them
 * @param seed the same model, options and seed give the same rows, byte for byte
 */
public record GenerationOptions(double scale, Map<String, Long> rows, long seed) {
  public static final double MIN_SCALE = 0.01;
  public static final double MAX_SCALE = 100;

  public GenerationOptions {
    if (!(scale >= MIN_SCALE && scale <= MAX_SCALE)) {
      throw new SynthException(
          "--scale must be between " + MIN_SCALE + " and " + MAX_SCALE + ", was " + scale);
    }
    rows = new TreeMap<>(rows);
    rows.forEach(
        (table, n) -> {
          if (n == null || n < 0) {
            throw new SynthException(
                "--rows " + table + "=" + n + ": a row count must be 0 or more");
          }
        });
    rows = Map.copyOf(rows);
  }
}
