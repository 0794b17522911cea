package io.syndata.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param sql what the database declares beyond the portable type (exact type, value format, enum
 *     labels, default, comment, identity, computed expression); empty for files and plain columns
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
    boolean excluded,
    @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<SqlDetail> sql) {

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
    sql = sql == null ? Optional.empty() : sql;
    pii.ifPresent(ColumnKinds::checkPii);
    if (kind == ColumnKind.PII && pii.isEmpty()) {
      pii = ColumnKinds.piiOf(name);
    }
  }

  /** A column without database detail. */
  public Column(
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
    this(
        name,
        type,
        sqlType,
        length,
        precision,
        scale,
        nullable,
        kind,
        pii,
        excluded,
        Optional.empty());
  }

  /** What the column's text stands for: {@link ValueFormat#PLAIN} unless the database says. */
  public ValueFormat format() {
    return sql.map(SqlDetail::format).orElse(ValueFormat.PLAIN);
  }

  /** Whether the database computes the column itself ({@code GENERATED ALWAYS AS … STORED}). */
  public boolean computed() {
    return sql.flatMap(SqlDetail::generatedAs).isPresent();
  }

  public Column withSql(Optional<SqlDetail> newSql) {
    return new Column(
        name, type, sqlType, length, precision, scale, nullable, kind, pii, excluded, newSql);
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
        name, type, sqlType, length, precision, scale, nullable, newKind, newPii, excluded, sql);
  }

  public Column withNullable(boolean newNullable) {
    return new Column(
        name, type, sqlType, length, precision, scale, newNullable, kind, pii, excluded, sql);
  }

  public Column withType(DataType newType, int newLength, int newPrecision, int newScale) {
    return new Column(
        name,
        newType,
        sqlType,
        newLength,
        newPrecision,
        newScale,
        nullable,
        kind,
        pii,
        excluded,
        sql);
  }
}
