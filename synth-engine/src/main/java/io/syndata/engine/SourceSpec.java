package io.syndata.engine;

import io.syndata.connectors.CsvOptions;
import io.syndata.data.SchemaFilter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where real data comes from.
 *
 * @param location a JDBC URL ({@code jdbc:...}) or a folder of CSV files
 * @param schemaFile an edited schema file to use instead of guessing kinds (required for nothing,
 *     but it is the only way to declare keys of a CSV folder that inference would miss)
 * @param filter which source schemas and tables to take
 * @param csv how a folder of CSV files is read (encoding, bad values); a database takes only the
 *     default
 * @param tables per-table choices: kept and synthesized tables, cascading excludes
 */
public record SourceSpec(
    String location,
    Optional<Path> schemaFile,
    SchemaFilter filter,
    CsvOptions csv,
    TableChoices tables) {
  public SourceSpec {
    schemaFile = schemaFile == null ? Optional.empty() : schemaFile;
    filter = filter == null ? SchemaFilter.ALL : filter;
    csv = csv == null ? CsvOptions.DEFAULT : csv;
    tables = tables == null ? TableChoices.NONE : tables;
  }

  /** A spec with no per-table choices. */
  public SourceSpec(
      String location, Optional<Path> schemaFile, SchemaFilter filter, CsvOptions csv) {
    this(location, schemaFile, filter, csv, TableChoices.NONE);
  }

  /** A spec reading CSV files with the default options (detected encoding). */
  public SourceSpec(String location, Optional<Path> schemaFile, SchemaFilter filter) {
    this(location, schemaFile, filter, CsvOptions.DEFAULT);
  }

  public static SourceSpec of(String location) {
    return new SourceSpec(location, Optional.empty(), SchemaFilter.ALL);
  }

  /** The same spec on another location (a holdout set beside the training data). */
  public SourceSpec withLocation(String other) {
    return new SourceSpec(other, schemaFile, filter, csv, tables);
  }
}
