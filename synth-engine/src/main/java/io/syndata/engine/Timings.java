package io.syndata.engine;

import io.syndata.data.Progress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Passes progress on and keeps the phase times and warnings of a run for its report. */
final class Timings implements Progress {
  private final Progress delegate;
  private final Map<String, Duration> totals = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();

  Timings(Progress delegate) {
    this.delegate = delegate;
  }

  <T> T phase(String name, Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      totals.merge(name, SynData.since(start), Duration::plus);
    }
  }

  Map<String, Duration> totals() {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(totals));
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }

  @Override
  public void started(String phase, String table, long expectedRows) {
    delegate.started(phase, table, expectedRows);
  }

  @Override
  public void advanced(String phase, String table, long rowsSoFar) {
    delegate.advanced(phase, table, rowsSoFar);
  }

  @Override
  public void finished(String phase, String table, long rows, Duration elapsed) {
    delegate.finished(phase, table, rows, elapsed);
  }

  @Override
  public void warn(String message) {
    warnings.add(message);
    delegate.warn(message);
  }

  @Override
  public void note(String message) {
    delegate.note(message);
  }
}
