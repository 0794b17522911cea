package io.syndata.schema;

/**
 * What a {@link DataType#STRING} column's text stands for, when it is a database value other than
 * plain text: how its values are learned and made, and how a target writes them. Values of every
 * format travel as text in the form PostgreSQL prints them ({@code \x0aff} for bytes, {@code {a,b}}
 * for arrays), so that row batches, CSV files and model files need nothing new.
 */
public enum ValueFormat {
  /** Plain text (and every non-string type). */
  PLAIN,
  /** A JSON document ({@code json}, {@code jsonb}, MySQL's {@code JSON}). */
  JSON,
  /** Bytes as {@code \x} and hex digits ({@code bytea}, {@code blob}, {@code varbinary}). */
  BYTES,
  /** A one-dimensional array literal {@code {a,b,"c d"}} ({@code text[]}, {@code int4[]}). */
  ARRAY,
  /** A full-text vector, derived from the row's text columns as a trigger would. */
  TSVECTOR,
  /** A PostgreSQL interval ({@code 3 days 04:05:06}). */
  INTERVAL,
  /** An IP address ({@code inet}). */
  INET,
  /** An IP network ({@code cidr}). */
  CIDR,
  /** A MAC address ({@code macaddr}). */
  MACADDR,
  /** An amount of money ({@code money}), as a plain decimal number. */
  MONEY,
  /** A string of bits ({@code bit(n)}, {@code varbit}, MySQL's {@code BIT(n)}), as 0s and 1s. */
  BITS,
  /** An XML document. */
  XML,
  /** A range ({@code int4range}, {@code tsrange}, {@code daterange}, …): {@code [low,high)}. */
  RANGE,
  /** A geometry as WKT ({@code POINT(1 2)}): PostgreSQL's point, PostGIS and MySQL spatial. */
  GEOMETRY,
  /** One label of an enumeration (PostgreSQL enums, MySQL {@code ENUM}): learned as categories. */
  ENUM,
  /** A comma-separated subset of labels (MySQL {@code SET}). */
  SET,
  /** A type SynData does not know: its values are kept as text shapes, a NOT NULL one filled. */
  OTHER
}
