package io.syndata.cli;

import io.syndata.engine.SynData;
import io.syndata.schema.Column;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Relation;
import io.syndata.schema.Schema;
import io.syndata.schema.SchemaFile;
import io.syndata.schema.Table;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "introspect",
    mixinStandardHelpOptions = true,
    description = {
      "Read a source's schema (tables, columns, keys, foreign keys, row counts), guess each column's "
          + "kind from its type, name and data, and write an editable schema file.",
      "Kinds: id, categorical, numeric, datetime, text, pii. Set \"excluded\": true to leave a nullable column "
          + "out; edit rowCount, kinds and foreign keys, then pass the file back with --schema."
    })
final class IntrospectCommand implements Callable<Integer> {
  @Mixin SourceOptions source;

  @Option(
      names = "--out",
      paramLabel = "<file>",
      description =
          "Where to write the schema file (e.g. shop.schema.json). "
              + "Without it the summary is printed only.")
  Path out;

  @Option(names = "--force", description = "Overwrite the --out file when it exists.")
  boolean force;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (out != null) {
      OutputFiles.refuseOverwrite(force, "--out", out);
    }
    var err = spec.commandLine().getErr();
    Schema schema = SynData.introspect(source.spec(), new TerminalProgress(err));
    ForeignKeyGraph graph = SynData.graph(schema);
    var outWriter = spec.commandLine().getOut();
    for (Table t : graph.generationOrder()) {
      outWriter.printf(
          Locale.ROOT,
          "%-28s %,10d rows  pk %s%n",
          t.name(),
          t.rowCount(),
          t.primaryKey().isEmpty() ? "(none)" : t.primaryKey());
      for (Column c : t.columns()) {
        outWriter.printf(
            Locale.ROOT,
            "    %-26s %-12s %-11s%s%s%n",
            c.name(),
            c.type(),
            c.excluded() ? "excluded" : c.kind().fileName(),
            c.pii().map(p -> " (" + p + ")").orElse(""),
            c.nullable() ? "" : " not null");
      }
      for (ForeignKey fk : t.foreignKeys()) {
        Relation r = new Relation(t.name(), fk);
        outWriter.printf(
            Locale.ROOT,
            "    fk %s%s%s%n",
            fk.describe(t.name()),
            fk.inferred() ? " (inferred)" : "",
            graph.isDeferred(r) ? " (filled in a second pass: it closes a cycle)" : "");
      }
    }
    if (out != null) {
      SchemaFile.write(schema, out);
      outWriter.println("wrote " + out + " (" + schema.tables().size() + " tables)");
    }
    outWriter.flush();
    return 0;
  }
}
