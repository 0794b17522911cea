package io.syndata.model;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Derives independent random generators from a run seed and names (table, purpose) with a stable
 * hash (SplitMix64 over UTF-8 bytes), so that every draw is the same on any machine and thread
 * count.
 */
public final class Seeds {
  private Seeds() {}

  /** The SplitMix64 finalizer: a bijection of 64-bit values that mixes every bit. */
  public static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A stable 64-bit hash of the seed and the parts. */
  public static long derive(long seed, String... parts) {
    long h = mix(seed);
    for (String part : parts) {
      for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
        h = mix(h ^ (b & 0xFF));
      }
      h = mix(h ^ 0x1_0000L);
    }
    return h;
  }

  public static SplittableRandom random(long seed, String... parts) {
    return new SplittableRandom(derive(seed, parts));
  }
}
