package io.syndata.connectors;

import io.syndata.data.RowBatch;
import io.syndata.data.SchemaFilter;
import io.syndata.data.Source;
import io.syndata.schema.Column;
import io.syndata.schema.Schema;
import io.syndata.schema.SchemaFile;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A folder of Parquet, JSON Lines or JSON files (one per table, as {@code synth export} writes
 * them) read as a source, with the schema file beside them ({@code schema.json}) or given: the
 * file's types, keys and kinds are the source's structure. The files are loaded once into a
 * temporary DuckDB database on disk — DuckDB reads Parquet and JSON itself, without a download —
 * and read from there like any database, so memory stays flat whatever their size. The folder is
 * only read; the temporary database is deleted on close.
 */
final class FileFolderSource implements Source {
  /** The file formats this source reads, by file extension. */
  enum Format {
    PARQUET(".parquet", "Parquet"),
    JSONL(".jsonl", "JSON Lines"),
    JSON(".json", "JSON");

    final String extension;
    final String label;

    Format(String extension, String label) {
      this.extension = extension;
      this.label = label;
    }
  }

  private final Path folder;
  private final Format format;
  private final Path scratch;
  private final Source database;

  private FileFolderSource(Path folder, Format format, Path scratch, Source database) {
    this.folder = folder;
    this.format = format;
    this.scratch = scratch;
    this.database = database;
  }

  /**
   * The format of a folder's table files, when it holds Parquet, JSON Lines or JSON files and no
   * CSV files; empty otherwise (a CSV folder, or an empty one).
   */
  static Optional<Format> formatOf(Path folder) {
    List<String> names;
    try (Stream<Path> files = Files.list(folder)) {
      names = files.map(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)).toList();
    } catch (IOException e) {
      return Optional.empty();
    }
    if (names.stream().anyMatch(n -> n.endsWith(".csv") || n.endsWith(".csv.gz"))) {
      return Optional.empty();
    }
    for (Format f : Format.values()) {
      if (names.stream()
          .anyMatch(
              n ->
                  n.endsWith(f.extension)
                      && !n.equals("schema.json")
                      && !n.equals("report.json"))) {
        return Optional.of(f);
      }
    }
    // Parquet written a file per plan partition: a folder per table of part-NNNNN.parquet files.
    try (Stream<Path> entries = Files.list(folder)) {
      if (entries.filter(Files::isDirectory).anyMatch(FileFolderSource::holdsParquetParts)) {
        return Optional.of(Format.PARQUET);
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static boolean holdsParquetParts(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Opens the folder, loading its table files into a temporary DuckDB database.
   *
   * @param schemaFile the schema to read the files with; else the folder's {@code schema.json}
   * @throws SynthException naming the folder, the file or the table at fault
   */
  static FileFolderSource open(Path folder, Format format, Optional<Schema> schemaFile) {
    Path schemaPath = folder.resolve("schema.json");
    Schema schema =
        schemaFile.orElseGet(
            () -> {
              if (!Files.isRegularFile(schemaPath)) {
                throw new SynthException(
                    "folder "
                        + folder
                        + " holds "
                        + format.label
                        + " files but no schema.json to read them with: give their schema with"
                        + " --schema (synth introspect writes one from the data they came from)");
              }
              return SchemaFile.read(schemaPath);
            });
    Path scratch;
    try {
      scratch = Files.createTempDirectory("syndata-files-");
    } catch (IOException e) {
      throw new SynthException("cannot create a temporary folder to read " + folder + ": " + e, e);
    }
    String url = "jdbc:duckdb:" + scratch.resolve("files.duckdb");
    try {
      load(folder, format, schema, url);
      return new FileFolderSource(
          folder, format, scratch, new JdbcSource(Database.open(url, true), Optional.of(schema)));
    } catch (RuntimeException e) {
      deleteQuietly(scratch);
      throw e;
    }
  }

  private static void load(Path folder, Format format, Schema schema, String url) {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute("SET autoinstall_known_extensions = false");
      for (Table t : schema.tables()) {
        Path file = folder.resolve(t.name() + format.extension);
        Path parts = folder.resolve(t.name());
        if (format == Format.PARQUET && !Files.isRegularFile(file) && holdsParquetParts(parts)) {
          // part-NNNNN.parquet files: DuckDB reads them in name order, which is partition order
          file = parts.resolve("*.parquet");
        } else if (!Files.isRegularFile(file)) {
          throw new SynthException(
              "folder "
                  + folder
                  + " has no file "
                  + file.getFileName()
                  + " for table "
                  + t.name()
                  + " of its schema");
        }
        String read = reader(format, file, t);
        try {
          // The schema file may name the tables' schema (PUBLIC from H2): the database source
          // reads them there.
          String name = quote(t.name());
          if (t.namespace().isPresent()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + quote(t.namespace().get()));
            name = quote(t.namespace().get()) + "." + name;
          }
          st.execute("CREATE TABLE " + name + " AS SELECT * FROM " + read);
        } catch (SQLException e) {
          throw new SynthException(
              "cannot read "
                  + file
                  + " as table "
                  + t.name()
                  + " of the schema: "
                  + Database.oneLine(String.valueOf(e.getMessage())),
              e);
        }
      }
    } catch (SQLException e) {
      if (e.getMessage() != null && e.getMessage().contains("No suitable driver")) {
        throw new SynthException(
            "reading "
                + Format.PARQUET.label
                + " and JSON files needs DuckDB's JDBC driver (org.duckdb:duckdb_jdbc) on the class"
                + " path",
            e);
      }
      throw new SynthException("cannot read the files of " + folder + ": " + e.getMessage(), e);
    }
  }

  /** DuckDB's table function reading one table's file, with the schema's types for JSON. */
  private static String reader(Format format, Path file, Table t) {
    String path = literal(file.toAbsolutePath().toString());
    if (format == Format.PARQUET) {
      return "read_parquet(" + path + ")";
    }
    List<String> columns = new ArrayList<>();
    for (Column c : t.columns()) {
      columns.add(literal(c.name()) + ": " + literal(duckDbType(c)));
    }
    return "read_json("
        + path
        + ", format = "
        + literal(format == Format.JSONL ? "newline_delimited" : "array")
        + ", columns = {"
        + String.join(", ", columns)
        + "})";
  }

  private static String duckDbType(Column c) {
    return switch (c.type()) {
      case INTEGER -> "BIGINT";
      case DECIMAL ->
          c.precision() > 0 && c.precision() <= 38
              ? "DECIMAL(" + c.precision() + "," + Math.max(0, c.scale()) + ")"
              : "DOUBLE";
      case FLOAT -> "DOUBLE";
      case BOOLEAN -> "BOOLEAN";
      case DATE -> "DATE";
      case TIME -> "TIME";
      case TIMESTAMP -> "TIMESTAMP";
      case TIMESTAMP_TZ -> "TIMESTAMPTZ";
      case UUID -> "UUID";
      default -> "VARCHAR";
    };
  }

  private static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  @Override
  public Schema introspect(SchemaFilter filter) {
    return database.introspect(filter);
  }

  @Override
  public Schema structure(SchemaFilter filter) {
    return database.structure(filter);
  }

  @Override
  public long scan(Table table, List<String> columns, Consumer<RowBatch> consumer) {
    return database.scan(table, columns, consumer);
  }

  @Override
  public String describe() {
    return format.label + " folder " + folder;
  }

  @Override
  public void close() {
    try {
      database.close();
    } finally {
      deleteQuietly(scratch);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is the operating system's to clean
    }
  }
}
