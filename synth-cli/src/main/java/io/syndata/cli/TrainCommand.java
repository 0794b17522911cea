package io.syndata.cli;

import io.syndata.connectors.Connectors;
import io.syndata.data.Source;
import io.syndata.engine.GenerationEngine;
import io.syndata.engine.SourceSpec;
import io.syndata.engine.Training;
import io.syndata.model.FitOptions;
import io.syndata.model.ModelProvenance;
import io.syndata.schema.SynthException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Learn the source (every table and every parent-child relation) and save the fitted model as a "
          + "model file, so that synthetic data can be generated later without the source.",
      "The file holds the schema, how the model was made and per table aggregated statistics and fitted "
          + "parameters, never a source row; docs/model-file.md lists what is derived from source values. "
          + "synth inspect shows what a file holds."
    })
final class TrainCommand implements Callable<Integer> {
  @Mixin SourceOptions source;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "<file>",
      description =
          "Where to write the model file (e.g. shop.synth); an existing file is replaced.")
  Path out;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description =
          "Seed of the fit: the sampling of tables larger than --max-fit-rows (default ${DEFAULT-VALUE}).")
  long seed;

  @Mixin FitOptionsMixin fit;

  @Option(
      names = "--engine",
      defaultValue = "native",
      paramLabel = "<engine>",
      description =
          "native (default) or spark: read the source through Spark — a jdbc: URL in parallel key"
              + " ranges, or a folder of Parquet, CSV, JSON, ORC, Delta or Iceberg tables (local, hdfs://,"
              + " s3a://) — and fit on this"
              + " machine as usual; the same data gives the same model (docs/spark.md).")
  String engine;

  @Option(
      names = "--master",
      paramLabel = "<url>",
      description =
          "With --engine spark: the Spark master, e.g. local[2], yarn (default local[*]).")
  String master;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws java.io.IOException {
    FitOptions options = fit.options(seed);
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        "synth: training on "
            + Connectors.redact(source.location)
            + " -> "
            + out
            + " (model "
            + options.model()
            + ", seed "
            + seed
            + ")");
    ModelProvenance p;
    if (engine.equals("native")) {
      if (master != null) {
        throw new SynthException("--master is for --engine spark");
      }
      p = Training.train(source.spec(), options, out, new TerminalProgress(err));
    } else {
      SourceSpec spec = source.spec();
      try (Source s =
          GenerationEngine.named(engine).openSource(spec, Optional.ofNullable(master))) {
        p = Training.train(spec, s, options, out, new TerminalProgress(err));
      }
    }
    PrintWriter w = spec.commandLine().getOut();
    p.tableLines().forEach(w::println);
    w.printf(
        Locale.ROOT,
        "wrote %s (%,.1f KB, %d tables); see it with synth inspect %s%n",
        out,
        Files.size(out) / 1024.0,
        p.tableKinds().size(),
        out);
    w.flush();
    return 0;
  }
}
