package io.syndata.schema;

import java.util.List;
import java.util.Optional;

/**
 * What a database declares about a column beyond its portable {@link DataType}: enough for a target
 * of the same dialect to recreate the column exactly, and for the model to make values its type
 * accepts.
 *
 * @param dialect the database that spelled {@code type}: {@code postgresql}, {@code mariadb},
 *     {@code mysql}, {@code sqlite}, {@code duckdb}, {@code h2}, or empty
 * @param type the column type as that database's DDL spells it ({@code integer}, {@code character
 *     varying(20)}, {@code mood}, {@code int(10) unsigned}, {@code enum('a','b')})
 * @param format what the column's text stands for ({@link ValueFormat#PLAIN} for ordinary columns)
 * @param labels the labels of an enumeration or set type, in declared order
 * @param typeDefinition for a user-defined type (a PostgreSQL enum or domain), the statement that
 *     creates it; run by a target of the same dialect before its tables are created
 * @param defaultValue the column default as the source declares it
 * @param comment the column comment
 * @param generatedAs the expression of a computed column ({@code GENERATED ALWAYS AS (…) STORED}):
 *     such a column is left for the database to compute on a target that has it
 * @param identity whether the database numbers the column itself (identity, serial,
 *     auto_increment): generated keys are written, and the counter is set above them afterwards
 * @param unsigned whether the integer type is unsigned (MySQL/MariaDB)
 */
public record SqlDetail(
    String dialect,
    String type,
    ValueFormat format,
    List<String> labels,
    Optional<String> typeDefinition,
    Optional<String> defaultValue,
    Optional<String> comment,
    Optional<String> generatedAs,
    boolean identity,
    boolean unsigned) {

  public SqlDetail {
    dialect = dialect == null ? "" : dialect;
    type = type == null ? "" : type;
    format = format == null ? ValueFormat.PLAIN : format;
    labels = labels == null ? List.of() : List.copyOf(labels);
    typeDefinition = typeDefinition == null ? Optional.empty() : typeDefinition;
    defaultValue = defaultValue == null ? Optional.empty() : defaultValue;
    comment = comment == null ? Optional.empty() : comment;
    generatedAs = generatedAs == null ? Optional.empty() : generatedAs;
  }

  /** Plain detail: a type spelled by a dialect, nothing else declared. */
  public static SqlDetail of(String dialect, String type, ValueFormat format) {
    return new SqlDetail(
        dialect,
        type,
        format,
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        false);
  }

  public SqlDetail withLabels(List<String> newLabels) {
    return new SqlDetail(
        dialect,
        type,
        format,
        newLabels,
        typeDefinition,
        defaultValue,
        comment,
        generatedAs,
        identity,
        unsigned);
  }

  public SqlDetail withTypeDefinition(Optional<String> definition) {
    return new SqlDetail(
        dialect,
        type,
        format,
        labels,
        definition,
        defaultValue,
        comment,
        generatedAs,
        identity,
        unsigned);
  }

  public SqlDetail withDeclarations(
      Optional<String> newDefault,
      Optional<String> newComment,
      Optional<String> newGeneratedAs,
      boolean newIdentity) {
    return new SqlDetail(
        dialect,
        type,
        format,
        labels,
        typeDefinition,
        newDefault,
        newComment,
        newGeneratedAs,
        newIdentity,
        unsigned);
  }

  public SqlDetail withUnsigned(boolean newUnsigned) {
    return new SqlDetail(
        dialect,
        type,
        format,
        labels,
        typeDefinition,
        defaultValue,
        comment,
        generatedAs,
        identity,
        newUnsigned);
  }
}
