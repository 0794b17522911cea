package io.syndata.engine;

import io.syndata.data.SchemaFilter;
import io.syndata.data.Source;
import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Checks an edited schema file against the source's own structure before anything is read: every
 * table and kept column must exist there, and every declared type must be readable from the type
 * the source stores (text cannot be read as a number, nor a number as a date). Each problem is one
 * line naming the schema file, the table and the column.
 */
final class SchemaFileCheck {
  private SchemaFileCheck() {}

  /**
   * Fails on the first table, column or type of {@code tables} (from the file at {@code path}) that
   * {@code source} cannot provide.
   */
  static void check(List<Table> tables, Source source, SchemaFilter filter, Path path) {
    if (tables.isEmpty()) {
      return;
    }
    List<String> namespaces =
        tables.stream().flatMap(t -> t.namespace().stream()).distinct().toList();
    Schema real =
        source.structure(
            new SchemaFilter(
                namespaces.isEmpty() ? filter.schemas() : namespaces, List.of(), List.of()));
    for (Table t : tables) {
      Table actual =
          find(real, t)
              .orElseThrow(
                  () ->
                      new SynthException(
                          "schema file "
                              + path
                              + " names table "
                              + t.name()
                              + ", which the source does not have"));
      for (Column c : t.columns()) {
        if (c.excluded()) {
          continue;
        }
        Column stored =
            actual
                .findColumn(c.name())
                .orElseThrow(
                    () ->
                        new SynthException(
                            "schema file "
                                + path
                                + " names column "
                                + t.name()
                                + "."
                                + c.name()
                                + ", which the source table does not have"));
        if (source.declaresTypes() && !readable(c.type(), stored.type())) {
          throw new SynthException(
              "schema file "
                  + path
                  + " declares column "
                  + t.name()
                  + "."
                  + c.name()
                  + " as "
                  + c.type()
                  + ", but the source stores it as "
                  + stored.type()
                  + (stored.sqlType().isEmpty() ? "" : " (" + stored.sqlType() + ")")
                  + ", which cannot be read as "
                  + c.type()
                  + ": put back type "
                  + stored.type()
                  + ", or exclude the column");
        }
      }
    }
  }

  private static Optional<Table> find(Schema real, Table t) {
    return real.tables().stream()
        .filter(r -> r.name().equals(t.name()))
        .filter(r -> t.namespace().isEmpty() || r.namespace().equals(t.namespace()))
        .findFirst();
  }

  /**
   * Whether values the source stores as {@code stored} can be read as {@code declared}: anything as
   * text; numbers and booleans as numbers (booleans as 0 and 1); numbers as booleans; temporals as
   * temporals that keep the date (a date as a timestamp, a timestamp as a date); text as a UUID
   * (UUIDs are often kept as text). Never text as a number or a date, nor a number as a date.
   */
  static boolean readable(DataType declared, DataType stored) {
    if (declared == stored || declared == DataType.STRING) {
      return true;
    }
    return switch (declared) {
      case INTEGER, DECIMAL, FLOAT -> isNumber(stored) || stored == DataType.BOOLEAN;
      case BOOLEAN -> stored == DataType.INTEGER;
      case DATE, TIMESTAMP, TIMESTAMP_TZ -> isDated(stored);
      case TIME -> stored == DataType.TIMESTAMP || stored == DataType.TIMESTAMP_TZ;
      case UUID -> stored == DataType.STRING;
      case STRING -> true;
    };
  }

  private static boolean isNumber(DataType t) {
    return t == DataType.INTEGER || t == DataType.DECIMAL || t == DataType.FLOAT;
  }

  private static boolean isDated(DataType t) {
    return t == DataType.DATE || t == DataType.TIMESTAMP || t == DataType.TIMESTAMP_TZ;
  }
}
