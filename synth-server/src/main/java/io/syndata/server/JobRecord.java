package io.syndata.server;

/**
 * A job as the database keeps it. {@code progress} is the JSON of per-table phases and run timings;
 * {@code options} the JSON of the options as given (never a secret).
 */
record JobRecord(
    String id,
    String keyId,
    String state,
    String sourceKind,
    String source,
    String options,
    long created,
    Long started,
    Long finished,
    String error,
    String progress,
    long rowsRead,
    long rowsGenerated,
    long computeMillis,
    boolean held,
    boolean filesDeleted,
    boolean deleted) {
  static final String QUEUED = "queued";
  static final String RUNNING = "running";
  static final String SUCCEEDED = "succeeded";
  static final String FAILED = "failed";
  static final String CANCELLED = "cancelled";

  boolean terminal() {
    return state.equals(SUCCEEDED) || state.equals(FAILED) || state.equals(CANCELLED);
  }

  JobRecord withState(String s) {
    return new JobRecord(
        id,
        keyId,
        s,
        sourceKind,
        source,
        options,
        created,
        started,
        finished,
        error,
        progress,
        rowsRead,
        rowsGenerated,
        computeMillis,
        held,
        filesDeleted,
        deleted);
  }

  JobRecord started(long now) {
    return new JobRecord(
        id,
        keyId,
        RUNNING,
        sourceKind,
        source,
        options,
        created,
        now,
        finished,
        error,
        progress,
        rowsRead,
        rowsGenerated,
        computeMillis,
        false,
        filesDeleted,
        deleted);
  }

  JobRecord released() {
    return new JobRecord(
        id,
        keyId,
        state,
        sourceKind,
        source,
        options,
        created,
        started,
        finished,
        error,
        progress,
        rowsRead,
        rowsGenerated,
        computeMillis,
        false,
        filesDeleted,
        deleted);
  }

  /** The job ended: its state, error, final progress and metering. */
  JobRecord finished(
      String s, long now, String err, String prog, long read, long generated, long computeMs) {
    return new JobRecord(
        id,
        keyId,
        s,
        sourceKind,
        source,
        options,
        created,
        started,
        now,
        err,
        prog,
        read,
        generated,
        computeMs,
        false,
        filesDeleted,
        deleted);
  }

  JobRecord filesGone() {
    return new JobRecord(
        id,
        keyId,
        state,
        sourceKind,
        source,
        options,
        created,
        started,
        finished,
        error,
        progress,
        rowsRead,
        rowsGenerated,
        computeMillis,
        held,
        true,
        deleted);
  }

  JobRecord removed() {
    return new JobRecord(
        id,
        keyId,
        state,
        sourceKind,
        source,
        options,
        created,
        started,
        finished,
        error,
        progress,
        rowsRead,
        rowsGenerated,
        computeMillis,
        held,
        true,
        true);
  }
}
