package io.syndata.quality.ml;

import java.math.BigDecimal;

/** Category labels that compare equal across sources: integral numbers as Long, decimals stripped. */
final class Labels {
  private Labels() {}

  static Object key(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof BigDecimal b) {
      BigDecimal s = b.stripTrailingZeros();
      return s.scale() <= 0 && s.precision() - s.scale() < 19 ? (Object) s.longValueExact() : s;
    }
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return d.longValue();
    }
    return v;
  }

  static Object[] keys(Object[] values) {
    Object[] out = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = key(values[i]);
    }
    return out;
  }
}
