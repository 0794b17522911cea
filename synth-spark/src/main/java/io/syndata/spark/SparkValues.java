package io.syndata.spark;

import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.ValueFormat;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Turns what Spark reads (a Parquet file, a JDBC result) into the canonical values every source
 * hands to the fit, as {@code JdbcValues} does for a driver's: {@code Long}, {@code BigDecimal},
 * {@code Double}, {@code String}, {@code java.time} and {@code UUID}.
 */
final class SparkValues {
  private SparkValues() {}

  /**
   * The canonical value of a Spark value in a column.
   *
   * @param zone the session's time zone, in which Spark shows instants read for local times
   * @throws IllegalArgumentException when the value cannot be one of the column's type
   */
  static Object of(Object v, Column c, ZoneId zone) {
    if (v == null) {
      return null;
    }
    DataType type = c.type();
    if (type.javaType().isInstance(v) && type != DataType.DECIMAL) {
      return v;
    }
    return switch (type) {
      case INTEGER -> v instanceof Number n ? integer(n) : Long.parseLong(v.toString().trim());
      case DECIMAL -> decimal(v, c);
      case FLOAT ->
          v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim());
      case BOOLEAN ->
          v instanceof Number n ? n.longValue() != 0 : Boolean.parseBoolean(v.toString().trim());
      case STRING -> v instanceof byte[] b ? string(b, c) : v.toString();
      case DATE ->
          v instanceof java.sql.Date d
              ? d.toLocalDate()
              : v instanceof LocalDateTime t
                  ? t.toLocalDate()
                  : v instanceof Instant i
                      ? i.atZone(zone).toLocalDate()
                      : LocalDate.parse(v.toString());
      case TIME ->
          v instanceof LocalDateTime t
              ? t.toLocalTime()
              : v instanceof Instant i
                  ? i.atZone(zone).toLocalTime()
                  : v instanceof Timestamp t
                      ? t.toLocalDateTime().toLocalTime()
                      : v instanceof Long micros
                          ? LocalTime.ofNanoOfDay(micros * 1_000)
                          : LocalTime.parse(v.toString());
      case TIMESTAMP ->
          v instanceof Instant i
              ? LocalDateTime.ofInstant(i, zone)
              : v instanceof Timestamp t
                  ? t.toLocalDateTime()
                  : v instanceof LocalDate d ? d.atStartOfDay() : LocalDateTime.parse(v.toString());
      case TIMESTAMP_TZ ->
          v instanceof Instant i
              ? i.atOffset(ZoneOffset.UTC)
              : v instanceof LocalDateTime t
                  ? t.atOffset(ZoneOffset.UTC)
                  : v instanceof Timestamp t
                      ? t.toInstant().atOffset(ZoneOffset.UTC)
                      : OffsetDateTime.parse(v.toString()).withOffsetSameInstant(ZoneOffset.UTC);
      case UUID ->
          v instanceof byte[] b && b.length == 16
              ? new UUID(ByteBuffer.wrap(b).getLong(), ByteBuffer.wrap(b).getLong(8))
              : UUID.fromString(v.toString().trim());
    };
  }

  private static long integer(Number n) {
    return n instanceof BigDecimal d ? d.longValueExact() : n.longValue();
  }

  /**
   * Keeps the declared scale, as the native source does; where none is declared Spark reads
   * decimal(38, 18), whose trailing zeros the database never stored.
   */
  private static BigDecimal decimal(Object v, Column c) {
    BigDecimal d =
        v instanceof BigDecimal b
            ? b
            : v instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(v.toString());
    if (c.precision() > 0) {
      return d.scale() == c.scale() ? d : d.setScale(Math.max(0, c.scale()));
    }
    if (v instanceof BigDecimal && d.scale() == 18) {
      BigDecimal stripped = d.stripTrailingZeros();
      return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
    return d;
  }

  /** Bytes as the native source shows them: {@code \x}-hex, or bit strings of a BIT column. */
  private static String string(byte[] bytes, Column c) {
    if (c.format() == ValueFormat.BITS) {
      StringBuilder sb = new StringBuilder(bytes.length * 8);
      for (byte b : bytes) {
        for (int i = 7; i >= 0; i--) {
          sb.append((b >> i & 1) == 1 ? '1' : '0');
        }
      }
      int n = c.length() > 0 ? c.length() : sb.length();
      return sb.length() >= n ? sb.substring(sb.length() - n) : "0".repeat(n - sb.length()) + sb;
    }
    StringBuilder sb = new StringBuilder(2 + bytes.length * 2).append("\\x");
    for (byte b : bytes) {
      sb.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
    }
    return sb.toString();
  }
}
