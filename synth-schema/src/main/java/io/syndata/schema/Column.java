package io.syndata.schema;

import java.util.Optional;

/**
 * One column of a table.
 *
 * @param name the column name exactly as the source spells it
 * @param type the portable value type
 * @param sqlType the source's type name (for example {@code int4}, {@code varchar}); informative
 * @param length maximum length for strings, 0 when unknown or unbounded
 * @param precision numeric precision, 0 when unknown
 * @param scale numeric scale (digits after the point), 0 when none
 * @param nullable whether the column admits nulls
 * @param kind how the column is synthesized
 * @param pii for {@link ColumnKind#PII} columns, what personal data it holds (for example {@code
 *     email}, {@code first_name}); empty otherwise or when unknown
 * @param excluded excluded columns are neither learned nor written (they must be nullable)
 */
public record Column(
    String name,
    DataType type,
    String sqlType,
    int length,
    int precision,
    int scale,
    boolean nullable,
    ColumnKind kind,
    Optional<String> pii,
    boolean excluded) {

  public Column {
    if (name == null || name.isBlank()) {
      throw new SynthException("a column has no name");
    }
    if (type == null) {
      throw new SynthException(
          "column "
              + name
              + " has no type: use one of "
              + java.util.Arrays.toString(DataType.values()));
    }
    sqlType = sqlType == null ? "" : sqlType;
    kind = kind == null ? ColumnKinds.defaultKind(name, type) : kind;
    pii = pii == null ? Optional.empty() : pii;
    pii.ifPresent(ColumnKinds::checkPii);
    if (kind == ColumnKind.PII && pii.isEmpty()) {
      pii = ColumnKinds.piiOf(name);
    }
  }

  /**
   * A column of the given type with no length or precision, the kind left to {@link ColumnKinds}.
   */
  public static Column of(String name, DataType type, boolean nullable) {
    return new Column(
        name,
        type,
        "",
        0,
        0,
        0,
        nullable,
        ColumnKinds.defaultKind(name, type),
        Optional.empty(),
        false);
  }

  public Column withKind(ColumnKind newKind, Optional<String> newPii) {
    return new Column(
        name, type, sqlType, length, precision, scale, nullable, newKind, newPii, excluded);
  }

  public Column withNullable(boolean newNullable) {
    return new Column(
        name, type, sqlType, length, precision, scale, newNullable, kind, pii, excluded);
  }

  public Column withType(DataType newType, int newLength, int newPrecision, int newScale) {
    return new Column(
        name, newType, sqlType, newLength, newPrecision, newScale, nullable, kind, pii, excluded);
  }
}
