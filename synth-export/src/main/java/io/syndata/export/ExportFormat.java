package io.syndata.export;

import io.syndata.data.Target;
import java.nio.file.Path;
import java.util.Set;

/**
 * A file format a dataset can be exported to: a {@link Target} writing a folder, found by {@link
 * #name()} through {@link java.util.ServiceLoader} (list the class in {@code
 * META-INF/services/io.syndata.export.ExportFormat}), so a new format is a class and a line, not an
 * edit of the engine. Implementations need a public no-argument constructor.
 *
 * <p>Every format writes into a hidden temporary folder beside {@code folder} and moves it into
 * place on commit; {@code abort} deletes it; a non-empty {@code folder} is refused. Each writes
 * {@code schema.json} (the schema file of what was written, with row counts) beside its files.
 */
public interface ExportFormat {

  /** The name users choose the format by ({@code csv}, {@code xlsx}…): lower case, unique. */
  String name();

  /** One line saying what the format writes. */
  String description();

  /**
   * The option keys this format reads (for example {@code csv.delimiter}); {@link Exporters#open}
   * refuses keys that no chosen format reads.
   */
  Set<String> options();

  /**
   * A target writing this format into {@code folder}, which must not exist or be empty.
   *
   * @throws io.syndata.schema.SynthException when the folder is not empty or an option is invalid,
   *     naming the option and the values it takes
   */
  Target open(Path folder, ExportOptions options);
}
