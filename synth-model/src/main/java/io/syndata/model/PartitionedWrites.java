package io.syndata.model;

import io.syndata.data.PartitionedTarget;
import io.syndata.data.PartitionedTarget.Committed;
import io.syndata.data.PartitionedTarget.PartitionWriter;
import io.syndata.data.RowBatch;
import io.syndata.schema.SynthException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Partitions handed to {@code writers} threads, each with a {@link PartitionWriter} (a connection)
 * of its own, every partition in its own transaction. At most two partitions per writer wait, so
 * memory stays bounded; {@link #awaitAll} is the barrier between stages, so a stage's rows are
 * committed before a later stage's rows reference them.
 */
final class PartitionedWrites implements AutoCloseable {
  private final PartitionedTarget target;
  private final int writers;
  private final ExecutorService pool;
  private final List<PartitionWriter> opened = Collections.synchronizedList(new ArrayList<>());
  private final ThreadLocal<PartitionWriter> writer = new ThreadLocal<>();
  private final Deque<Future<?>> pending = new ArrayDeque<>();

  PartitionedWrites(PartitionedTarget target, int writers) {
    this.target = target;
    this.writers = writers;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            writers,
            r -> {
              Thread t = new Thread(r, "synth-writer-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Queues a partition's batches; waits while two partitions per writer are queued already. */
  void submit(Committed partition, List<RowBatch> batches) {
    while (pending.size() >= 2 * writers) {
      take(pending.poll());
    }
    pending.add(pool.submit(() -> writer().write(partition, batches)));
  }

  /** Waits until every queued partition is committed; rethrows the first failure. */
  void awaitAll() {
    while (!pending.isEmpty()) {
      take(pending.poll());
    }
  }

  private PartitionWriter writer() {
    PartitionWriter w = writer.get();
    if (w == null) {
      w = target.openWriter();
      opened.add(w);
      writer.set(w);
    }
    return w;
  }

  private static void take(Future<?> future) {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SynthException("writing was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new SynthException("writing failed: " + e.getCause(), e.getCause());
    }
  }

  /** Stops the writers (a partition being written commits or rolls back whole) and closes them. */
  @Override
  public void close() {
    pending.forEach(f -> f.cancel(false));
    pool.shutdown();
    try {
      if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
    synchronized (opened) {
      opened.forEach(PartitionWriter::close);
    }
  }
}
