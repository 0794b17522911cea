package io.syndata.schema;

/**
 * The portable value types SynData models, each with one canonical Java representation used in
 * every row batch, whatever the source or target.
 */
public enum DataType {
  /** {@link Boolean}. */
  BOOLEAN,
  /** {@link Long}: smallint, int, bigint and friends. */
  INTEGER,
  /** {@link java.math.BigDecimal}: numeric/decimal with precision and scale. */
  DECIMAL,
  /** {@link Double}: real, float, double precision. */
  FLOAT,
  /** {@link String}: char, varchar, text. */
  STRING,
  /** {@link java.time.LocalDate}. */
  DATE,
  /** {@link java.time.LocalTime}. */
  TIME,
  /** {@link java.time.LocalDateTime}. */
  TIMESTAMP,
  /** {@link java.time.OffsetDateTime}, normalised to UTC. */
  TIMESTAMP_TZ,
  /** {@link java.util.UUID}. */
  UUID;

  /** The canonical Java class of this type's values in every row batch. */
  public Class<?> javaType() {
    return switch (this) {
      case BOOLEAN -> Boolean.class;
      case INTEGER -> Long.class;
      case DECIMAL -> java.math.BigDecimal.class;
      case FLOAT -> Double.class;
      case STRING -> String.class;
      case DATE -> java.time.LocalDate.class;
      case TIME -> java.time.LocalTime.class;
      case TIMESTAMP -> java.time.LocalDateTime.class;
      case TIMESTAMP_TZ -> java.time.OffsetDateTime.class;
      case UUID -> java.util.UUID.class;
    };
  }

  /** Whether values of this type are ordered numbers or instants the model treats as numeric. */
  public boolean isNumeric() {
    return this == INTEGER || this == DECIMAL || this == FLOAT;
  }

  public boolean isTemporal() {
    return this == DATE || this == TIME || this == TIMESTAMP || this == TIMESTAMP_TZ;
  }
}
