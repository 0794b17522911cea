package io.syndata.model;

import io.syndata.schema.SynthException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/** Values of unique columns, changed as little as needed to be new. */
final class Uniques {
  private static final int UNIQUE_ATTEMPTS = 1_000;

  private Uniques() {}

  /** The value, changed as little as needed to be new in {@code seen}. */
  static Object unique(Object value, Set<Object> seen, int maxLength) {
    if (value == null || seen.add(value)) {
      return value;
    }
    for (int attempt = 1; attempt <= UNIQUE_ATTEMPTS; attempt++) {
      Object candidate = perturb(value, attempt, maxLength);
      if (seen.add(candidate)) {
        return candidate;
      }
    }
    throw new SynthException(
        "cannot make value " + value + " unique after " + UNIQUE_ATTEMPTS + " attempts");
  }

  private static Object perturb(Object v, int attempt, int maxLength) {
    if (v instanceof String s) {
      String suffix = "~" + Integer.toString(attempt, 36);
      if (maxLength > 0 && s.length() + suffix.length() > maxLength) {
        s = s.substring(0, Math.max(0, maxLength - suffix.length()));
      }
      return s + suffix;
    }
    if (v instanceof Long l) {
      return l + attempt;
    }
    if (v instanceof BigDecimal d) {
      return d.add(BigDecimal.ONE.movePointLeft(d.scale()).multiply(BigDecimal.valueOf(attempt)));
    }
    if (v instanceof Double d) {
      return d + attempt * Math.max(Math.ulp(d), 1e-9);
    }
    if (v instanceof LocalDate d) {
      return d.plusDays(attempt);
    }
    if (v instanceof LocalDateTime t) {
      return t.plusSeconds(attempt);
    }
    if (v instanceof OffsetDateTime t) {
      return t.plusSeconds(attempt);
    }
    if (v instanceof LocalTime t) {
      return t.plusSeconds(attempt);
    }
    if (v instanceof UUID u) {
      return new UUID(u.getMostSignificantBits(), Seeds.mix(u.getLeastSignificantBits() + attempt));
    }
    return v;
  }
}
