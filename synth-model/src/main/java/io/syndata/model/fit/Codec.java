package io.syndata.model.fit;

import io.syndata.schema.DataType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Maps the values of a numeric or temporal column to doubles and back: numbers as themselves, dates
 * as epoch days, times as seconds of the day, timestamps as epoch seconds (UTC). Decoding rounds to
 * the granularity learned from the source: decimals for numbers, day/second/milli/micro for
 * instants.
 */
public final class Codec {
  public final DataType type;

  /** Decimals numbers are rounded to, -1 for no rounding. */
  public final int decimals;

  /** Scale of decoded {@link BigDecimal}s. */
  public final int scale;

  /** Step of temporal values in seconds (86400, 1, 0.001 or 0.000001); days for dates. */
  public final double unit;

  public Codec(DataType type, int decimals, int scale, double unit) {
    this.type = type;
    this.decimals = decimals;
    this.scale = scale;
    this.unit = unit;
  }

  public static double toDouble(Object v) {
    if (v == null) {
      return Double.NaN;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof LocalDate d) {
      return d.toEpochDay();
    }
    if (v instanceof LocalTime t) {
      return t.toNanoOfDay() / 1e9;
    }
    if (v instanceof LocalDateTime t) {
      return t.toEpochSecond(ZoneOffset.UTC) + t.getNano() / 1e9;
    }
    if (v instanceof OffsetDateTime t) {
      return t.toEpochSecond() + t.getNano() / 1e9;
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    throw new IllegalArgumentException(
        "not a numeric or temporal value: " + v.getClass().getSimpleName());
  }

  public Object decode(double x) {
    if (Double.isNaN(x)) {
      return null;
    }
    switch (type) {
      case INTEGER:
        return Math.round(x);
      case DECIMAL:
        return BigDecimal.valueOf(x)
            .setScale(decimals < 0 ? scale : Math.min(decimals, scale), RoundingMode.HALF_UP)
            .setScale(scale, RoundingMode.HALF_UP);
      case FLOAT:
        if (decimals < 0) {
          return x;
        }
        double f = Math.pow(10, decimals);
        return Math.round(x * f) / f;
      case DATE:
        return LocalDate.ofEpochDay(Math.round(x));
      case TIME:
        {
          long micros = Math.round(Math.round(x / unit) * unit * 1e6);
          micros = Math.max(0, Math.min(micros, 86_400_000_000L - 1));
          return LocalTime.ofNanoOfDay(micros * 1000);
        }
      case TIMESTAMP:
      case TIMESTAMP_TZ:
        {
          long micros =
              unit >= 1
                  ? Math.round(x / unit) * (long) unit * 1_000_000L
                  : Math.round(Math.round(x / unit) * unit * 1e6);
          LocalDateTime t =
              LocalDateTime.ofEpochSecond(
                  Math.floorDiv(micros, 1_000_000L),
                  (int) Math.floorMod(micros, 1_000_000L) * 1000,
                  ZoneOffset.UTC);
          return type == DataType.TIMESTAMP ? t : OffsetDateTime.of(t, ZoneOffset.UTC);
        }
      default:
        throw new IllegalStateException("no numeric codec for " + type);
    }
  }

  /** Learns the granularity of a column's values, streaming. */
  public static final class Learner {
    private final DataType type;
    private final int declaredScale;
    private int decimals;
    private double unit;

    public Learner(DataType type, int declaredScale) {
      this.type = type;
      this.declaredScale = declaredScale;
      this.unit = type == DataType.DATE ? 1 : type == DataType.TIME ? 1 : 86_400;
      this.decimals = 0;
    }

    public void observe(Object v) {
      switch (type) {
        case DECIMAL -> {
          int s = ((BigDecimal) v).stripTrailingZeros().scale();
          decimals = Math.max(decimals, Math.min(Math.max(s, 0), 18));
        }
        case FLOAT -> {
          if (decimals >= 0) {
            double x = (Double) v;
            int d = 0;
            while (d <= 6
                && Math.abs(x * Math.pow(10, d) - Math.rint(x * Math.pow(10, d)))
                    > 1e-9 * Math.max(1, Math.abs(x * Math.pow(10, d)))) {
              d++;
            }
            decimals = d > 6 ? -1 : Math.max(decimals, d);
          }
        }
        case TIME -> unit = Math.min(unit, unitOf(((LocalTime) v).getNano(), false));
        case TIMESTAMP -> {
          LocalDateTime t = (LocalDateTime) v;
          unit = Math.min(unit, unitOf(t.getNano(), t.toLocalTime().equals(LocalTime.MIDNIGHT)));
        }
        case TIMESTAMP_TZ -> {
          LocalDateTime t =
              ((OffsetDateTime) v).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
          unit = Math.min(unit, unitOf(t.getNano(), t.toLocalTime().equals(LocalTime.MIDNIGHT)));
        }
        default -> {}
      }
    }

    private static double unitOf(int nano, boolean midnight) {
      if (midnight) {
        return 86_400;
      }
      if (nano == 0) {
        return 1;
      }
      return nano % 1_000_000 == 0 ? 1e-3 : 1e-6;
    }

    public Codec codec() {
      int scale = type == DataType.DECIMAL ? Math.max(declaredScale, decimals) : 0;
      int d = type == DataType.INTEGER ? 0 : decimals;
      return new Codec(type, d, scale, unit);
    }
  }
}
