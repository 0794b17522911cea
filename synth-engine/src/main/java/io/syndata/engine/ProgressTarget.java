package io.syndata.engine;

import io.syndata.data.ForwardingTarget;
import io.syndata.data.Progress;
import io.syndata.data.RowBatch;
import io.syndata.data.Target;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A target that reports the rows written per table and the time spent writing each. Tables may be
 * written in turns (partition by partition), so a table counts as finished at commit.
 */
final class ProgressTarget extends ForwardingTarget {
  private final Progress progress;
  private final Map<String, Long> written = new LinkedHashMap<>();
  private final Map<String, Long> busyNanos = new HashMap<>();

  ProgressTarget(Target delegate, Progress progress) {
    super(delegate);
    this.progress = progress;
  }

  @Override
  public void write(RowBatch batch) {
    if (!written.containsKey(batch.table())) {
      progress.started("write", batch.table(), -1);
    }
    long start = System.nanoTime();
    delegate.write(batch);
    busyNanos.merge(batch.table(), System.nanoTime() - start, Long::sum);
    long rows = written.merge(batch.table(), (long) batch.size(), Long::sum);
    progress.advanced("write", batch.table(), rows);
  }

  @Override
  public void commit() {
    delegate.commit();
    written.forEach(
        (table, rows) ->
            progress.finished(
                "write", table, rows, java.time.Duration.ofNanos(busyNanos.get(table))));
  }

  @Override
  public void close() {
    // the caller owns the delegate
  }
}
