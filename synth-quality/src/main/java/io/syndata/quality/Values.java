package io.syndata.quality;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Canonical row values as numbers, for the metrics that need an order. */
final class Values {
  private Values() {}

  /** The value as a double, or NaN for null and for values that have no numeric reading. */
  static double toDouble(Object v) {
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
