package io.syndata.connectors;

import io.syndata.data.RowBatch;
import io.syndata.data.RowBatchBuilder;
import io.syndata.data.SchemaFilter;
import io.syndata.data.Source;
import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of CSV files as a source (see {@link CsvFiles} for the format). Without a schema file
 * the structure is inferred ({@link CsvInference}); with one it is taken as given and only checked
 * against the files' headers. Rows are scanned in file order.
 */
final class CsvFolderSource implements Source {
  private static final Logger LOG = LoggerFactory.getLogger(CsvFolderSource.class);
  private final Path folder;
  private final Optional<Schema> schemaFile;
  private final Map<String, Path> files;
  private final CsvOptions options;
  private final Set<String> warned = new HashSet<>();

  CsvFolderSource(Path folder, Optional<Schema> schemaFile, CsvOptions options) {
    this.folder = folder;
    this.schemaFile = schemaFile;
    this.options = options;
    this.files = CsvFiles.tables(folder);
  }

  @Override
  public Schema introspect(SchemaFilter filter) {
    if (schemaFile.isPresent()) {
      return fromSchemaFile(schemaFile.get(), filter);
    }
    filter.checkAllNamed(files.keySet(), List.of());
    Map<String, Path> accepted = new LinkedHashMap<>();
    files.forEach(
        (table, file) -> {
          if (filter.acceptsTable(table)) {
            accepted.put(table, file);
          }
        });
    return CsvInference.infer(accepted, options);
  }

  /** The folder's tables with the columns their headers name, all typed as strings. */
  @Override
  public Schema structure(SchemaFilter filter) {
    List<Table> tables = new ArrayList<>();
    files.forEach(
        (table, file) -> {
          if (filter.acceptsTable(table)) {
            List<Column> columns =
                CsvFiles.header(file, options).stream()
                    .map(name -> Column.of(name, DataType.STRING, true))
                    .toList();
            tables.add(
                new Table(table, Optional.empty(), columns, List.of(), List.of(), List.of(), 0));
          }
        });
    return new Schema(tables);
  }

  @Override
  public boolean declaresTypes() {
    return false;
  }

  private Schema fromSchemaFile(Schema schema, SchemaFilter filter) {
    filter.checkAllNamed(schema.tables().stream().map(Table::name).toList(), List.of());
    List<Table> tables = new ArrayList<>();
    for (Table t : schema.tables()) {
      if (!filter.acceptsTable(t.name())) {
        continue;
      }
      Path file = file(t.name());
      List<String> header = CsvFiles.header(file, options);
      for (Column c : t.writtenColumns()) {
        if (!header.contains(c.name())) {
          throw new SynthException(
              "file "
                  + file
                  + " has no column "
                  + c.name()
                  + ", which the schema file declares for table "
                  + t.name()
                  + "; its header is "
                  + header);
        }
      }
      tables.add(t.withRowCount(scan(t, List.of(), b -> {})));
    }
    return new Schema(tables);
  }

  private Path file(String table) {
    Path file = files.get(table);
    if (file == null) {
      throw new SynthException(
          "folder "
              + folder
              + " has no "
              + table
              + ".csv or "
              + table
              + ".csv.gz for table "
              + table);
    }
    return file;
  }

  @Override
  public long scan(Table table, List<String> columns, Consumer<RowBatch> consumer) {
    Path file = file(table.name());
    long rows = 0;
    try (CSVParser parser = CsvFiles.open(file, options)) {
      List<String> header = CsvFiles.header(parser);
      int[] index = new int[columns.size()];
      Column[] typed = new Column[columns.size()];
      for (int c = 0; c < columns.size(); c++) {
        index[c] = header.indexOf(columns.get(c));
        if (index[c] < 0) {
          throw new SynthException(
              "file " + file + " has no column " + columns.get(c) + "; its header is " + header);
        }
        typed[c] = table.column(columns.get(c));
      }
      RowBatchBuilder batches = new RowBatchBuilder(table.name(), columns, consumer);
      for (CSVRecord record : parser) {
        CsvFiles.checkWidth(file, parser, record, header.size());
        for (int c = 0; c < index.length; c++) {
          String text = record.get(index[c]);
          batches.set(c, text == null ? null : parse(text, typed[c], table, file, parser));
        }
        batches.endRow();
      }
      rows = batches.finish();
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw new SynthException("cannot read file " + file + ": " + e.getMessage(), e);
    }
    return rows;
  }

  private Object parse(String text, Column column, Table table, Path file, CSVParser parser) {
    DataType type = column.type();
    if (type == DataType.STRING) {
      return text;
    }
    try {
      return TextValues.parse(text, type);
    } catch (RuntimeException e) {
      String what =
          "file "
              + file
              + " line "
              + parser.getCurrentLineNumber()
              + ", column "
              + column.name()
              + ": '"
              + text
              + "' is not "
              + TextValues.expected(type);
      if (options.badValues() == CsvOptions.BadValues.FAIL) {
        throw new SynthException(
            what
                + " as the "
                + (schemaFile.isPresent() ? "schema declares" : "column's other values are")
                + " ("
                + type
                + "); correct the file or pass --bad-values null to read such values as null");
      }
      if (!column.nullable()) {
        throw new SynthException(
            what
                + " and column "
                + table.name()
                + "."
                + column.name()
                + " is declared NOT NULL, so it cannot be read as null (--bad-values null):"
                + " correct the file, or make the column nullable in the schema file");
      }
      // Inference has reported the bad values of the columns it typed; a schema file's are
      // reported here, once per column.
      if (schemaFile.isPresent() && warned.add(table.name() + "." + column.name())) {
        LOG.warn("{}; read as null (--bad-values null), and so are the column's other such", what);
      }
      return null;
    }
  }

  @Override
  public String describe() {
    return "CSV folder " + folder;
  }

  @Override
  public void close() {
    // files are opened per scan
  }
}
