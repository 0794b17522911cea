package io.syndata.cli;

import io.syndata.data.Progress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Prints progress to the terminal: a line per finished table and phase with its rate, and for long
 * tables a running count at most every two seconds.
 */
final class TerminalProgress implements Progress {
  private static final long INTERVAL_NANOS = 2_000_000_000L;
  private final PrintWriter out;
  private long lastPrint = System.nanoTime();

  TerminalProgress(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void advanced(String phase, String table, long rowsSoFar) {
    long now = System.nanoTime();
    if (now - lastPrint >= INTERVAL_NANOS) {
      lastPrint = now;
      out.printf(Locale.ROOT, "  %-9s %-28s %,12d rows ...%n", phase, table, rowsSoFar);
      out.flush();
    }
  }

  @Override
  public void finished(String phase, String table, long rows, Duration elapsed) {
    double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-9);
    out.printf(
        Locale.ROOT,
        "  %-9s %-28s %,12d rows %8.2f s %,12.0f rows/s%n",
        phase,
        table,
        rows,
        seconds,
        rows / seconds);
    out.flush();
    lastPrint = System.nanoTime();
  }

  @Override
  public void warn(String message) {
    out.println("  warning: " + message);
    out.flush();
  }

  @Override
  public void note(String message) {
    out.println("  note: " + message);
    out.flush();
  }
}
