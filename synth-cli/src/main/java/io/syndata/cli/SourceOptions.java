package io.syndata.cli;

import io.syndata.connectors.CsvOptions;
import io.syndata.data.SchemaFilter;
import io.syndata.engine.SourceSpec;
import io.syndata.engine.TableChoices;
import io.syndata.schema.SynthException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options that say where real data comes from; shared by every command that reads a source. */
final class SourceOptions {
  @Option(
      names = "--source",
      paramLabel = "<jdbc-url|folder>",
      description =
          "A JDBC URL (credentials as URL parameters, e.g. ?user=app&password=...) or a folder of "
              + "<table>.csv / <table>.csv.gz files with a header row. The source is only read.")
  String location;

  @Option(
      names = "--schema",
      paramLabel = "<file>",
      description =
          "A schema file (from introspect --out, possibly edited): its tables, kinds, keys and "
              + "excluded columns are used instead of guessing.")
  Path schemaFile;

  @Option(
      names = "--source-readers",
      defaultValue = "2",
      paramLabel = "<n>",
      description =
          "Connections a database source's tables of 100,000 rows or more with one integer primary"
              + " key are read over at once, by key ranges (default ${DEFAULT-VALUE}; 1: one query"
              + " per table). The rows read, and so the model, are the same.")
  int readers;

  @Option(
      names = "--schemas",
      split = ",",
      paramLabel = "<pattern>",
      description =
          "Source schemas to read (default: the connection's current schema or database).")
  List<String> schemas = new ArrayList<>();

  @Option(
      names = "--include",
      split = ",",
      paramLabel = "<pattern>",
      description =
          "Only these tables (comma-separated, * and ? allowed). A name that matches nothing is an error.")
  List<String> include = new ArrayList<>();

  @Option(
      names = "--exclude",
      split = ",",
      paramLabel = "<pattern>",
      description = "Leave these tables out (comma-separated, * and ? allowed).")
  List<String> exclude = new ArrayList<>();

  @Option(
      names = "--cascade",
      description =
          "With --exclude: also leave out every table that references an excluded table, directly or "
              + "through others, and list them. Without it, such tables are an error naming them.")
  boolean cascade;

  @Option(
      names = "--keep",
      split = ",",
      paramLabel = "<pattern>",
      description =
          "Copy these tables as they are, at any scale (reference data: countries, currencies). Small "
              + "tables with no parent and no personal column that others reference are kept by default, "
              + "with a note.")
  List<String> keep = new ArrayList<>();

  @Option(
      names = "--mask",
      split = ",",
      paramLabel = "<pattern>",
      description =
          "Copy these tables' rows and keys, with every personal column (e-mail, names, phone, street…) "
              + "replaced by a fake; one source value gets the same fake throughout the run.")
  List<String> mask = new ArrayList<>();

  @Option(
      names = "--synthesize",
      split = ",",
      paramLabel = "<pattern>",
      description = "Synthesize these tables even when they are detected as lookup tables.")
  List<String> synthesize = new ArrayList<>();

  @Option(
      names = "--encoding",
      paramLabel = "<charset>",
      description =
          "Encoding of the CSV files (e.g. UTF-8, ISO-8859-1, windows-1252). Default: a byte-order mark "
              + "decides, else UTF-8; a byte that is not valid in the encoding is an error naming the file, "
              + "line and column.")
  String encoding;

  @Option(
      names = "--bad-values",
      defaultValue = "fail",
      paramLabel = "fail|null",
      description =
          "CSV values that do not parse as their column's type (a column keeps an inferred type when at "
              + "most 1%% of its values fail): fail (default, naming file, line and value) or read them as null, "
              + "with a warning.")
  String badValues;

  SourceSpec spec() {
    if (location == null) {
      throw new SynthException("--source is required: a JDBC URL or a folder of CSV files");
    }
    return new SourceSpec(
        location,
        Optional.ofNullable(schemaFile),
        new SchemaFilter(schemas, include, exclude),
        new CsvOptions(
            Optional.ofNullable(encoding).map(CsvOptions::encoding),
            CsvOptions.BadValues.of(badValues)),
        new TableChoices(keep, synthesize, mask, cascade),
        readers);
  }
}
