package io.syndata.connectors;

import io.syndata.schema.SynthException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.commons.csv.QuoteMode;

/**
 * The CSV files of a folder: one table per {@code <table>.csv} or {@code <table>.csv.gz}, in UTF-8
 * or the encoding named (read strictly by {@link DecodingReader}), RFC 4180 with a header row (the
 * delimiter may be a comma, semicolon, tab or pipe). An unquoted empty field is NULL; a quoted
 * empty field ({@code ""}) is the empty string.
 */
final class CsvFiles {
  // ALL_NON_NULL puts the parser in strict quote mode: only an unquoted empty field becomes null.
  static final CSVFormat FORMAT =
      CSVFormat.Builder.create(CSVFormat.RFC4180)
          .setHeader()
          .setSkipHeaderRecord(true)
          .setNullString("")
          .setQuoteMode(QuoteMode.ALL_NON_NULL)
          .setIgnoreEmptyLines(true)
          .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
          .build();

  private CsvFiles() {}

  /** The folder's tables, by name in name order. */
  static Map<String, Path> tables(Path folder) {
    Map<String, Path> tables = new TreeMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        String table =
            name.endsWith(".csv")
                ? name.substring(0, name.length() - 4)
                : name.endsWith(".csv.gz") ? name.substring(0, name.length() - 7) : null;
        if (table == null || table.isEmpty() || !Files.isRegularFile(file)) {
          continue;
        }
        Path other = tables.put(table, file);
        if (other != null) {
          throw new SynthException(
              "folder "
                  + folder
                  + " holds both "
                  + other.getFileName()
                  + " and "
                  + name
                  + " for table "
                  + table
                  + ": keep one");
        }
      }
    } catch (IOException e) {
      throw new SynthException("cannot list folder " + folder + ": " + e.getMessage(), e);
    }
    if (tables.isEmpty()) {
      throw new SynthException(
          "folder " + folder + " holds no <table>.csv or <table>.csv.gz files");
    }
    return tables;
  }

  static CSVParser open(Path file, CsvOptions options) {
    try {
      InputStream in = Files.newInputStream(file);
      if (file.getFileName().toString().endsWith(".gz")) {
        in = new GZIPInputStream(in, 1 << 16);
      }
      BufferedReader reader =
          new BufferedReader(DecodingReader.open(in, file, options.encoding()), 1 << 16);
      reader.mark(1 << 15);
      String firstLine = reader.readLine();
      reader.reset();
      return CSVParser.parse(
          reader,
          FORMAT.builder().setDelimiter(delimiter(firstLine == null ? "" : firstLine)).build());
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      throw new SynthException("cannot read file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The delimiter of a file, from its header line: whichever of comma, semicolon, tab and pipe
   * occurs most outside quotes (comma when none does), so that spreadsheet exports with semicolons
   * read as they are.
   */
  static char delimiter(String header) {
    char[] candidates = {',', ';', '\t', '|'};
    int[] counts = new int[candidates.length];
    boolean quoted = false;
    for (char ch : header.toCharArray()) {
      if (ch == '"') {
        quoted = !quoted;
      }
      for (int i = 0; i < candidates.length && !quoted; i++) {
        counts[i] += ch == candidates[i] ? 1 : 0;
      }
    }
    int best = 0;
    for (int i = 1; i < candidates.length; i++) {
      if (counts[i] > counts[best]) {
        best = i;
      }
    }
    return candidates[best];
  }

  /** The header names, without a UTF-8 byte-order mark. */
  static List<String> header(CSVParser parser) {
    List<String> names = new ArrayList<>(parser.getHeaderNames());
    if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
      names.set(0, names.get(0).substring(1));
    }
    return names;
  }

  /**
   * Fails, naming the file and line, when a record has another number of fields than the header.
   */
  static void checkWidth(Path file, CSVParser parser, CSVRecord record, int headerWidth) {
    if (record.size() != headerWidth) {
      throw new SynthException(
          "file "
              + file
              + " line "
              + parser.getCurrentLineNumber()
              + " has "
              + record.size()
              + " fields but the header has "
              + headerWidth);
    }
  }

  static List<String> header(Path file, CsvOptions options) {
    try (CSVParser parser = open(file, options)) {
      return header(parser);
    } catch (IOException e) {
      throw new SynthException("cannot read file " + file + ": " + e.getMessage(), e);
    }
  }
}
