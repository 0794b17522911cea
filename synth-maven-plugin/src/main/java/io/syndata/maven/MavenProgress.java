package io.syndata.maven;

import io.syndata.data.Progress;
import java.time.Duration;
import java.util.Locale;
import org.apache.maven.plugin.logging.Log;

/**
 * Progress in Maven's log: a line per finished phase and table with its rate, a running count of a
 * long table at most every five seconds, and warnings as warnings.
 */
final class MavenProgress implements Progress {
  private static final long INTERVAL_NANOS = 5_000_000_000L;
  private final Log log;
  private long lastPrint = System.nanoTime();

  MavenProgress(Log log) {
    this.log = log;
  }

  @Override
  public void advanced(String phase, String table, long rowsSoFar) {
    long now = System.nanoTime();
    if (now - lastPrint >= INTERVAL_NANOS) {
      lastPrint = now;
      log.info(String.format(Locale.ROOT, "  %-9s %-28s %,12d rows ...", phase, table, rowsSoFar));
    }
  }

  @Override
  public void finished(String phase, String table, long rows, Duration elapsed) {
    double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-9);
    log.info(
        String.format(
            Locale.ROOT,
            "  %-9s %-28s %,12d rows %8.2f s %,12.0f rows/s",
            phase,
            table,
            rows,
            seconds,
            rows / seconds));
    lastPrint = System.nanoTime();
  }

  @Override
  public void warn(String message) {
    log.warn(message);
  }
}
