package io.syndata.cli;

import io.syndata.connectors.Connectors;
import io.syndata.data.SchemaFilter;
import io.syndata.engine.ReportSpec;
import io.syndata.engine.SourceSpec;
import io.syndata.engine.SynData;
import io.syndata.quality.Fidelity;
import io.syndata.quality.QualityReport;
import io.syndata.quality.ReportOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Compare synthetic data with the real data it was learned from and write report.html (one "
          + "self-contained page) and report.json (every figure): fidelity (column shapes, missing values, pair trends, "
          + "cardinality, inter-table trends), detection, ML utility (with --target) and privacy.",
      "Tables are matched by name. Tables larger than --max-rows are evaluated on a deterministic sample."
    })
final class ReportCommand implements Callable<Integer> {
  @Option(
      names = "--real",
      required = true,
      paramLabel = "<jdbc-url|folder>",
      description = "The real data (training rows).")
  String real;

  @Option(
      names = "--synthetic",
      required = true,
      paramLabel = "<jdbc-url|folder>",
      description =
          "The synthetic data: a database or a folder written by generate (its schema.json is used).")
  String synthetic;

  @Option(
      names = "--schema",
      paramLabel = "<file>",
      description =
          "A schema file for the real data (kinds decide which " + "columns are compared).")
  Path schemaFile;

  @Option(
      names = "--holdout",
      paramLabel = "<jdbc-url|folder>",
      description =
          "Real rows kept out of training, with the same tables: needed for the distance-to-closest-record "
              + "share and membership inference, and used as the test set of ML utility.")
  String holdout;

  @Option(
      names = {"--target", "--predict"},
      paramLabel = "<table.column>",
      description = "The column to predict for machine-learning utility.")
  String target;

  @Option(
      names = "--sensitive",
      split = ",",
      paramLabel = "<table.column>",
      description = "Columns whose attribute-inference risk is measured (comma-separated).")
  List<String> sensitive = new ArrayList<>();

  @Option(
      names = "--out",
      required = true,
      paramLabel = "<dir>",
      description = "Folder for report.html and report.json.")
  Path out;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of the samples and models (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--max-rows",
      defaultValue = "" + Fidelity.DEFAULT_MAX_ROWS,
      paramLabel = "<n>",
      description = "Evaluation sample per table (default ${DEFAULT-VALUE}).")
  int maxRows;

  @Option(
      names = "--force",
      description = "Overwrite report.html and report.json when the --out folder holds them.")
  boolean force;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    OutputFiles.refuseOverwrite(force, "--out", OutputFiles.reportFiles(out));
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        "synth: report on " + Connectors.redact(synthetic) + " against " + Connectors.redact(real));
    ReportSpec report =
        new ReportSpec(
            out, new ReportOptions(Optional.ofNullable(target), sensitive, maxRows, seed));
    QualityReport q =
        SynData.report(
            new SourceSpec(real, Optional.ofNullable(schemaFile), SchemaFilter.ALL),
            synthetic,
            Optional.ofNullable(holdout),
            report,
            new TerminalProgress(err));
    PrintWriter o = spec.commandLine().getOut();
    Summary.printQuality(q, out, o);
    o.flush();
    return 0;
  }
}
