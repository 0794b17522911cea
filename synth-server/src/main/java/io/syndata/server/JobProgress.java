package io.syndata.server;

import io.syndata.data.Progress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A running job's progress per table (phase, rows so far, rows expected), read by polling and
 * pushed to listeners (server-sent events) at most every {@value #PUSH_MILLIS} ms. It is also where
 * a run learns that it was cancelled or went over its key's quota: the next progress call throws,
 * and the run aborts its target as on any failure.
 */
final class JobProgress implements Progress {
  static final long PUSH_MILLIS = 250;

  /** Thrown into the run when the job is cancelled. */
  static final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Cancelled() {
      super("the job was cancelled", null, false, false);
    }
  }

  /** One table's latest phase. */
  record TableState(String table, String phase, long rows, long expected, boolean done) {}

  private final Map<String, TableState> tables = new LinkedHashMap<>();
  // The report announces its steps (fidelity, privacy, ...) in the place of a table.
  private final Map<String, TableState> reportSteps = new LinkedHashMap<>();
  private final Map<String, Double> phases = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final long rowBudget;
  private volatile boolean cancelled;
  private long lastPush;
  private long written;
  private String phase = "queued";

  /**
   * @param rowBudget rows this job may still write under its key's quota
   */
  JobProgress(long rowBudget) {
    this.rowBudget = rowBudget;
  }

  void cancel() {
    cancelled = true;
  }

  boolean cancelled() {
    return cancelled;
  }

  void listen(Runnable listener) {
    listeners.add(listener);
  }

  void unlisten(Runnable listener) {
    listeners.remove(listener);
  }

  synchronized void phase(String name) {
    phase = name;
    push(true);
  }

  @Override
  public synchronized void started(String p, String table, long expectedRows) {
    check();
    Map<String, TableState> where = p.equals("report") ? reportSteps : tables;
    TableState before = where.get(table);
    // Writing learns its count from generation, which announced it: keep that for the bar.
    long expected = expectedRows < 0 && before != null ? before.expected() : expectedRows;
    where.put(table, new TableState(table, p, 0, expected, false));
    push(false);
  }

  @Override
  public synchronized void advanced(String p, String table, long rowsSoFar) {
    check();
    Map<String, TableState> where = p.equals("report") ? reportSteps : tables;
    TableState t = where.get(table);
    long expected = t != null ? t.expected() : -1;
    where.put(table, new TableState(table, p, rowsSoFar, expected, false));
    if (p.equals("write")) {
      checkQuota(table, rowsSoFar, t);
    }
    push(false);
  }

  @Override
  public synchronized void finished(String p, String table, long rows, Duration elapsed) {
    check();
    (p.equals("report") ? reportSteps : tables)
        .put(table, new TableState(table, p, rows, rows, true));
    push(false);
  }

  @Override
  public synchronized void warn(String message) {
    warnings.add(message);
  }

  @Override
  public synchronized void note(String message) {
    warnings.add("note: " + message);
  }

  /** What the API shows: the current phase, per table state, phase times and warnings. */
  synchronized Map<String, Object> snapshot() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("phase", phase);
    out.put("tables", List.copyOf(tables.values()));
    out.put("report_steps", List.copyOf(reportSteps.values()));
    out.put("phase_seconds", Map.copyOf(phases));
    out.put("warnings", List.copyOf(warnings));
    return out;
  }

  /** Adds the wall time of whole phases (fit, generate, report) as a run reports them. */
  synchronized void phaseTimes(Map<String, Duration> times) {
    times.forEach((name, d) -> phases.merge(name, d.toNanos() / 1e9, Double::sum));
  }

  private void checkQuota(String table, long rowsSoFar, TableState before) {
    long previous = before != null && before.phase().equals("write") ? before.rows() : 0;
    written += Math.max(0, rowsSoFar - previous);
    if (written > rowBudget) {
      throw new QuotaExceeded(rowBudget);
    }
  }

  /** Thrown into the run when it would write more rows than its key's monthly quota leaves. */
  static final class QuotaExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    QuotaExceeded(long budget) {
      super(
          "the key's monthly row quota was reached while writing: this job could write "
              + budget
              + " more rows; nothing was kept",
          null,
          false,
          false);
    }
  }

  private void check() {
    if (cancelled) {
      throw new Cancelled();
    }
  }

  private void push(boolean always) {
    long now = System.currentTimeMillis();
    if (always || now - lastPush >= PUSH_MILLIS) {
      lastPush = now;
      listeners.forEach(Runnable::run);
    }
  }

  /** Tells every listener now (the job ended). */
  void pushNow() {
    listeners.forEach(Runnable::run);
  }
}
