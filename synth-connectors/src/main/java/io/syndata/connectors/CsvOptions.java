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
 */
public record CsvOptions(Optional<Charset> encoding) {
  /** Detected encoding. */
  public static final CsvOptions DEFAULT = new CsvOptions(Optional.empty());

  public CsvOptions {
    encoding = encoding == null ? Optional.empty() : encoding;
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
