package io.syndata.cli;

import io.syndata.engine.Training;
import io.syndata.model.ModelFile;
import io.syndata.model.ModelProvenance;
import io.syndata.schema.Table;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Show what a model file (from synth train) holds: how it was made — SynData version, model kinds, "
          + "seed, fit settings, creation time, source (without credentials), schema hash — and per table "
          + "its model kind, source and training rows, columns and the size of its model (uncompressed JSON).",
      "The table models are not loaded, so a file that needs a model kind not installed here can still be "
          + "inspected."
    })
final class InspectCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "<model-file>",
      description = "A model file (e.g. shop.synth).")
  Path file;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ModelFile.Contents c = Training.describe(file);
    ModelProvenance p = c.provenance();
    PrintWriter out = spec.commandLine().getOut();
    String f = "%-15s %s%n";
    out.printf(
        Locale.ROOT,
        f,
        "model file",
        String.format(
            Locale.ROOT,
            "%s (%,.1f KB, format %s %d)",
            file,
            c.fileBytes() / 1024.0,
            ModelFile.FORMAT,
            ModelFile.VERSION));
    out.printf(Locale.ROOT, f, "sha256", c.sha256());
    out.printf(Locale.ROOT, f, "SynData", p.synDataVersion());
    out.printf(Locale.ROOT, f, "created", p.createdAt());
    out.printf(Locale.ROOT, f, "source", p.source());
    out.printf(Locale.ROOT, f, "model", p.kind());
    out.printf(Locale.ROOT, f, "seed", p.seed());
    out.printf(Locale.ROOT, f, "orphans", p.orphans().name().toLowerCase(Locale.ROOT));
    out.printf(Locale.ROOT, "%-15s %,d%n", "max fit rows", p.maxFitRows());
    out.printf(Locale.ROOT, f, "schema hash", p.schemaHash());
    c.orphans()
        .forEach((fk, n) -> out.printf(Locale.ROOT, "%-15s %s: %,d rows%n", "orphans met", fk, n));
    out.printf(
        Locale.ROOT,
        "%n%-28s %-12s %12s %13s %7s %10s%n",
        "table",
        "kind",
        "source rows",
        "training rows",
        "columns",
        "model KB");
    for (ModelFile.TableEntry t : c.tables()) {
      Table table = c.schema().table(t.name());
      out.printf(
          Locale.ROOT,
          "%-28s %-12s %,12d %,13d %7d %,10.1f%n",
          t.name(),
          t.kind(),
          p.sourceRows().getOrDefault(t.name(), 0L),
          p.trainingRows().getOrDefault(t.name(), 0L),
          table.writtenColumns().size(),
          t.modelBytes() / 1024.0);
    }
    if (!p.autoChoices().isEmpty()) {
      out.printf(Locale.ROOT, "%n--model auto chose:%n");
      p.autoChoices().forEach((table, why) -> out.printf(Locale.ROOT, "  %s: %s%n", table, why));
    }
    out.flush();
    return 0;
  }
}
