package io.syndata.connectors;

import io.syndata.schema.SynthException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;

/**
 * How a folder of CSV files is read.
 *
 * @param encoding the files' encoding; empty to detect it (a byte-order mark, else UTF-8). Either
 *     way a byte that is not valid in the encoding is an error naming file, line and column.
 * @param badValues what to do with values that do not parse as their column's type
 */
public record CsvOptions(Optional<Charset> encoding, BadValues badValues) {
  /** Detected encoding; bad values fail the run. */
  public static final CsvOptions DEFAULT = new CsvOptions(Optional.empty(), BadValues.FAIL);

  /**
   * Values that do not parse as their column's type: a column keeps an inferred type when at most 1
   * % of its values fail to parse (and a declared type always), and those values are then reported
   * with their file and line.
   */
  public enum BadValues {
    /** Stop with one line naming the file, column, count and first bad values (the default). */
    FAIL,
    /** Read them as null, with a warning naming them; the column becomes nullable. */
    NULL;

    /**
     * The policy an option value names.
     *
     * @throws SynthException naming the option and the values allowed
     */
    public static BadValues of(String name) {
      return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
        case "fail" -> FAIL;
        case "null" -> NULL;
        default -> throw new SynthException("--bad-values must be fail or null, was " + name);
      };
    }
  }

  public CsvOptions {
    encoding = encoding == null ? Optional.empty() : encoding;
    badValues = badValues == null ? BadValues.FAIL : badValues;
  }

  /** Options with an explicit encoding (or none) and bad values failing the run. */
  public CsvOptions(Optional<Charset> encoding) {
    this(encoding, BadValues.FAIL);
  }

  /**
   * The encoding a name (as given to {@code --encoding}) stands for.
   *
   * @throws SynthException naming the option when Java knows no such encoding
   */
  public static Charset encoding(String name) {
    try {
      return Charset.forName(name.strip());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new SynthException(
          "--encoding "
              + name
              + " is not an encoding this Java knows; use for example UTF-8, ISO-8859-1,"
              + " windows-1252 or UTF-16");
    }
  }

  public boolean isDefault() {
    return equals(DEFAULT);
  }
}
