package io.syndata.model;

import io.syndata.schema.SynthException;
import java.util.Map;
import java.util.TreeMap;

/**
 * How much to generate, from which seed, on how many threads.
 *
 * @param scale multiplies the row counts of root tables (0.01 to 1000); children follow the learned
 *     cardinalities
 * @param rows exact row counts for some tables, overriding the scale for them
 * @param seed the same model, options and seed give the same rows, byte for byte
 * @param threads workers generating partitions at once (1 to {@value #MAX_THREADS}); the rows do
 *     not depend on it
 */
public record GenerationOptions(double scale, Map<String, Long> rows, long seed, int threads) {
  public static final double MIN_SCALE = 0.01;
  public static final double MAX_SCALE = 1000;
  public static final int MAX_THREADS = 256;

  public GenerationOptions {
    if (!(scale >= MIN_SCALE && scale <= MAX_SCALE)) {
      throw new SynthException(
          "--scale must be between " + MIN_SCALE + " and " + MAX_SCALE + ", was " + scale);
    }
    if (threads < 1 || threads > MAX_THREADS) {
      throw new SynthException(
          "--threads must be between 1 and " + MAX_THREADS + ", was " + threads);
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

  /** Options that use every core. */
  public GenerationOptions(double scale, Map<String, Long> rows, long seed) {
    this(scale, rows, seed, defaultThreads());
  }

  /** Every core of this machine, at most {@value #MAX_THREADS}. */
  public static int defaultThreads() {
    return Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());
  }

  public GenerationOptions withThreads(int n) {
    return new GenerationOptions(scale, rows, seed, n);
  }
}
