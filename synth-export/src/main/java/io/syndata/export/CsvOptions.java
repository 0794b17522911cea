package io.syndata.export;

import io.syndata.schema.SynthException;

/**
 * How {@link CsvFolderTarget} writes its files: RFC 4180 with a configurable delimiter, quote and
 * null marker, optionally gzip-compressed ({@code <table>.csv.gz}).
 *
 * @param delimiter between fields
 * @param quote around every string value, doubled inside it
 * @param nullMarker written, unquoted, for NULL; empty by default (an empty field), which stays
 *     distinct from the empty string because strings are always quoted
 * @param gzip whether each file is gzip-compressed
 */
public record CsvOptions(char delimiter, char quote, String nullMarker, boolean gzip) {

  /** Comma, double quote, NULL as an empty field, no compression. */
  public static final CsvOptions DEFAULTS = new CsvOptions(',', '"', "", false);

  public CsvOptions {
    if (delimiter == quote) {
      throw new SynthException(
          "CSV delimiter and quote are both " + delimiter + ": choose different characters");
    }
    if (delimiter == '\r' || delimiter == '\n' || quote == '\r' || quote == '\n') {
      throw new SynthException("CSV delimiter and quote cannot be line breaks");
    }
    if (nullMarker == null
        || nullMarker.indexOf(delimiter) >= 0
        || nullMarker.indexOf(quote) >= 0
        || nullMarker.indexOf('\r') >= 0
        || nullMarker.indexOf('\n') >= 0) {
      throw new SynthException(
          "CSV null marker \""
              + nullMarker
              + "\" cannot hold the delimiter, the quote or a line break");
    }
  }

  /**
   * Options read from {@code csv.delimiter}, {@code csv.quote}, {@code csv.null}, {@code csv.gzip}.
   */
  static CsvOptions from(ExportOptions options) {
    return new CsvOptions(
        options.character("csv.delimiter", DEFAULTS.delimiter),
        options.character("csv.quote", DEFAULTS.quote),
        options.string("csv.null", DEFAULTS.nullMarker),
        options.bool("csv.gzip", DEFAULTS.gzip));
  }

  /** The file name of a table. */
  String fileName(String table) {
    return table + (gzip ? ".csv.gz" : ".csv");
  }
}
