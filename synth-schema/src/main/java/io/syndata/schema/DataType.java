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

  /** Whether values of this type are ordered numbers or instants the model treats as numeric. */
  public boolean isNumeric() {
    return this == INTEGER || this == DECIMAL || this == FLOAT;
  }

  public boolean isTemporal() {
    return this == DATE || this == TIME || this == TIMESTAMP || this == TIMESTAMP_TZ;
  }
}
