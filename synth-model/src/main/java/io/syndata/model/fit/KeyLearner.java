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
  private static final Pattern AFTER_PARENT = Pattern.compile("(\\D*)(\\d{1,18})(\\D*)");

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

  /** Whether every UUID seen is of version 7, and their timestamps' range in milliseconds. */
  private boolean version7 = true;

  private long firstMillis = Long.MAX_VALUE;
  private long lastMillis = Long.MIN_VALUE;

  /** The column a key may begin with (its primary parent's key), or empty. */
  private final String from;

  private boolean derived;
  private String derivedPrefix;
  private String derivedSuffix;
  private int derivedWidth = -1;
  private long derivedMin = Long.MAX_VALUE;

  /** Per position of every value so far: a literal character, or a class ('A', 'a', '9'). */
  private char[] template;

  /** Per position: whether {@link #template} holds a class rather than a literal. */
  private boolean[] classed;

  private boolean templated = true;

  KeyLearner(DataType type, boolean nullable) {
    this(type, nullable, "");
  }

  /**
   * @param from a column of the row whose value may begin every value, followed by a counter
   *     ({@code <customer_id>_<n>}); empty for none
   */
  KeyLearner(DataType type, boolean nullable, String from) {
    this.type = type;
    this.nullable = nullable;
    this.from = from;
    this.derived = type == DataType.STRING && !from.isEmpty();
  }

  /** Observes a value with the row's value of the {@code from} column. */
  void observe(Object v, Object fromValue) {
    observe(v);
    if (v == null || !derived) {
      return;
    }
    String s = (String) v;
    String head = fromValue == null ? null : fromValue.toString();
    Matcher m =
        head != null && s.startsWith(head)
            ? AFTER_PARENT.matcher(s.substring(head.length()))
            : null;
    if (m == null || !m.matches()) {
      derived = false;
      return;
    }
    String digits = m.group(2);
    if (derivedPrefix == null) {
      derivedPrefix = m.group(1);
      derivedSuffix = m.group(3);
      derivedWidth = digits.length();
    } else if (!derivedPrefix.equals(m.group(1)) || !derivedSuffix.equals(m.group(3))) {
      derived = false;
      return;
    } else if (derivedWidth != digits.length()) {
      derivedWidth = 0;
    }
    if (derivedWidth == 0 && digits.length() > 1 && digits.charAt(0) == '0') {
      derived = false;
      return;
    }
    derivedMin = Math.min(derivedMin, Long.parseLong(digits));
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
      case UUID -> {
        java.util.UUID u = (java.util.UUID) v;
        if (u.version() != 7) {
          version7 = false;
        } else {
          long millis = u.getMostSignificantBits() >>> 16;
          firstMillis = Math.min(firstMillis, millis);
          lastMillis = Math.max(lastMillis, millis);
        }
      }
      default -> {}
    }
  }

  private void observeString(String s) {
    maxLength = Math.max(maxLength, s.length());
    if (templated) {
      observeTemplate(s);
    }
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

  private static char classOf(char c) {
    return c >= 'A' && c <= 'Z' ? 'A' : c >= 'a' && c <= 'z' ? 'a' : c >= '0' && c <= '9' ? '9' : 0;
  }

  /** Narrows the template: positions where values differ become the class both characters share. */
  private void observeTemplate(String s) {
    if (template == null) {
      template = s.toCharArray();
      classed = new boolean[template.length];
      return;
    }
    if (s.length() != template.length) {
      templated = false;
      return;
    }
    for (int i = 0; i < template.length; i++) {
      char c = s.charAt(i);
      if (classed[i]) {
        if (classOf(c) != template[i]) {
          templated = false;
          return;
        }
      } else if (c != template[i]) {
        char k = classOf(c);
        if (k == 0 || k != classOf(template[i])) {
          templated = false;
          return;
        }
        template[i] = k;
        classed[i] = true;
      }
    }
  }

  /**
   * The template of letter and digit classes every value fits, when it varies somewhere and holds
   * at least four times as many values as the source has; else null.
   */
  private String template() {
    if (!templated || template == null || count < 2) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    boolean varies = false;
    for (int i = 0; i < template.length; i++) {
      if (classed[i]) {
        sb.append(template[i]);
        varies = true;
      } else {
        sb.append('\\').append(template[i]);
      }
    }
    String t = sb.toString();
    return varies && KeyFormat.capacity(t) >= 4 * count ? t : null;
  }

  KeyFormat format() {
    double nullRate = nullable && nulls + count > 0 ? nulls / (double) (nulls + count) : 0;
    long start = count == 0 || min == Long.MAX_VALUE ? 1 : min;
    KeyFormat f =
        switch (type) {
          case UUID ->
              version7 && count > 0
                  ? new KeyFormat(
                      KeyFormat.Style.UUID7,
                      type,
                      firstMillis,
                      "",
                      "",
                      (int) Math.min(Integer.MAX_VALUE, (lastMillis - firstMillis) / count),
                      0)
                  : new KeyFormat(KeyFormat.Style.UUID, type, 0, "", "", 0, 0);
          case STRING ->
              count == 0
                  ? new KeyFormat(KeyFormat.Style.PATTERN, type, 1, "", "", 0, 0)
                  : patterned
                      ? new KeyFormat(
                          KeyFormat.Style.PATTERN, type, start, prefix, suffix, width, 0)
                      : derived
                          ? new KeyFormat(
                              KeyFormat.Style.DERIVED,
                              type,
                              derivedMin,
                              derivedPrefix,
                              derivedSuffix,
                              derivedWidth,
                              0,
                              from)
                          : template() != null
                              ? new KeyFormat(
                                  KeyFormat.Style.TEMPLATE, type, 0, template(), "", 0, 0)
                              : new KeyFormat(
                                  KeyFormat.Style.SHAPE,
                                  type,
                                  0,
                                  "",
                                  "",
                                  (int) Math.min(maxLength, 64),
                                  0);
          default -> KeyFormat.sequence(type, start);
        };
    return f.withNullRate(nullRate);
  }
}
