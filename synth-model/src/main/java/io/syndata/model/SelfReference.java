package io.syndata.model;

import java.util.Arrays;

/**
 * How a table's rows referenced each other through a self-referencing foreign key in the source (an
 * employee's manager): how many rows the table had, how many of them were referenced, and a sample
 * of how many rows referenced each referenced row. Enough to keep a hierarchy's shape (3 managers
 * of 99 reports each stays that) without keeping any row.
 *
 * @param sourceRows rows of the table in the source
 * @param referenced rows referenced by at least one row
 * @param degrees for referenced rows (all, or an evenly spaced sample of their sorted values), how
 *     many rows referenced each, ascending
 */
public record SelfReference(long sourceRows, long referenced, int[] degrees) {
  /** The most degrees kept: an evenly spaced sample of the sorted ones beyond that. */
  static final int MAX_DEGREES = 4096;

  public SelfReference {
    degrees = degrees.clone();
    Arrays.sort(degrees);
  }

  /** The in-degrees of the referenced rows, from the hashes of the non-null references. */
  public static SelfReference of(long sourceRows, long[] referenceHashes, int size) {
    long[] sorted = Arrays.copyOf(referenceHashes, size);
    Arrays.sort(sorted);
    int[] runs = new int[size];
    int n = 0;
    for (int i = 0; i < size; ) {
      int j = i;
      while (j < size && sorted[j] == sorted[i]) {
        j++;
      }
      runs[n++] = j - i;
      i = j;
    }
    int[] degrees = Arrays.copyOf(runs, n);
    Arrays.sort(degrees);
    if (n > MAX_DEGREES) {
      int[] sample = new int[MAX_DEGREES];
      for (int i = 0; i < MAX_DEGREES; i++) {
        sample[i] = degrees[(int) ((long) i * (n - 1) / (MAX_DEGREES - 1))];
      }
      degrees = sample;
    }
    return new SelfReference(sourceRows, n, degrees);
  }

  /** The share of the table's rows that other rows referenced. */
  public double referencedShare() {
    return sourceRows == 0 ? 0 : referenced / (double) sourceRows;
  }

  @Override
  public int[] degrees() {
    return degrees.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SelfReference s
        && s.sourceRows == sourceRows
        && s.referenced == referenced
        && Arrays.equals(s.degrees, degrees);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(sourceRows) * 31 + Arrays.hashCode(degrees);
  }

  @Override
  public String toString() {
    return "SelfReference[" + referenced + " of " + sourceRows + " rows referenced]";
  }
}
