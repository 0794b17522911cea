package io.syndata.cli;

import io.syndata.connectors.Connectors;
import io.syndata.engine.SynData;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write data that already exists — a database or a folder of CSV files — into a folder of files "
          + "in other formats (--format csv, xlsx, sql, parquet, json, jsonl, xml, dbunit), unchanged, "
          + "all or nothing. See docs/exports.md."
    })
final class ExportCommand implements Callable<Integer> {
  @Mixin SourceOptions source;

  @Mixin TargetOption target;

  @Mixin FormatOptions format;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        "synth: exporting "
            + Connectors.redact(source.location)
            + " -> "
            + target.location
            + " as "
            + String.join(", ", format.formats));
    Map<String, Long> rows =
        SynData.copy(
            source.spec(),
            target.location,
            format.formats,
            format.export(),
            new TerminalProgress(err));
    CopyCommand.printRows(rows, spec.commandLine().getOut());
    return 0;
  }
}
