package io.syndata.model;

/**
 * A keyed bijection of {@code [0, size)}: a four-round Feistel network on the smallest even number
 * of bits that holds {@code size}, walked until it lands inside the range. Lets every row pick its
 * slot of a shuffled multiset from its own index, without the shuffled array.
 */
final class Permutation {
  private final long size;
  private final int half;
  private final long mask;
  private final long[] keys = new long[4];

  Permutation(long size, long seed) {
    this.size = size;
    int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(Math.max(1, size - 1)));
    bits += bits & 1;
    this.half = bits / 2;
    this.mask = (1L << half) - 1;
    for (int i = 0; i < keys.length; i++) {
      keys[i] = Seeds.mix(seed + i);
    }
  }

  long apply(long x) {
    if (x < 0 || x >= size) {
      throw new IllegalArgumentException(x + " is outside [0, " + size + ")");
    }
    do {
      x = round(x);
    } while (x >= size);
    return x;
  }

  private long round(long x) {
    long left = x >>> half;
    long right = x & mask;
    for (long key : keys) {
      long next = left ^ (Seeds.mix(right ^ key) & mask);
      left = right;
      right = next;
    }
    return (left << half) | right;
  }
}
