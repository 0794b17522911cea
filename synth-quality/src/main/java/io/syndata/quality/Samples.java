package io.syndata.quality;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Deterministic subsamples: the same size, seed and purpose always pick the same rows. */
public final class Samples {
  private Samples() {}

  /** A generator for one purpose (table, side, step) derived from the run seed. */
  public static SplittableRandom random(long seed, String purpose) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + purpose.hashCode());
  }

  /** At most {@code max} distinct indices of {@code [0, n)}, in increasing order. */
  public static int[] indices(int n, int max, SplittableRandom rng) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    if (n <= max) {
      return all;
    }
    for (int i = 0; i < max; i++) {
      int j = i + rng.nextInt(n - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    int[] out = Arrays.copyOf(all, max);
    Arrays.sort(out);
    return out;
  }

  public static int[] shuffled(int[] values, SplittableRandom rng) {
    int[] out = values.clone();
    for (int i = out.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }
}
