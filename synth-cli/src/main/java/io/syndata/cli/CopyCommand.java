package io.syndata.cli;

import io.syndata.connectors.Connectors;
import io.syndata.engine.SynData;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(
    name = "copy",
    mixinStandardHelpOptions = true,
    description = {
      "Copy a source into a target unchanged, parents first, all or nothing: for loading a folder of CSV "
          + "files (keys inferred or taken from --schema) into a database, or a database into CSV files. "
          + "Nothing is synthesized: the target holds the real rows."
    })
final class CopyCommand implements Callable<Integer> {
  @Mixin SourceOptions source;

  @Mixin TargetOption target;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        "synth: copying "
            + Connectors.redact(source.location)
            + " -> "
            + Connectors.redact(target.location));
    Map<String, Long> rows =
        SynData.copy(source.spec(), target.location, new TerminalProgress(err));
    printRows(rows, spec.commandLine().getOut());
    return 0;
  }

  /** Rows per table, as copy and export print them. */
  static void printRows(Map<String, Long> rows, PrintWriter out) {
    rows.forEach((table, n) -> out.printf(Locale.ROOT, "  %-28s %,12d rows%n", table, n));
    out.flush();
  }
}
