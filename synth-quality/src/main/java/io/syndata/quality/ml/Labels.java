package io.syndata.quality.ml;

import io.syndata.quality.Values;

/**
 * Category labels that compare equal across sources: integral numbers as Long, decimals stripped.
 */
final class Labels {
  private Labels() {}

  static Object[] keys(Object[] values) {
    Object[] out = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Values.key(values[i]);
    }
    return out;
  }
}
