package io.syndata.cli;

import io.syndata.engine.ReportSpec;
import io.syndata.quality.Fidelity;
import io.syndata.quality.ReportOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The quality-report options of {@code generate}. */
final class ReportOptionsMixin {
  @Option(
      names = "--report",
      paramLabel = "<dir>",
      description =
          "Write the quality report (report.html and report.json: fidelity, detection, ML utility, privacy) "
              + "into this folder at the end of the run. A folder target gets it beside its files unless "
              + "--no-report (or --no-evaluate).")
  Path directory;

  @Option(
      names = "--no-report",
      description = "Write no quality report beside the files of a folder target.")
  boolean noReport;

  @Option(
      names = "--predict",
      paramLabel = "<table.column>",
      description =
          "With --report: the column to predict for machine-learning utility (train on synthetic, test on real).")
  String predict;

  @Option(
      names = "--sensitive",
      split = ",",
      paramLabel = "<table.column>",
      description =
          "With --report: columns whose attribute-inference risk is measured (comma-separated).")
  List<String> sensitive = new ArrayList<>();

  @Option(
      names = "--report-rows",
      defaultValue = "" + Fidelity.DEFAULT_MAX_ROWS,
      paramLabel = "<n>",
      description =
          "With --report: larger tables are evaluated on a deterministic sample of this many rows "
              + "(default ${DEFAULT-VALUE}).")
  int reportRows;

  @Option(
      names = "--force",
      description =
          "With --report: overwrite report.html and report.json when the folder holds them.")
  boolean force;

  /**
   * Makes a folder target's own folder the report's, unless the user chose a folder or no report:
   * the report goes with the data.
   */
  void defaultTo(Path targetFolder, boolean evaluate) {
    if (directory == null && !noReport && evaluate) {
      directory = targetFolder;
      // The target itself refuses a folder that holds files, or replaces it whole (--overwrite).
      checked = true;
    }
  }

  /**
   * Refuses the options that only a report against the source reads (a run from a model file has no
   * real rows to predict or attack).
   */
  void refuseSourceOnly() {
    if (predict != null || !sensitive.isEmpty()) {
      throw new io.syndata.schema.SynthException(
          "--predict and --sensitive need the source; a report from --model-file compares the rows"
              + " with the model's statistics only");
    }
  }

  /** Whether the report's folder has been checked; the check must come before the run. */
  private boolean checked;

  /**
   * The report to write, if any. The first call — when the command builds its request, before
   * anything runs — refuses a folder holding a report unless --force is given.
   */
  Optional<ReportSpec> spec(long seed) {
    if (directory == null) {
      return Optional.empty();
    }
    if (noReport) {
      throw new io.syndata.schema.SynthException("give --report or --no-report, not both");
    }
    if (!checked) {
      OutputFiles.refuseOverwrite(force, "--report folder", OutputFiles.reportFiles(directory));
      checked = true;
    }
    return Optional.of(
        new ReportSpec(
            directory,
            new ReportOptions(Optional.ofNullable(predict), sensitive, reportRows, seed)));
  }
}
