package io.syndata.model.fit;

import io.syndata.model.Seeds;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Key values of a table mapped to row ordinals, in primitive arrays: 64-bit hashes of the key
 * tuples, sorted, beside the ordinal of the row holding each. Lookups are binary searches. Numbers
 * compare by value whatever their type, so an INTEGER foreign key finds a DECIMAL parent key.
 */
final class KeyIndex {
  private long[] hashes = new long[1024];
  private long[] ordinals = new long[1024];
  private int size;
  private boolean sorted;

  /** The hash of a key tuple, or 0 meaning null when any part is null (SQL MATCH SIMPLE). */
  static long hash(Object[] parts) {
    long h = 0x5EED_0F_C0FFEEL;
    for (Object p : parts) {
      if (p == null) {
        return 0;
      }
      h = Seeds.mix(h ^ partHash(p));
    }
    return h == 0 ? 1 : h;
  }

  private static long partHash(Object p) {
    if (p instanceof Long l) {
      return Seeds.mix(l);
    }
    if (p instanceof BigDecimal d) {
      BigDecimal stripped = d.stripTrailingZeros();
      if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18) {
        return Seeds.mix(stripped.longValueExact());
      }
    }
    if (p instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9e15) {
      return Seeds.mix(d.longValue());
    }
    String s = p instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : p.toString();
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xFF)) * 0x100000001b3L;
    }
    return Seeds.mix(h ^ 0x7E57L);
  }

  void add(long hash, long ordinal) {
    if (hash == 0) {
      return;
    }
    if (size == hashes.length) {
      hashes = Arrays.copyOf(hashes, size * 2);
      ordinals = Arrays.copyOf(ordinals, size * 2);
    }
    hashes[size] = hash;
    ordinals[size] = ordinal;
    size++;
    sorted = false;
  }

  /** The ordinal of a row with this key hash, or -1 when none has it. */
  long find(long hash) {
    if (!sorted) {
      Sorting.sort(hashes, ordinals, size);
      sorted = true;
    }
    int lo = 0;
    int hi = size - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (hashes[mid] < hash) {
        lo = mid + 1;
      } else if (hashes[mid] > hash) {
        hi = mid - 1;
      } else {
        return ordinals[mid];
      }
    }
    return -1;
  }
}
