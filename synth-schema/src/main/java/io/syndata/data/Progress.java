package io.syndata.data;

import java.time.Duration;

/**
 * Progress of a long run, per phase and table. Phases are {@code read}, {@code fit}, {@code
 * generate} and {@code write}. Implementations must be cheap: {@link #advanced} is called once per
 * batch.
 */
public interface Progress {
  Progress NONE = new Progress() {};

  default void started(String phase, String table, long expectedRows) {}

  default void advanced(String phase, String table, long rowsSoFar) {}

  default void finished(String phase, String table, long rows, Duration elapsed) {}

  /**
   * Something the user should know but that does not stop the run (a tiny scale, an inferred key).
   */
  default void warn(String message) {}

  /** A decision the run took for the user, which they may change (a table kept as it is). */
  default void note(String message) {}
}
