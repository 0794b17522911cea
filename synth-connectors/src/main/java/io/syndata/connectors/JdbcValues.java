package io.syndata.connectors;

import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.ValueFormat;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * Reads one result-set column as canonical values. Temporal values are read as java.time through
 * {@code getObject(i, Class)} where the driver supports it; where it does not (or stores text, as
 * SQLite does) the column falls back, once, to converting whatever {@code getObject} returns.
 */
final class JdbcValues {
  private final DataType type;
  private final int scale;
  private final ValueFormat format;
  private final int length;
  private final boolean bitsAsBytes;
  private boolean typed;

  JdbcValues(Column column, Dialect dialect) {
    this.type = column.type();
    this.scale = column.scale();
    this.format = column.format();
    this.length = column.length();
    this.bitsAsBytes = dialect.bitsAsBytes();
    this.typed = dialect.readsJavaTime();
  }

  Object read(ResultSet rs, int i) throws SQLException {
    switch (type) {
      case BOOLEAN -> {
        Object o = rs.getObject(i);
        return o == null ? null : toBoolean(o);
      }
      case INTEGER -> {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
      }
      case DECIMAL -> {
        BigDecimal v = rs.getBigDecimal(i);
        // keep the declared scale where the database does not (SQLite stores 12.50 as 12.5)
        return v != null && v.scale() < scale ? v.setScale(scale) : v;
      }
      case FLOAT -> {
        double v = rs.getDouble(i);
        return rs.wasNull() ? null : v;
      }
      case STRING -> {
        if (format == ValueFormat.BYTES) {
          byte[] bytes = rs.getBytes(i);
          return bytes == null ? null : TextValues.hex(bytes);
        }
        if (format == ValueFormat.BITS && bitsAsBytes) {
          byte[] bytes = rs.getBytes(i);
          return bytes == null ? null : TextValues.bits(bytes, length);
        }
        return rs.getString(i);
      }
      default -> {
        if (typed) {
          try {
            Object o = rs.getObject(i, type.javaType());
            return o instanceof OffsetDateTime odt ? odt.withOffsetSameInstant(ZoneOffset.UTC) : o;
          } catch (SQLException | RuntimeException e) {
            typed = false;
          }
        }
        return convert(rs.getObject(i), type);
      }
    }
  }

  private static Boolean toBoolean(Object o) {
    if (o instanceof Boolean b) {
      return b;
    }
    if (o instanceof Number n) {
      return n.longValue() != 0;
    }
    return (Boolean) TextValues.parse(o.toString(), DataType.BOOLEAN);
  }

  /** Converts what a driver returned for a temporal or UUID column to the canonical type. */
  static Object convert(Object o, DataType type) {
    if (o == null || type.javaType().isInstance(o)) {
      return o;
    }
    if (o instanceof String s) {
      return TextValues.parse(s, type);
    }
    return switch (type) {
      case DATE ->
          o instanceof java.sql.Date d
              ? d.toLocalDate()
              : o instanceof Timestamp t
                  ? t.toLocalDateTime().toLocalDate()
                  : o instanceof LocalDateTime t
                      ? t.toLocalDate()
                      : o instanceof Number n
                          ? Instant.ofEpochMilli(n.longValue())
                              .atZone(ZoneId.systemDefault())
                              .toLocalDate()
                          : unexpected(o, type);
      case TIME ->
          o instanceof Time t
              ? t.toLocalTime()
              : o instanceof Timestamp t ? t.toLocalDateTime().toLocalTime() : unexpected(o, type);
      case TIMESTAMP ->
          o instanceof Timestamp t
              ? t.toLocalDateTime()
              : o instanceof java.sql.Date d
                  ? d.toLocalDate().atStartOfDay()
                  : o instanceof OffsetDateTime t
                      ? t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
                      : o instanceof Number n
                          ? LocalDateTime.ofInstant(
                              Instant.ofEpochMilli(n.longValue()), ZoneId.systemDefault())
                          : unexpected(o, type);
      case TIMESTAMP_TZ ->
          o instanceof Timestamp t
              ? t.toInstant().atOffset(ZoneOffset.UTC)
              : o instanceof OffsetDateTime t
                  ? t.withOffsetSameInstant(ZoneOffset.UTC)
                  : o instanceof ZonedDateTime t
                      ? t.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC)
                      : o instanceof LocalDateTime t
                          ? t.atOffset(ZoneOffset.UTC)
                          : o instanceof Instant t
                              ? t.atOffset(ZoneOffset.UTC)
                              : unexpected(o, type);
      case UUID ->
          o instanceof byte[] b && b.length == 16
              ? new UUID(ByteBuffer.wrap(b).getLong(), ByteBuffer.wrap(b).getLong(8))
              : TextValues.parse(o.toString(), type);
      case BOOLEAN, INTEGER, DECIMAL, FLOAT, STRING -> unexpected(o, type);
    };
  }

  private static Object unexpected(Object o, DataType type) {
    throw new IllegalArgumentException(
        "the driver returned " + o.getClass().getName() + " '" + o + "' for a " + type + " column");
  }
}
