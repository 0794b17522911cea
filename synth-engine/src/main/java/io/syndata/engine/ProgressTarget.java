package io.syndata.engine;

import io.syndata.data.Progress;
import io.syndata.data.RowBatch;
import io.syndata.data.Target;
import io.syndata.schema.Schema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A target that reports the rows written per table. A table counts as finished when the next table
 * starts, or at commit.
 */
final class ProgressTarget implements Target {
  private final Target delegate;
  private final Progress progress;
  private final Map<String, Long> written = new HashMap<>();
  private String current;
  private long currentStart;
  private long busyNanos;

  ProgressTarget(Target delegate, Progress progress) {
    this.delegate = delegate;
    this.progress = progress;
  }

  @Override
  public void begin(Schema schema) {
    delegate.begin(schema);
  }

  @Override
  public void write(RowBatch batch) {
    if (!batch.table().equals(current)) {
      finishCurrent();
      current = batch.table();
      currentStart = System.nanoTime();
      busyNanos = 0;
      progress.started("write", current, -1);
    }
    long start = System.nanoTime();
    delegate.write(batch);
    busyNanos += System.nanoTime() - start;
    long rows = written.merge(batch.table(), (long) batch.size(), Long::sum);
    progress.advanced("write", current, rows);
  }

  private void finishCurrent() {
    if (current != null) {
      progress.finished(
          "write", current, written.get(current), java.time.Duration.ofNanos(busyNanos));
      current = null;
    }
  }

  @Override
  public void update(RowBatch batch, List<String> keyColumns, long[] rowIndex) {
    finishCurrent();
    delegate.update(batch, keyColumns, rowIndex);
  }

  @Override
  public void commit() {
    finishCurrent();
    delegate.commit();
  }

  @Override
  public void abort() {
    delegate.abort();
  }

  @Override
  public String describe() {
    return delegate.describe();
  }

  @Override
  public void close() {
    // the caller owns the delegate
  }
}
