package io.syndata.model.fit;

import java.util.Arrays;

/**
 * Which scanned rows a table's fit keeps when it has more than {@code --max-fit-rows}: of the
 * eligible rows, those whose priority — a seeded hash of the row's primary key — is smallest. A row
 * of a child table is eligible only when its primary parent's row was kept (see {@link TableFit}),
 * so samples are consistent down the tree: sampled root rows, then their descendants, and every
 * sampled child's parent in the parent's sample. Priorities come from key values, so the kept rows
 * do not depend on the order the source returns them in.
 *
 * <p>Slots are filled in scan order until the sample is full; after that a row of smaller priority
 * takes the slot of the largest one kept (a max-heap of slots).
 */
final class KeyedSample {
  private final int capacity;
  private long[] priority = new long[16];
  private int size;
  private int[] heap;
  private long offered;

  KeyedSample(int capacity) {
    this.capacity = capacity;
  }

  /**
   * Offers an eligible row.
   *
   * @return the slot to store it in (a new one, or one whose row is dropped), or -1 when the row is
   *     not kept
   */
  int offer(long rowPriority) {
    offered++;
    if (size < capacity) {
      if (size == priority.length) {
        priority = Arrays.copyOf(priority, (int) Math.min((long) size * 2, capacity));
      }
      priority[size] = rowPriority;
      return size++;
    }
    if (heap == null) {
      heap = new int[capacity];
      for (int i = 0; i < capacity; i++) {
        heap[i] = i;
      }
      for (int i = capacity / 2 - 1; i >= 0; i--) {
        siftDown(i);
      }
    }
    int top = heap[0];
    if (Long.compareUnsigned(rowPriority, priority[top]) >= 0) {
      return -1;
    }
    priority[top] = rowPriority;
    siftDown(0);
    return top;
  }

  /** The number of kept rows. */
  int size() {
    return size;
  }

  /** Whether some eligible row was left out. */
  boolean truncated() {
    return offered > size;
  }

  /**
   * The kept slots in order of priority: a sampled table's training rows are put in this order, so
   * it depends on the key values only.
   */
  int[] slotsByPriority() {
    long[] keys = Arrays.copyOf(priority, size);
    long[] slots = new long[size];
    for (int i = 0; i < size; i++) {
      // Unsigned order through a signed sort: flip the sign bit.
      keys[i] ^= Long.MIN_VALUE;
      slots[i] = i;
    }
    Sorting.sort(keys, slots, size);
    int[] out = new int[size];
    for (int i = 0; i < size; i++) {
      out[i] = (int) slots[i];
    }
    return out;
  }

  private void siftDown(int i) {
    while (true) {
      int largest = i;
      int l = 2 * i + 1;
      int r = l + 1;
      if (l < capacity && greater(heap[l], heap[largest])) {
        largest = l;
      }
      if (r < capacity && greater(heap[r], heap[largest])) {
        largest = r;
      }
      if (largest == i) {
        return;
      }
      int t = heap[i];
      heap[i] = heap[largest];
      heap[largest] = t;
      i = largest;
    }
  }

  private boolean greater(int a, int b) {
    return Long.compareUnsigned(priority[a], priority[b]) > 0;
  }
}
