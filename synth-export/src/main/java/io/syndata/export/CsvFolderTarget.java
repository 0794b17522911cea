package io.syndata.export;

import io.syndata.data.RowBatch;
import io.syndata.data.Target;
import io.syndata.data.TargetLock;
import io.syndata.schema.Column;
import io.syndata.schema.Schema;
import io.syndata.schema.SchemaFile;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of CSV files as a target: {@code <table>.csv} per table (RFC 4180, UTF-8, header row;
 * delimiter, quote, null marker and gzip per {@link CsvOptions}) and {@code schema.json}, the
 * schema file of what was written. Strings are always quoted, so that an empty string ({@code ""})
 * stays distinct from NULL (an empty field); dates and times are ISO 8601, {@code TIMESTAMP_TZ} in
 * UTC; decimals and doubles are written without exponent in ordinary ranges.
 *
 * <p>Files are written into a hidden sibling folder and moved into place by {@link #commit()} in
 * one rename, so a failed or aborted run leaves nothing behind. From {@link #begin} to the end of
 * commit or abort the run holds a hidden lock file beside the folder ({@code .NAME.lock}, kept
 * empty afterwards; see {@link TargetLock}): a second run fails at once, and the first thing a run
 * does under the lock is remove the hidden folders of runs that were killed. Deferred updates are
 * held per table and applied by row index when the commit rewrites that table's file.
 */
public final class CsvFolderTarget implements Target {
  private static final Logger LOG = LoggerFactory.getLogger(CsvFolderTarget.class);

  /** The schema file written next to the tables. */
  public static final String SCHEMA_FILE = "schema.json";

  private final Path folder;
  private final CsvOptions options;
  // NON_NUMERIC quotes everything but Number instances; values that never need quotes are wrapped
  // as Bare (a Number) so that only strings carry quotes.
  private final CSVFormat format;
  private final CSVFormat readBack;

  private final Path staging;
  private Schema schema;
  private final Map<String, CSVPrinter> printers = new LinkedHashMap<>();
  private final Map<String, Long> rows = new HashMap<>();

  /** Per table: row index to column to value, applied on commit. */
  private final Map<String, TreeMap<Long, Map<String, Object>>> updates = new HashMap<>();

  private boolean finished;
  private TargetLock lock = TargetLock.none();

  private CsvFolderTarget(Path folder, CsvOptions options) {
    this.folder = folder.toAbsolutePath().normalize();
    this.options = options;
    this.staging = Folders.stagingFor(this.folder);
    this.format =
        CSVFormat.Builder.create(CSVFormat.RFC4180)
            .setDelimiter(options.delimiter())
            .setQuote(options.quote())
            .setNullString(options.nullMarker())
            .setQuoteMode(QuoteMode.NON_NUMERIC)
            .setRecordSeparator("\n")
            .build();
    this.readBack =
        CSVFormat.Builder.create(format)
            .setQuoteMode(QuoteMode.ALL_NON_NULL)
            .setHeader()
            .setSkipHeaderRecord(true)
            .build();
  }

  /**
   * A target writing into {@code folder}, which must not exist or be empty.
   *
   * @throws SynthException naming the folder and the first file found when it is not empty
   */
  public static CsvFolderTarget create(Path folder) {
    return create(folder, CsvOptions.DEFAULTS);
  }

  /**
   * A target writing into {@code folder}, which must not exist or be empty, with the given
   * delimiter, quote, null marker and compression.
   *
   * @throws SynthException naming the folder and the first file found when it is not empty
   */
  public static CsvFolderTarget create(Path folder, CsvOptions options) {
    Folders.checkEmpty(folder);
    return new CsvFolderTarget(folder, options);
  }

  @Override
  public void begin(Schema newSchema) {
    if (schema != null) {
      throw new IllegalStateException("begin() was called twice on " + describe());
    }
    lock = Folders.lock(folder, describe());
    Folders.checkEmpty(folder);
    Folders.checkFileNames(newSchema.tables(), folder);
    this.schema = newSchema;
    Folders.create(staging);
  }

  private Table table(String name) {
    return Folders.table(schema, name, describe());
  }

  private CSVPrinter printer(Table t) throws IOException {
    CSVPrinter printer = printers.get(t.name());
    if (printer == null) {
      printer = new CSVPrinter(writer(staging.resolve(options.fileName(t.name()))), format);
      printer.printRecord(header(t));
      printers.put(t.name(), printer);
    }
    return printer;
  }

  @Override
  public void write(RowBatch batch) {
    Table t = table(batch.table());
    List<Column> columns = t.writtenColumns();
    int[] from = new int[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      from[c] = batch.columns().indexOf(columns.get(c).name());
    }
    try {
      CSVPrinter printer = printer(t);
      // Value by value: printRecord goes through a stream per record, a third of the write time.
      for (int r = 0; r < batch.size(); r++) {
        for (int c = 0; c < from.length; c++) {
          printer.print(from[c] < 0 ? null : cell(batch.value(from[c], r)));
        }
        printer.println();
      }
      rows.merge(t.name(), (long) batch.size(), Long::sum);
    } catch (IOException | UncheckedIOException e) {
      throw new SynthException(
          "writing table " + t.name() + " to " + staging + " failed: " + e.getMessage(), e);
    }
  }

  private Writer writer(Path file) throws IOException {
    OutputStream out = Files.newOutputStream(file);
    if (options.gzip()) {
      out = new GZIPOutputStream(out, 1 << 16);
    }
    return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
  }

  private Reader reader(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (options.gzip()) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  /** Column names, quoted only where they must be. */
  private List<Object> header(Table t) {
    return t.writtenColumns().stream()
        .map(Column::name)
        .map(
            n ->
                n.isEmpty()
                        || n.equals(options.nullMarker())
                        || n.chars()
                            .anyMatch(
                                ch ->
                                    ch == options.delimiter()
                                        || ch == options.quote()
                                        || ch == '\r'
                                        || ch == '\n')
                    ? n
                    : new Bare(n))
        .map(Object.class::cast)
        .toList();
  }

  /** A value as printed: strings as themselves (quoted), everything else as bare text. */
  static Object cell(Object value) {
    if (value == null || value instanceof String) {
      return value;
    }
    return new Bare(text(value));
  }

  static String text(Object value) {
    if (value instanceof BigDecimal bd) {
      return bd.toPlainString();
    }
    if (value instanceof Double d) {
      double abs = Math.abs(d);
      // BigDecimal.valueOf keeps Double.toString's shortest digits; plain only where that stays
      // short
      return Double.isFinite(d) && (abs == 0 || (abs >= 1e-7 && abs < 1e21))
          ? BigDecimal.valueOf(d).toPlainString()
          : d.toString();
    }
    if (value instanceof Float f) {
      return text(f.doubleValue());
    }
    if (value instanceof LocalTime t) {
      return DateTimeFormatter.ISO_LOCAL_TIME.format(t);
    }
    if (value instanceof LocalDateTime t) {
      return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
    }
    if (value instanceof OffsetDateTime t) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.withOffsetSameInstant(ZoneOffset.UTC));
    }
    return value.toString();
  }

  /**
   * Text that needs no quotes, passed as a Number so that the NON_NUMERIC quote mode leaves it
   * bare.
   */
  private static final class Bare extends Number {
    private static final long serialVersionUID = 1L;
    private final String text;

    Bare(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }

    @Override
    public int intValue() {
      throw new UnsupportedOperationException();
    }

    @Override
    public long longValue() {
      throw new UnsupportedOperationException();
    }

    @Override
    public float floatValue() {
      throw new UnsupportedOperationException();
    }

    @Override
    public double doubleValue() {
      throw new UnsupportedOperationException();
    }
  }

  @Override
  public void update(RowBatch batch, List<String> keyColumns, long[] rowIndex) {
    Table t = table(batch.table());
    TreeMap<Long, Map<String, Object>> pending =
        updates.computeIfAbsent(t.name(), k -> new TreeMap<>());
    for (int r = 0; r < batch.size(); r++) {
      Map<String, Object> row = pending.computeIfAbsent(rowIndex[r], k -> new HashMap<>());
      for (int c = 0; c < batch.columns().size(); c++) {
        String column = batch.columns().get(c);
        if (!keyColumns.contains(column)) {
          t.column(column);
          row.put(column, batch.value(c, r));
        }
      }
    }
  }

  @Override
  public void commit() {
    if (schema == null) {
      throw new IllegalStateException("commit() before begin() on " + describe());
    }
    try {
      for (Table t : schema.tables()) {
        printer(t).close();
      }
      printers.clear();
      for (Map.Entry<String, TreeMap<Long, Map<String, Object>>> e : updates.entrySet()) {
        applyUpdates(schema.table(e.getKey()), e.getValue());
      }
      SchemaFile.write(
          schema.map(t -> t.withRowCount(rows.getOrDefault(t.name(), 0L))),
          staging.resolve(SCHEMA_FILE));
      Folders.moveIntoPlace(staging, folder);
      finished = true;
      lock.close();
    } catch (IOException | UncheckedIOException e) {
      throw new SynthException("cannot write " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Rewrites a table's file with the pending updates, streaming. */
  private void applyUpdates(Table t, TreeMap<Long, Map<String, Object>> pending)
      throws IOException {
    Path file = staging.resolve(options.fileName(t.name()));
    Path rewritten = staging.resolve(options.fileName(t.name()) + ".rewrite");
    List<String> header = t.writtenColumns().stream().map(Column::name).toList();
    try (Reader in = reader(file);
        CSVParser parser = CSVParser.parse(in, readBack);
        CSVPrinter out = new CSVPrinter(writer(rewritten), format)) {
      out.printRecord(header(t));
      long index = 0;
      List<Object> record = new ArrayList<>(header.size());
      for (CSVRecord row : parser) {
        Map<String, Object> change = pending.get(index++);
        record.clear();
        for (int c = 0; c < header.size(); c++) {
          String text = row.get(c);
          if (change != null && change.containsKey(header.get(c))) {
            record.add(cell(change.get(header.get(c))));
          } else {
            // what we wrote ourselves: strings quoted, the rest bare
            record.add(
                text == null || t.column(header.get(c)).type() == io.syndata.schema.DataType.STRING
                    ? text
                    : new Bare(text));
          }
        }
        out.printRecord(record);
      }
      if (!pending.isEmpty() && pending.lastKey() >= index) {
        throw new SynthException(
            "update of table "
                + t.name()
                + " names row "
                + pending.lastKey()
                + " but only "
                + index
                + " rows were written");
      }
    }
    Files.move(rewritten, file, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void abort() {
    if (finished) {
      return;
    }
    finished = true;
    for (CSVPrinter p : printers.values()) {
      try {
        p.close();
      } catch (IOException e) {
        LOG.debug("closing a file failed", e);
      }
    }
    printers.clear();
    Folders.deleteQuietly(staging);
    lock.close();
  }

  @Override
  public String describe() {
    return "CSV folder " + folder;
  }

  @Override
  public void close() {
    if (!finished) {
      abort();
    }
  }
}
