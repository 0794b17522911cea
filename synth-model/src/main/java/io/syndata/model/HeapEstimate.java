package io.syndata.model;

import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The heap a generation needs at its peak, estimated from the plan before anything is generated:
 * what is kept for the whole run (the key columns of tables that secondary and deferred foreign
 * keys read, the values of unique columns already written) plus the partitions in flight of the
 * largest stage. Coarse by design — per value a boxed object and its slot — so that a run that
 * cannot fit in the heap is refused before it writes, instead of dying with an OutOfMemoryError
 * half way.
 *
 * @param bytes the estimated peak
 * @param largest the largest parts, largest first, as a reader would name them
 */
public record HeapEstimate(long bytes, List<String> largest) {
  /** A kept key value: its slot in an Object[] and the boxed value. */
  static final long STORED_VALUE = 32;

  /** A unique value already written: a HashSet entry and the value. */
  static final long UNIQUE_VALUE = 96;

  /** A value of a partition in flight: generated column arrays, the batch and the writer's copy. */
  static final long PARTITION_VALUE = 64;

  /** The share of the maximum heap a run may plan to use; the rest is the JVM's and the model's. */
  static final double USABLE_SHARE = 0.8;

  public HeapEstimate {
    largest = List.copyOf(largest);
  }

  /** Estimates the peak heap of generating {@code plan} on {@code threads} threads. */
  public static HeapEstimate of(SynthModel model, GenerationPlan plan, int threads) {
    record Part(String what, long bytes) {}
    List<Part> parts = new ArrayList<>();
    StoreSpecs specs = new StoreSpecs(model);
    long kept = 0;
    for (GenerationPlan.TablePlan t : plan.tables()) {
      if (specs.has(t.table())) {
        TableStore store = specs.newStore(t.table());
        long perRow =
            store.columnNames().size() * STORED_VALUE + store.countedRelations().size() * 4L;
        long b = saturated(t.rows(), perRow);
        parts.add(new Part("the keys of " + t.table() + " other tables reference", b));
        kept = plus(kept, b);
      }
      TableModel m = model.table(t.table());
      Table table = m.table();
      long unique = m.attributeColumns().stream().filter(table::isUniqueColumn).count();
      if (unique > 0) {
        long b = saturated(t.rows(), unique * UNIQUE_VALUE);
        parts.add(new Part("the unique values of " + t.table(), b));
        kept = plus(kept, b);
      }
    }
    long inFlight = 0;
    for (GenerationPlan.Stage s : plan.stages()) {
      long perPartition = partition(model, plan, s);
      // Threads work on partitions while as many finished ones wait for their ordered write.
      long flying = Math.min(s.partitions(), 2L * threads);
      long b = saturated(perPartition, flying);
      if (b > inFlight) {
        inFlight = b;
        String why = s.whole().map(w -> " (one partition: " + w + ")").orElse("");
        parts.removeIf(p -> p.what().startsWith("the partitions in flight"));
        parts.add(
            new Part(
                "the partitions in flight of stage " + (s.index() + 1) + " " + s.tables() + why,
                b));
      }
    }
    parts.sort(Comparator.comparingLong(Part::bytes).reversed());
    List<String> named = new ArrayList<>();
    for (Part p : parts.subList(0, Math.min(3, parts.size()))) {
      named.add(p.what() + ": " + size(p.bytes()));
    }
    return new HeapEstimate(plus(kept, inFlight), named);
  }

  /** The heap one partition of a stage takes while it is generated or waits to be written. */
  static long partition(SynthModel model, GenerationPlan plan, GenerationPlan.Stage s) {
    long perPartition = 0;
    for (String name : s.tables()) {
      long rows = plan.table(name).rows() / Math.max(1, s.partitions()) + 1;
      int width = model.table(name).table().columns().size();
      perPartition = plus(perPartition, saturated(rows, width * PARTITION_VALUE));
    }
    return perPartition;
  }

  /** The heap this JVM may plan on. */
  public static long usableHeap() {
    return (long) (Runtime.getRuntime().maxMemory() * USABLE_SHARE);
  }

  /** Whether the estimate fits in {@code heap} bytes. */
  public boolean fits(long heap) {
    return bytes <= heap;
  }

  /** One line for the user: the estimate and where it goes. */
  public String describe() {
    return "about " + size(bytes) + " of heap at its peak (" + String.join("; ", largest) + ")";
  }

  private static long saturated(long a, long b) {
    long r = a * b;
    long hi = Math.multiplyHigh(a, b);
    return (hi == 0 && r >= 0) ? r : Long.MAX_VALUE;
  }

  private static long plus(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }

  static String size(long bytes) {
    if (bytes == Long.MAX_VALUE) {
      return "more than 8 EiB";
    }
    double gib = bytes / (double) (1L << 30);
    return gib >= 1
        ? String.format(Locale.ROOT, "%.1f GiB", gib)
        : String.format(Locale.ROOT, "%d MiB", Math.max(1, bytes >> 20));
  }
}
