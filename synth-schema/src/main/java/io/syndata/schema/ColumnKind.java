package io.syndata.schema;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a column is synthesized. Introspection guesses it; users may change it in the schema file.
 */
public enum ColumnKind {
  /** Keys and identifiers: generated in the source's format, never learned. */
  ID,
  /** A small set of repeated values (includes booleans): learned as frequencies. */
  CATEGORICAL,
  /** Integers and decimals: learned as a distribution keeping range and rounding. */
  NUMERIC,
  /** Dates, times and timestamps: learned as a distribution keeping range and granularity. */
  DATETIME,
  /** Free or high-cardinality text: regenerated in the same shape, real values never emitted. */
  TEXT,
  /** Personal data (names, e-mails, phones, addresses): replaced by fakes of the same kind. */
  PII;

  @JsonValue
  public String fileName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  @com.fasterxml.jackson.annotation.JsonCreator
  public static ColumnKind parse(String text) {
    for (ColumnKind kind : values()) {
      if (kind.fileName().equalsIgnoreCase(text.trim())) {
        return kind;
      }
    }
    throw new SynthException(
        "unknown column kind '"
            + text
            + "': use one of id, categorical, numeric, datetime, text, pii");
  }
}
