package io.syndata.export;

import io.syndata.data.Target;
import io.syndata.schema.SynthException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The entry point to file exports: finds {@link ExportFormat}s by name through {@link
 * ServiceLoader} and opens one target for one or several formats.
 *
 * <p>With one format the files go straight into the folder; with several, each format gets a
 * subfolder named after it ({@code out/parquet/}, {@code out/xlsx/}), and the whole folder still
 * appears at once on commit. The target is also a {@link io.syndata.data.PartitionedTarget}: a run
 * with several writers or {@code --resume} writes part files beside the folder and assembles the
 * same files from them at the end (see {@code FolderRun}).
 */
public final class Exporters {
  private Exporters() {}

  /**
   * The option ({@code overwrite=true}, {@code --overwrite}) that replaces an earlier export in the
   * folder, atomically, instead of refusing a folder that is not empty.
   */
  public static final String OVERWRITE = "overwrite";

  /** The formats on the class path, by name. */
  public static Map<String, ExportFormat> formats() {
    Map<String, ExportFormat> byName = new TreeMap<>();
    for (ExportFormat f :
        ServiceLoader.load(ExportFormat.class, Exporters.class.getClassLoader())) {
      ExportFormat before = byName.putIfAbsent(f.name(), f);
      if (before != null && before.getClass() != f.getClass()) {
        throw new SynthException(
            "two export formats are named "
                + f.name()
                + ": "
                + before.getClass().getName()
                + " and "
                + f.getClass().getName());
      }
    }
    return byName;
  }

  /** The names of the formats on the class path, sorted. */
  public static List<String> available() {
    return List.copyOf(formats().keySet());
  }

  /**
   * The format of that name (case-insensitive).
   *
   * @throws SynthException listing the available formats when there is none
   */
  public static ExportFormat format(String name) {
    Map<String, ExportFormat> all = formats();
    ExportFormat f = all.get(name.trim().toLowerCase(Locale.ROOT));
    if (f == null) {
      throw new SynthException(
          "unknown export format " + name + ": choose from " + String.join(", ", all.keySet()));
    }
    return f;
  }

  /**
   * One target writing every given format into {@code folder}: directly for one format, in a
   * subfolder per format for several.
   *
   * @param formats format names, each at most once; an element may itself be comma-separated
   *     ({@code "parquet,xlsx"})
   * @throws SynthException for an unknown format, an option no chosen format reads, a bad option
   *     value, or a folder that is not empty (with {@link #OVERWRITE}: that holds no earlier
   *     export)
   */
  public static Target open(List<String> formats, Path folder, ExportOptions options) {
    boolean overwrite = options.bool(OVERWRITE, false);
    ExportOptions formatOptions = options.without(OVERWRITE);
    if (overwrite) {
      return ReplacingTarget.open(folder, f -> open(formats, f, formatOptions));
    }
    Set<String> names = new LinkedHashSet<>();
    for (String element : formats) {
      for (String name : element.split(",")) {
        if (!name.isBlank() && !names.add(format(name).name())) {
          throw new SynthException("export format " + name.trim() + " is given twice");
        }
      }
    }
    if (names.isEmpty()) {
      throw new SynthException(
          "no export format given: choose from " + String.join(", ", available()));
    }
    List<ExportFormat> chosen = names.stream().map(Exporters::format).toList();
    checkOptions(chosen, options);
    return new FolderRun(
        folder, List.copyOf(names), options, () -> openFormats(chosen, folder, options));
  }

  /**
   * Undoes the interrupted partitioned run recorded beside {@code folder} ({@code --abort}):
   * deletes its record and part files, and leaves the folder absent or empty, as that run found it.
   *
   * @return what was undone, in one line
   * @throws SynthException when no interrupted run is recorded there
   */
  public static String abandon(Path folder) {
    return FolderRun.abandon(folder, "folder " + folder.toAbsolutePath().normalize());
  }

  private static Target openFormats(List<ExportFormat> chosen, Path folder, ExportOptions options) {
    if (chosen.size() == 1) {
      return chosen.get(0).open(folder, options);
    }
    Folders.checkEmpty(folder);
    Path staging = Folders.stagingFor(folder);
    List<Target> targets = new ArrayList<>();
    for (ExportFormat f : chosen) {
      targets.add(f.open(staging.resolve(f.name()), options));
    }
    return new FanOutTarget(folder, staging, targets);
  }

  private static void checkOptions(List<ExportFormat> chosen, ExportOptions options) {
    Set<String> known = new LinkedHashSet<>();
    chosen.forEach(f -> known.addAll(f.options()));
    for (String key : options.values().keySet()) {
      if (!known.contains(key)) {
        throw new SynthException(
            "export option "
                + key
                + " is not read by "
                + String.join(", ", chosen.stream().map(ExportFormat::name).toList())
                + (known.isEmpty()
                    ? ", which take no options"
                    : "; their options are " + String.join(", ", new TreeSet<>(known))));
      }
    }
  }
}
