package io.syndata.quality;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Canonical row values as numbers or as comparable keys, for the metrics. */
public final class Values {
  private Values() {}

  /**
   * The value as a key that compares equal across sources: integral numbers as {@link Long}
   * (whether they arrive as Long, Integer, BigDecimal or Double), other decimals without trailing
   * zeros, everything else as is.
   */
  public static Object key(Object v) {
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

  /** The value as a double, or NaN for null and for values that have no numeric reading. */
  public static double toDouble(Object v) {
    if (v == null) {
      return Double.NaN;
    } else if (v instanceof Long l) {
      return l;
    } else if (v instanceof Double d) {
      return d;
    } else if (v instanceof BigDecimal b) {
      return b.doubleValue();
    } else if (v instanceof Number n) {
      return n.doubleValue();
    } else if (v instanceof LocalDate d) {
      return d.toEpochDay();
    } else if (v instanceof LocalDateTime t) {
      return t.toEpochSecond(ZoneOffset.UTC) + t.getNano() / 1e9;
    } else if (v instanceof OffsetDateTime t) {
      return t.toEpochSecond() + t.getNano() / 1e9;
    } else if (v instanceof LocalTime t) {
      return t.toNanoOfDay() / 1e9;
    } else if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    return Double.NaN;
  }
}
