package io.syndata.cli;

import io.syndata.schema.SynthException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files a command is about to write: an existing one is overwritten only with {@code --force}. */
final class OutputFiles {
  /** What the quality report writes into its folder. */
  static final String[] REPORT_FILES = {"report.html", "report.json"};

  private OutputFiles() {}

  /**
   * Fails, before anything runs, when one of the files exists and {@code force} is not set.
   *
   * @param option the option that named the files, for the message
   */
  static void refuseOverwrite(boolean force, String option, Path... files) {
    if (force) {
      return;
    }
    for (Path file : files) {
      if (Files.exists(file)) {
        throw new SynthException(
            file + " exists: pass --force to overwrite it, or choose another " + option);
      }
    }
  }

  /** The report files in a folder. */
  static Path[] reportFiles(Path directory) {
    Path[] files = new Path[REPORT_FILES.length];
    for (int i = 0; i < files.length; i++) {
      files[i] = directory.resolve(REPORT_FILES[i]);
    }
    return files;
  }
}
