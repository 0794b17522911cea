package io.syndata.connectors;

import io.syndata.data.RowBatch;
import io.syndata.schema.SynthException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Reads a table by ranges of its integer key over several connections at once, and hands the
 * batches on in key order: the consumer sees exactly the rows, in the order, of one {@code ORDER BY
 * key} scan, while the database and the driver's decoding work for the next ranges in parallel.
 * Each range has a small queue; a reader that gets ahead waits, so memory stays bounded by {@code
 * readers × (QUEUED + 1)} batches.
 */
final class KeyRangeScan {
  /** Batches queued per range before its reader waits. */
  static final int QUEUED = 2;

  /** Ranges per reader: more ranges even out a key whose values are unevenly spread. */
  static final int RANGES_PER_READER = 4;

  /** A half-open range of the key; null bounds are open. */
  record Range(Long from, Long to) {}

  /** Reads the rows of one range, in key order, handing them on in batches; returns the count. */
  interface RangeReader {
    long read(Range range, Consumer<RowBatch> batches);
  }

  private static final Object END = new Object();

  private record Failure(RuntimeException error) {}

  private KeyRangeScan() {}

  /**
   * Splits [min, max] into about {@code count} ranges of equal width; the first is open below and
   * the last open above, so no row is missed. One range when the span cannot be split.
   */
  static List<Range> ranges(long min, long max, int count) {
    List<Range> out = new ArrayList<>();
    long span;
    try {
      span = Math.subtractExact(max, min);
    } catch (ArithmeticException e) {
      span = -1;
    }
    if (span < 1 || count < 2) {
      out.add(new Range(null, null));
      return out;
    }
    long width = span / count + 1;
    Long from = null;
    for (long lo = min + width; lo <= max && lo > min; lo += width) {
      out.add(new Range(from, lo));
      from = lo;
      if (Long.MAX_VALUE - lo < width) {
        break;
      }
    }
    out.add(new Range(from, null));
    return out;
  }

  /**
   * Reads every range with {@code readers} threads, handing batches to {@code consumer} in order.
   */
  static long run(
      String table,
      List<Range> ranges,
      int readers,
      RangeReader reader,
      Consumer<RowBatch> consumer) {
    List<BlockingQueue<Object>> queues = new ArrayList<>();
    for (int i = 0; i < ranges.size(); i++) {
      queues.add(new ArrayBlockingQueue<>(QUEUED));
    }
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean stopped = new AtomicBoolean();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(readers, ranges.size()),
            r -> {
              Thread t = new Thread(r, "syndata-read-" + table);
              t.setDaemon(true);
              return t;
            });
    try {
      for (int w = 0; w < Math.min(readers, ranges.size()); w++) {
        pool.execute(() -> readRanges(ranges, queues, next, stopped, reader));
      }
      long rows = 0;
      for (BlockingQueue<Object> queue : queues) {
        while (true) {
          Object item = queue.take();
          if (item == END) {
            break;
          }
          if (item instanceof Failure f) {
            throw f.error();
          }
          RowBatch batch = (RowBatch) item;
          rows += batch.size();
          consumer.accept(batch);
        }
      }
      return rows;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SynthException("reading table " + table + " was interrupted", e);
    } finally {
      stopped.set(true);
      pool.shutdownNow();
    }
  }

  /** One reader: takes the next unread range, in key order, until none is left. */
  private static void readRanges(
      List<Range> ranges,
      List<BlockingQueue<Object>> queues,
      AtomicInteger next,
      AtomicBoolean stopped,
      RangeReader reader) {
    for (int i = next.getAndIncrement(); i < ranges.size(); i = next.getAndIncrement()) {
      BlockingQueue<Object> queue = queues.get(i);
      try {
        reader.read(
            ranges.get(i),
            batch -> {
              if (stopped.get()) {
                throw new Stopped();
              }
              put(queue, batch);
            });
        put(queue, END);
      } catch (Stopped e) {
        return;
      } catch (RuntimeException e) {
        try {
          put(queue, new Failure(e));
        } catch (Stopped stoppedWhileFailing) {
          return;
        }
        return;
      }
    }
  }

  private static void put(BlockingQueue<Object> queue, Object item) {
    try {
      queue.put(item);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Stopped();
    }
  }

  /** The consumer has stopped (it failed, or was interrupted): readers end quietly. */
  private static final class Stopped extends RuntimeException {
    Stopped() {
      super(null, null, false, false);
    }
  }
}
