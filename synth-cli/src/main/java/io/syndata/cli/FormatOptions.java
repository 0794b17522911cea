package io.syndata.cli;

import io.syndata.export.ExportOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The file formats of a folder target and their options; shared by generate and export. */
final class FormatOptions {
  @Option(
      names = "--format",
      split = ",",
      paramLabel = "<format>",
      defaultValue = "csv",
      description =
          "For a folder target: csv, xlsx, sql, parquet, json, jsonl, xml or dbunit; several, "
              + "comma-separated, write a subfolder each (default: csv). See docs/exports.md.")
  List<String> formats = new ArrayList<>();

  @Option(
      names = "--sql-dialect",
      paramLabel = "<dialect>",
      description =
          "For --format sql: postgresql (default), mysql, mariadb, h2, sqlite, oracle or sqlserver "
              + "(the last two rendered by SynData itself, not run on a server in its tests).")
  String sqlDialect;

  @Option(
      names = "--export-option",
      paramLabel = "<format.key=value>",
      description =
          "A format option, repeatable: csv.delimiter=';', csv.null='\\\\N', csv.gzip=true, "
              + "xlsx.rows-per-sheet=N, parquet.compression=zstd, parquet.per-partition=true, "
              + "sql.rows-per-insert=N, "
              + "json.nested=true (documents nesting child rows).")
  List<String> exportOptions = new ArrayList<>();

  @Option(
      names = "--overwrite",
      description =
          "For a folder target that holds an earlier export (its schema.json): replace it, atomically,"
              + " on success. Any other folder that is not empty is refused, with or without it.")
  boolean overwrite;

  ExportOptions export() {
    ExportOptions options = ExportOptions.parse(exportOptions);
    if (overwrite) {
      options = options.with(io.syndata.export.Exporters.OVERWRITE, "true");
    }
    return sqlDialect == null ? options : options.with("sql.dialect", sqlDialect);
  }
}
