package io.syndata.connectors;

import io.syndata.data.Source;
import io.syndata.data.Target;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Opens sources and database targets by location.
 *
 * <p>A location starting with {@code jdbc:} is a database: PostgreSQL, MariaDB/MySQL, H2, SQLite
 * and DuckDB are tested; other JDBC databases go through the same standard path. Any other location
 * is a folder holding one {@code <table>.csv} or {@code <table>.csv.gz} per table.
 *
 * <p>Every method fails fast with a {@link SynthException} naming the location (never a password)
 * and the reason: an unreachable server, wrong credentials, a missing driver or folder.
 */
public final class Connectors {
  /**
   * Connections a database source reads a large table over at once, by ranges of its integer
   * primary key, by default.
   */
  public static final int DEFAULT_READERS = JdbcSource.DEFAULT_READERS;

  private Connectors() {}

  /** A location fit for messages and logs: a JDBC URL without its password. */
  public static String redact(String location) {
    return JdbcUrls.mask(location);
  }

  /**
   * Opens a database, a CSV folder, or a folder of Parquet, JSON Lines or JSON files with its
   * {@code schema.json} (as {@code synth export} writes them) as a source; structure is
   * introspected (CSV: inferred; other files: from their schema file).
   */
  public static Source source(String location) {
    return source(location, Optional.empty());
  }

  /**
   * Opens a source whose structure, when a schema file is given, is taken from it as is: a CSV
   * folder then infers nothing (types, keys and kinds come from the file, and values must parse as
   * declared), and a database reports the file's tables with fresh row counts.
   */
  public static Source source(String location, Optional<Schema> schemaFile) {
    return source(location, schemaFile, CsvOptions.DEFAULT);
  }

  /**
   * Opens a source as {@link #source(String, Optional)} does, reading a CSV folder with the given
   * options (encoding, bad values); a database takes only the default options.
   */
  public static Source source(String location, Optional<Schema> schemaFile, CsvOptions csv) {
    return source(location, schemaFile, csv, DEFAULT_READERS);
  }

  /**
   * Opens a source as {@link #source(String, Optional, CsvOptions)} does; a database's tables of at
   * least 100,000 rows with one integer primary key are read over {@code readers} connections by
   * key ranges, handed on in key order (the same rows as one ordered query).
   */
  public static Source source(
      String location, Optional<Schema> schemaFile, CsvOptions csv, int readers) {
    if (location.regionMatches(true, 0, "jdbc:", 0, 5)) {
      if (!csv.isDefault()) {
        throw new SynthException(
            "--encoding and --bad-values apply to a folder of CSV files; source "
                + redact(location)
                + " is a database, whose driver decodes and types its values");
      }
      return new JdbcSource(
          Database.open(location, true), schemaFile, readers, JdbcSource.MIN_SPLIT_ROWS);
    }
    Path folder = Path.of(location);
    if (!Files.isDirectory(folder)) {
      throw new SynthException(
          "source "
              + location
              + " is neither a JDBC URL (jdbc:...) nor an existing folder of CSV, Parquet, JSON Lines or JSON files");
    }
    Optional<FileFolderSource.Format> files = FileFolderSource.formatOf(folder);
    if (files.isPresent()) {
      if (!csv.isDefault()) {
        throw new SynthException(
            "--encoding and --bad-values apply to a folder of CSV files; "
                + location
                + " holds "
                + files.get().label
                + " files, read with the types of their schema file");
      }
      return FileFolderSource.open(folder, files.get(), schemaFile);
    }
    return new CsvFolderSource(folder, schemaFile, csv);
  }

  /**
   * Opens a database reached through a {@link DataSource} as a source, like {@link #source(String,
   * Optional)} for a JDBC URL. The data source is only read and is not closed.
   */
  public static Source source(DataSource dataSource, Optional<Schema> schemaFile) {
    return new JdbcSource(Database.of(dataSource, true), schemaFile);
  }

  /**
   * Opens a database reached through a {@link DataSource} as a target, like {@link
   * #jdbcTarget(String)}. The data source is not closed.
   */
  public static Target jdbcTarget(DataSource dataSource) {
    return new JdbcTarget(Database.of(dataSource, false));
  }

  /**
   * Opens a database as a target. Tables missing there are created; existing ones must be empty.
   * Everything is written in one transaction, and {@link Target#abort()} leaves the database as
   * found.
   */
  public static Target jdbcTarget(String jdbcUrl) {
    if (!jdbcUrl.regionMatches(true, 0, "jdbc:", 0, 5)) {
      throw new SynthException("target " + jdbcUrl + " is not a JDBC URL (jdbc:...)");
    }
    return new JdbcTarget(Database.open(jdbcUrl, false));
  }
}
