package io.syndata.model;

import java.util.SplittableRandom;

/**
 * Which earlier row each row of a table references through a self-referencing foreign key, keeping
 * the source's hierarchy shape ({@link SelfReference}): the share of rows that are referenced, and
 * how many rows reference each. The referenced rows are the table's first rows, so every reference
 * points at a row generated earlier and the hierarchy has no cycle.
 */
final class SelfReferenceParents {
  private SelfReferenceParents() {}

  /**
   * @param rows the table's generated rows
   * @param nullRate the share of rows whose reference is null
   * @return per row, the row it references, or -1 for null
   */
  static int[] assign(int rows, double nullRate, SelfReference shape, SplittableRandom random) {
    int[] parentOf = new int[rows];
    int nonNull = 0;
    for (int r = 0; r < rows; r++) {
      boolean isNull = r == 0 || random.nextDouble() < nullRate;
      parentOf[r] = isNull ? -1 : 0;
      nonNull += isNull ? 0 : 1;
    }
    if (nonNull == 0) {
      return parentOf;
    }
    int[] sample = shape.degrees();
    int referenced =
        (int) Math.max(1, Math.min(rows - 1, Math.round(rows * shape.referencedShare())));
    int[] degrees = new int[referenced];
    for (int p = 0; p < referenced; p++) {
      degrees[p] = sample.length == 0 ? 1 : sample[random.nextInt(sample.length)];
    }
    degrees = Counts.rescale(degrees, nonNull, false, null);
    int[] slots = new int[nonNull];
    int s = 0;
    for (int p = 0; p < referenced; p++) {
      for (int d = 0; d < degrees[p]; d++) {
        slots[s++] = p;
      }
    }
    for (int i = slots.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = slots[i];
      slots[i] = slots[j];
      slots[j] = t;
    }
    int next = 0;
    for (int r = 1; r < rows; r++) {
      if (parentOf[r] < 0) {
        continue;
      }
      if (r < referenced) {
        // A referenced row itself points higher up, at an earlier one.
        parentOf[r] = random.nextInt(r);
      } else {
        parentOf[r] = next < slots.length ? slots[next++] : slots[random.nextInt(slots.length)];
      }
    }
    return parentOf;
  }
}
