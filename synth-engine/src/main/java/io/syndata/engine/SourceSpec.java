package io.syndata.engine;

import io.syndata.connectors.Connectors;
import io.syndata.connectors.CsvOptions;
import io.syndata.data.SchemaFilter;
import io.syndata.schema.SynthException;
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
 * @param readers connections a database's large tables are read over at once, by ranges of an
 *     integer primary key (1: one query per table); the rows and the model are the same either way
 */
public record SourceSpec(
    String location,
    Optional<Path> schemaFile,
    SchemaFilter filter,
    CsvOptions csv,
    TableChoices tables,
    int readers) {
  public SourceSpec {
    schemaFile = schemaFile == null ? Optional.empty() : schemaFile;
    filter = filter == null ? SchemaFilter.ALL : filter;
    csv = csv == null ? CsvOptions.DEFAULT : csv;
    tables = tables == null ? TableChoices.NONE : tables;
    if (readers < 1) {
      throw new SynthException("--source-readers must be at least 1, was " + readers);
    }
  }

  /** A spec reading a database's large tables over {@link Connectors#DEFAULT_READERS}. */
  public SourceSpec(
      String location,
      Optional<Path> schemaFile,
      SchemaFilter filter,
      CsvOptions csv,
      TableChoices tables) {
    this(location, schemaFile, filter, csv, tables, Connectors.DEFAULT_READERS);
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
    return new SourceSpec(other, schemaFile, filter, csv, tables, readers);
  }
}
