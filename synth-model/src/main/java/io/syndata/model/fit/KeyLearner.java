package io.syndata.model.fit;

import io.syndata.model.KeyFormat;
import io.syndata.schema.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Learns the source format of a key or identifier column, streaming: the minimum of numbers, and
 * for strings either a constant prefix and suffix around a (zero-padded) number, like {@code
 * C-000123}, or just the usual length.
 */
final class KeyLearner {
  private static final Pattern PATTERNED = Pattern.compile("(.*?)(\\d{1,18})(\\D*)");

  private final DataType type;
  private final boolean nullable;
  private long nulls;
  private long count;
  private long min = Long.MAX_VALUE;
  private boolean patterned = true;
  private String prefix;
  private String suffix;
  private int width = -1;
  private long maxLength;

  KeyLearner(DataType type, boolean nullable) {
    this.type = type;
    this.nullable = nullable;
  }

  void observe(Object v) {
    if (v == null) {
      nulls++;
      return;
    }
    count++;
    switch (type) {
      case INTEGER -> min = Math.min(min, (Long) v);
      case DECIMAL ->
          min =
              Math.min(min, ((BigDecimal) v).setScale(0, java.math.RoundingMode.FLOOR).longValue());
      case FLOAT -> min = Math.min(min, (long) Math.floor((Double) v));
      case DATE -> min = Math.min(min, ((LocalDate) v).toEpochDay());
      case TIME -> min = Math.min(min, ((LocalTime) v).toSecondOfDay());
      case TIMESTAMP -> min = Math.min(min, ((LocalDateTime) v).toEpochSecond(ZoneOffset.UTC));
      case TIMESTAMP_TZ -> min = Math.min(min, ((OffsetDateTime) v).toEpochSecond());
      case STRING -> observeString((String) v);
      default -> {}
    }
  }

  private void observeString(String s) {
    maxLength = Math.max(maxLength, s.length());
    if (!patterned) {
      return;
    }
    Matcher m = PATTERNED.matcher(s);
    if (!m.matches()) {
      patterned = false;
      return;
    }
    String p = m.group(1);
    String digits = m.group(2);
    String x = m.group(3);
    if (prefix == null) {
      prefix = p;
      suffix = x;
      width = digits.length();
    } else if (!prefix.equals(p) || !suffix.equals(x)) {
      patterned = false;
      return;
    } else if (width != digits.length()) {
      width = 0;
    }
    // Without a constant width, a leading zero means the number is not a plain count.
    if (width == 0 && digits.length() > 1 && digits.charAt(0) == '0') {
      patterned = false;
      return;
    }
    min = Math.min(min, Long.parseLong(digits));
  }

  KeyFormat format() {
    double nullRate = nullable && nulls + count > 0 ? nulls / (double) (nulls + count) : 0;
    long start = count == 0 || min == Long.MAX_VALUE ? 1 : min;
    KeyFormat f =
        switch (type) {
          case UUID -> new KeyFormat(KeyFormat.Style.UUID, type, 0, "", "", 0, 0);
          case STRING ->
              count == 0
                  ? new KeyFormat(KeyFormat.Style.PATTERN, type, 1, "", "", 0, 0)
                  : patterned
                      ? new KeyFormat(
                          KeyFormat.Style.PATTERN, type, start, prefix, suffix, width, 0)
                      : new KeyFormat(
                          KeyFormat.Style.SHAPE, type, 0, "", "", (int) Math.min(maxLength, 64), 0);
          default -> KeyFormat.sequence(type, start);
        };
    return f.withNullRate(nullRate);
  }
}
