package io.syndata.connectors;

import io.syndata.schema.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.UUID;

/**
 * Canonical values as text and back: ISO dates and times, plain decimals. Parsing is lenient where
 * real files differ ({@code T} or a space between date and time, any fraction, an optional offset);
 * formatting is strict ISO so that what one run writes the next reads.
 */
final class TextValues {
  private static final DateTimeFormatter DATE_TIME =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendPattern("[ ]['T']")
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart()
          .appendPattern("[XXX][XX][X]")
          .optionalEnd()
          .toFormatter(Locale.ROOT);

  private TextValues() {}

  /**
   * Parses text as a value of the type.
   *
   * @throws IllegalArgumentException (or a subclass) when the text is not such a value
   */
  static Object parse(String text, DataType type) {
    String s = type == DataType.STRING ? text : text.trim();
    return switch (type) {
      case BOOLEAN -> parseBoolean(s);
      case INTEGER -> Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
      case DECIMAL -> new BigDecimal(s);
      case FLOAT -> Double.parseDouble(s);
      case STRING -> s;
      case DATE -> LocalDate.parse(s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) : s);
      case TIME -> LocalTime.parse(s);
      case TIMESTAMP -> LocalDateTime.from(parseDateTime(s));
      case TIMESTAMP_TZ -> {
        TemporalAccessor t = parseDateTime(s);
        // A timestamp without offset in a time-zone column is taken as UTC.
        yield t.isSupported(ChronoField.OFFSET_SECONDS)
            ? OffsetDateTime.from(t).withOffsetSameInstant(ZoneOffset.UTC)
            : LocalDateTime.from(t).atOffset(ZoneOffset.UTC);
      }
      case UUID -> UUID.fromString(s);
    };
  }

  private static TemporalAccessor parseDateTime(String s) {
    try {
      return DATE_TIME.parse(s);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static Boolean parseBoolean(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "true", "t", "1", "yes", "y" -> Boolean.TRUE;
      case "false", "f", "0", "no", "n" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("not a boolean: " + s);
    };
  }

  /** The text of a canonical value: ISO temporals (UTC offset as {@code Z}), plain decimals. */
  /** Bytes as PostgreSQL prints them: {@code \x} and two hex digits a byte. */
  static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder(2 + bytes.length * 2).append("\\x");
    for (byte b : bytes) {
      sb.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
    }
    return sb.toString();
  }

  /** The bytes of {@link #hex} text; other text as its UTF-8 bytes. */
  static byte[] hexBytes(String text) {
    if (!text.startsWith("\\x") || (text.length() - 2) % 2 != 0) {
      return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    byte[] bytes = new byte[(text.length() - 2) / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(text.substring(2 + 2 * i, 4 + 2 * i), 16);
    }
    return bytes;
  }

  /** The lowest {@code bits} bits of bytes read from a BIT(n) column, as 0s and 1s. */
  static String bits(byte[] bytes, int bits) {
    StringBuilder sb = new StringBuilder();
    for (byte b : bytes) {
      for (int i = 7; i >= 0; i--) {
        sb.append((b >> i & 1) == 1 ? '1' : '0');
      }
    }
    int n = bits > 0 ? bits : sb.length();
    return sb.length() >= n ? sb.substring(sb.length() - n) : "0".repeat(n - sb.length()) + sb;
  }

  static String format(Object value) {
    if (value instanceof BigDecimal bd) {
      return bd.toPlainString();
    }
    if (value instanceof LocalTime t) {
      return DateTimeFormatter.ISO_LOCAL_TIME.format(t);
    }
    if (value instanceof LocalDateTime t) {
      return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
    }
    if (value instanceof OffsetDateTime t) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }
    return String.valueOf(value);
  }

  /** A short description of the expected form, for error messages. */
  static String expected(DataType type) {
    return switch (type) {
      case BOOLEAN -> "true or false";
      case INTEGER -> "a whole number";
      case DECIMAL, FLOAT -> "a number";
      case STRING -> "text";
      case DATE -> "a date yyyy-MM-dd";
      case TIME -> "a time HH:mm:ss";
      case TIMESTAMP -> "a timestamp yyyy-MM-dd HH:mm:ss";
      case TIMESTAMP_TZ -> "a timestamp with offset yyyy-MM-ddTHH:mm:ssZ";
      case UUID -> "a UUID";
    };
  }
}
