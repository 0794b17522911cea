package io.syndata.model;

import io.syndata.schema.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The format of a generated key or identifier, learned from the source, as a function from an
 * ordinal (0, 1, 2, …) to a value: distinct ordinals give distinct values.
 *
 * @param style how values are made
 * @param type the column type (values come in its canonical Java type)
 * @param start the first number ({@link Style#SEQUENCE}, {@link Style#PATTERN}): the source's
 *     minimum
 * @param prefix constant text before the number ({@link Style#PATTERN}), or the template ({@link
 *     Style#TEMPLATE}: {@code A} an upper-case letter, {@code a} a lower-case one, {@code 9} a
 *     digit, {@code \c} the literal character {@code c})
 * @param suffix constant text after the number ({@link Style#PATTERN})
 * @param width zero-padded width of the number ({@link Style#PATTERN}, 0 for none), or the length
 *     of the value ({@link Style#SHAPE})
 * @param nullRate share of nulls, for non-key identifier columns
 * @param from the column whose value begins each value ({@link Style#DERIVED}), else empty
 */
public record KeyFormat(
    Style style,
    DataType type,
    long start,
    String prefix,
    String suffix,
    int width,
    double nullRate,
    String from) {

  public enum Style {
    /** Numbers (or days, seconds) counting up from {@code start}. */
    SEQUENCE,
    /** Random-looking version-4 UUIDs. */
    UUID,
    /**
     * Time-ordered version-7 UUIDs, as the source's were: a millisecond timestamp counting from
     * {@code start}, {@code width} milliseconds apart, then keyed random bits (no counter shows).
     */
    UUID7,
    /** {@code prefix + zero-padded number + suffix}, like {@code C-000123}. */
    PATTERN,
    /** Upper-case letters and digits of the source's length, unique by a base-36 tail. */
    SHAPE,
    /**
     * Letters and digits in the positions the source has them, literal characters where every
     * source value has the same one ({@code AB-1234-x}: {@code AA\-9999\-a}), the ordinal spread
     * over the template's values by a keyed permutation, so values are unique and show no counter.
     */
    TEMPLATE,
    /**
     * {@code <from> + prefix + zero-padded number + suffix}, the number counting the rows of the
     * same parent from {@code start}: an order {@code 1234_7} of customer {@code 1234}. Unique
     * because the parent's key is.
     */
    DERIVED
  }

  private static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  public KeyFormat {
    prefix = prefix == null ? "" : prefix;
    suffix = suffix == null ? "" : suffix;
    from = from == null ? "" : from;
  }

  /** A format that takes no part from another column. */
  public KeyFormat(
      Style style,
      DataType type,
      long start,
      String prefix,
      String suffix,
      int width,
      double nullRate) {
    this(style, type, start, prefix, suffix, width, nullRate, "");
  }

  public static KeyFormat sequence(DataType type, long start) {
    return new KeyFormat(Style.SEQUENCE, type, start, "", "", 0, 0);
  }

  public KeyFormat withNullRate(double rate) {
    return new KeyFormat(style, type, start, prefix, suffix, width, rate, from);
  }

  /**
   * The value of a {@link Style#DERIVED} key: the row's value of {@link #from} and its number among
   * the rows of the same parent (0 for the first).
   */
  public String derived(Object fromValue, long withinParent) {
    return fromValue + number(start + withinParent) + suffix;
  }

  private String number(long n) {
    String digits = Long.toString(n);
    StringBuilder sb = new StringBuilder(prefix);
    for (int i = digits.length(); i < width; i++) {
      sb.append('0');
    }
    return sb.append(digits).toString();
  }

  /**
   * The value for an ordinal.
   *
   * @param salt varies random-looking styles (UUID, SHAPE) between tables and seeds
   */
  public Object value(long ordinal, long salt) {
    return switch (style) {
      case UUID -> uuid(ordinal, salt);
      case UUID7 -> uuid7(ordinal, salt);
      case PATTERN -> number(start + ordinal) + suffix;
      case DERIVED ->
          throw new IllegalStateException("a derived key is made from its row: use derived()");
      case SHAPE -> shape(ordinal, salt);
      case TEMPLATE -> template(ordinal, salt);
      case SEQUENCE -> sequenceValue(start + ordinal);
    };
  }

  private Object sequenceValue(long n) {
    return switch (type) {
      case INTEGER -> n;
      case DECIMAL -> BigDecimal.valueOf(n);
      case FLOAT -> (double) n;
      case STRING -> Long.toString(n);
      case DATE -> LocalDate.ofEpochDay(n);
      case TIME -> LocalTime.ofSecondOfDay(Math.floorMod(n, 86_400L));
      case TIMESTAMP -> LocalDateTime.ofEpochSecond(n, 0, ZoneOffset.UTC);
      case TIMESTAMP_TZ ->
          OffsetDateTime.of(LocalDateTime.ofEpochSecond(n, 0, ZoneOffset.UTC), ZoneOffset.UTC);
      case BOOLEAN -> (n & 1) == 1;
      case UUID -> uuid(n, 0);
    };
  }

  private static UUID uuid(long ordinal, long salt) {
    long high = Seeds.mix(salt ^ Seeds.mix(ordinal));
    high = (high & ~0xF000L) | 0x4000L;
    // The low half is a keyed bijection of the ordinal on 62 bits, so values never collide and
    // show no counter.
    long low = scramble62(ordinal ^ Seeds.mix(salt)) | 0x8000_0000_0000_0000L;
    return new UUID(high, low);
  }

  private UUID uuid7(long ordinal, long salt) {
    long millis = start + ordinal * (long) width;
    long high = (millis << 16) | 0x7000L | (Seeds.mix(salt ^ Seeds.mix(~ordinal)) & 0x0FFFL);
    long low = scramble62(ordinal ^ Seeds.mix(salt)) | 0x8000_0000_0000_0000L;
    return new UUID(high, low);
  }

  private static final long MASK_62 = 0x3FFF_FFFF_FFFF_FFFFL;

  /** A bijection of the low 62 bits: odd multiplications and xor-shifts, each invertible. */
  static long scramble62(long x) {
    x &= MASK_62;
    x = (x * 0x9E3779B97F4A7C15L) & MASK_62;
    x ^= x >>> 29;
    x = (x * 0xBF58476D1CE4E5B9L) & MASK_62;
    x ^= x >>> 32;
    x = (x * 0x94D049BB133111EBL) & MASK_62;
    return x ^ (x >>> 29);
  }

  /** How many values a {@link Style#TEMPLATE} holds, at most {@code Long.MAX_VALUE / 2}. */
  public static long capacity(String template) {
    long capacity = 1;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '\\') {
        i++;
        continue;
      }
      int radix = c == '9' ? 10 : 26;
      if (capacity > Long.MAX_VALUE / 2 / radix) {
        return Long.MAX_VALUE / 2;
      }
      capacity *= radix;
    }
    return capacity;
  }

  private String template(long ordinal, long salt) {
    long capacity = capacity(prefix);
    long x = new Permutation(capacity, salt).apply(ordinal % capacity);
    StringBuilder sb = new StringBuilder(prefix.length());
    for (int i = 0; i < prefix.length(); i++) {
      char c = prefix.charAt(i);
      if (c == '\\') {
        sb.append(prefix.charAt(++i));
      } else {
        int radix = c == '9' ? 10 : 26;
        int digit = (int) (x % radix);
        x /= radix;
        sb.append(c == '9' ? (char) ('0' + digit) : (char) ((c == 'A' ? 'A' : 'a') + digit));
      }
    }
    // Beyond the template's capacity, a base-36 tail keeps values unique.
    return ordinal < capacity
        ? sb.toString()
        : sb.append(Long.toString(ordinal / capacity, 36).toUpperCase(java.util.Locale.ROOT))
            .toString();
  }

  private String shape(long ordinal, long salt) {
    int length = Math.max(width, 1);
    int tail = Math.min(length, 8);
    String digits = Long.toString(ordinal, 36).toUpperCase(java.util.Locale.ROOT);
    StringBuilder sb = new StringBuilder(Math.max(length, digits.length()));
    long h = Seeds.mix(salt ^ ordinal);
    for (int i = 0; i < length - Math.max(tail, digits.length()); i++) {
      sb.append(ALPHANUMERIC.charAt(10 + (int) Math.floorMod(h, 26L)));
      h = Seeds.mix(h);
    }
    for (int i = digits.length(); i < tail; i++) {
      sb.append('0');
    }
    return sb.append(digits).toString();
  }
}
