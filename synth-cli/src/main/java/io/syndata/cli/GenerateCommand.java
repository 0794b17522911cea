package io.syndata.cli;

import io.syndata.connectors.Connectors;
import io.syndata.engine.GenerateRequest;
import io.syndata.engine.GenerationEngine;
import io.syndata.engine.RunReport;
import io.syndata.engine.SchemaDrift;
import io.syndata.engine.SynData;
import io.syndata.engine.Training;
import io.syndata.engine.WriteOptions;
import io.syndata.model.GenerationOptions;
import io.syndata.model.GenerationPlan;
import io.syndata.model.GenerationResult;
import io.syndata.model.SynthModel;
import io.syndata.schema.SynthException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Learn the source (every table and every parent-child relation) and write a synthetic copy: "
          + "into a database (tables, keys and foreign keys created when absent, or empty existing tables filled) "
          + "or into a folder with one CSV file per table plus schema.json.",
      "All or nothing: when anything fails the target is left as it was found (with --writers above 1, "
          + "partition by partition, into a database or a folder: continue with --resume or undo with "
          + "--abort). The same source, options "
          + "and seed give identical output."
    })
final class GenerateCommand implements Callable<Integer> {
  @Mixin SourceOptions source;

  @Mixin TargetOption target;

  @Option(
      names = "--scale",
      defaultValue = "1.0",
      paramLabel = "<factor>",
      description =
          "Multiplies the rows of root tables (0.01 to 1000; default ${DEFAULT-VALUE}); child tables follow "
              + "the learned children-per-parent counts.")
  double scale;

  @Option(
      names = "--rows",
      paramLabel = "<table=N>",
      split = ",",
      description =
          "Exact row count for a table, overriding --scale for it (repeatable: --rows orders=500).")
  Map<String, Long> rows = new LinkedHashMap<>();

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of the fit and the generation (default ${DEFAULT-VALUE}).")
  long seed;

  @Mixin FitOptionsMixin fit;

  @Option(
      names = "--model-file",
      paramLabel = "<file>",
      description =
          "Generate from a model file written by synth train instead of learning a source: --source is "
              + "then not given and not read, so there is no fidelity summary or holdout, and the report "
              + "(beside a folder target unless --no-report, or --report <dir>) compares the rows with "
              + "the statistics the model holds.")
  Path modelFile;

  @Mixin FormatOptions format;

  @Option(
      names = "--threads",
      paramLabel = "<n>",
      description =
          "Workers generating partitions at once (default: every core). The output is the same for any "
              + "number.")
  Integer threads;

  @Option(
      names = "--writers",
      defaultValue = "1",
      paramLabel = "<n>",
      description =
          "Writers of partitions at once (1 to 64; default ${DEFAULT-VALUE}: the whole run in one "
              + "transaction, all or nothing): database connections, or for a folder threads writing "
              + "part files beside it that are assembled into the usual files at the end. Above 1, "
              + "each partition is committed on its own and recorded (in the database, or in "
              + ".FOLDER.syndata-run beside the folder), so that an interrupted run can be continued "
              + "(--resume) or undone (--abort). The rows and files are the same for any number.")
  int writers;

  @Option(
      names = "--resume",
      negatable = false,
      description =
          "Continue the interrupted run the database or folder target records: only the partitions it had not "
              + "committed are generated and written, giving the rows of an uninterrupted run. Refused, "
              + "naming what differs, when the model, seed, scale, rows or partitions (for a folder also "
              + "the formats and export options) differ.")
  boolean resume;

  @Option(
      names = "--abort",
      negatable = false,
      description =
          "Undo the interrupted run the target records (in a database, drop the tables it created and "
              + "empty the ones it found empty; for a folder, delete its record and part files) and stop: "
              + "nothing is learned or generated.")
  boolean abort;

  @Option(
      names = "--dry-run",
      negatable = false,
      description =
          "Learn the source, then print the plan (rows per table, stages, partitions, estimated time and "
              + "size) and stop: the target is not opened.")
  boolean dryRun;

  @Option(
      names = "--no-evaluate",
      negatable = false,
      description = "Skip reading the target back for the fidelity summary.")
  boolean noEvaluate;

  @Option(
      names = "--holdout",
      defaultValue = "0",
      paramLabel = "<share>",
      description =
          "Keep this share of root rows, with their descendants, out of training (e.g. 0.2), so that the "
              + "report's privacy and utility figures are measured on rows the model never saw. Scale 1.0 then gives as "
              + "many rows as the model learned.")
  double holdout;

  @Mixin ReportOptionsMixin report;

  @Option(
      names = "--fail-on-drift",
      negatable = false,
      description =
          "With --model-file into a database: fail when its existing tables differ from the model's "
              + "schema. Without it each difference is a warning, new columns are filled and dropped ones "
              + "not written (docs/maven-plugin.md#schema-drift).")
  boolean failOnDrift;

  @Option(
      names = "--engine",
      defaultValue = "native",
      paramLabel = "<engine>",
      description =
          "native (this JVM's threads; default) or spark: the same plan run as a Spark job, from a "
              + "--model-file into a parquet, csv or json folder (one subfolder per table) or a jdbc: URL."
              + " The same seed gives the same rows (docs/spark.md).")
  String engine;

  @Option(
      names = "--master",
      paramLabel = "<url>",
      description =
          "With --engine spark: the Spark master, e.g. local[2], yarn, spark://host:7077 "
              + "(default local[*]).")
  String master;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (abort) {
      if (resume || dryRun) {
        throw new SynthException("give --abort alone: it undoes a run, and generates nothing");
      }
      spec.commandLine().getOut().println(SynData.abandon(target.location));
      spec.commandLine().getOut().flush();
      return 0;
    }
    WriteOptions writes = new WriteOptions(writers, resume);
    GenerationOptions generation =
        new GenerationOptions(
            scale, rows, seed, threads == null ? GenerationOptions.defaultThreads() : threads);
    if (!engine.equals("native")) {
      return onEngine(generation, writes);
    }
    if (master != null) {
      throw new SynthException("--master is for --engine spark");
    }
    if (modelFile != null) {
      return fromModelFile(generation, writes);
    }
    if (target.location != null
        && !target.location.regionMatches(true, 0, "jdbc:", 0, 5)
        && SynData.canReadBack(target.location, format.formats, format.export())) {
      report.defaultTo(Path.of(target.location), !noEvaluate);
    }
    GenerateRequest request =
        new GenerateRequest(
            source.spec(),
            target.location,
            fit.options(seed),
            generation,
            !noEvaluate,
            holdout,
            report.spec(seed),
            format.formats,
            format.export(),
            writes);
    PrintWriter err = spec.commandLine().getErr();
    if (dryRun) {
      spec.commandLine().getOut().print(SynData.dryRun(request, new TerminalProgress(err)));
      spec.commandLine().getOut().flush();
      return 0;
    }
    announce(err, Connectors.redact(source.location));
    RunReport report = SynData.generate(request, new TerminalProgress(err));
    Summary.print(report, spec.commandLine().getOut());
    this.report
        .spec(seed)
        .ifPresent(
            r ->
                spec.commandLine()
                    .getOut()
                    .println(
                        "wrote "
                            + r.directory().resolve("report.html")
                            + " and "
                            + r.directory().resolve("report.json")));
    return 0;
  }

  private int fromModelFile(GenerationOptions generation, WriteOptions writes) {
    if (source.location != null) {
      throw new SynthException("give either --source or --model-file, not both");
    }
    if (holdout > 0) {
      throw new SynthException("--holdout needs the source; it cannot be used with --model-file");
    }
    report.refuseSourceOnly();
    // The report a folder gets by default tallies the rows as one writer writes them; a run
    // written partition by partition goes without it (an explicit --report is refused).
    if (target.location != null
        && !target.location.regionMatches(true, 0, "jdbc:", 0, 5)
        && !dryRun
        && !writes.partitioned()) {
      report.defaultTo(Path.of(target.location), !noEvaluate);
    }
    java.util.Optional<Path> reportFolder =
        dryRun
            ? java.util.Optional.empty()
            : report.spec(seed).map(io.syndata.engine.ReportSpec::directory);
    PrintWriter err = spec.commandLine().getErr();
    SynthModel model = Training.load(modelFile);
    if (dryRun) {
      spec.commandLine()
          .getOut()
          .print(GenerationPlan.of(model, generation).describe(model, generation.threads()));
      spec.commandLine().getOut().flush();
      return 0;
    }
    announce(err, modelFile.toString());
    SchemaDrift drift = SchemaDrift.read(model.graph().schema(), target.location);
    drift.lines().forEach(line -> err.println("  warning: schema drift: " + line));
    if (failOnDrift && !drift.isEmpty()) {
      throw new SynthException(
          "the target's tables differ from the model's schema in "
              + drift.differences().size()
              + " places (listed above) and --fail-on-drift is given: retrain the model");
    }
    RunReport run =
        SynData.generate(
            model,
            drift.adapt(SynData.openTarget(target.location, format.formats, format.export()), seed),
            generation,
            writes,
            reportFolder,
            new TerminalProgress(err));
    Summary.print(run, spec.commandLine().getOut());
    reportFolder.ifPresent(
        r ->
            spec.commandLine()
                .getOut()
                .println(
                    "wrote "
                        + r.resolve("report.html")
                        + " and "
                        + r.resolve("report.json")
                        + " (against the model's statistics)"));
    return 0;
  }

  /** Another engine (Spark), found on the class path: it generates from a model file. */
  private int onEngine(GenerationOptions generation, WriteOptions writes) {
    if (writers > 1 || resume) {
      throw new SynthException(
          "--writers and --resume are for the native engine; --engine "
              + engine
              + " writes each partition as a task of its own");
    }
    if (modelFile == null) {
      throw new SynthException(
          "--engine " + engine + " generates from a --model-file: write one with synth train");
    }
    if (dryRun) {
      return fromModelFile(generation, writes);
    }
    if (target.location == null) {
      throw new SynthException("--engine " + engine + " needs --target");
    }
    boolean jdbc = target.location.regionMatches(true, 0, "jdbc:", 0, 5);
    if (!jdbc && format.formats.size() != 1) {
      throw new SynthException(
          "--engine "
              + engine
              + " writes one --format (parquet, csv or json), not "
              + format.formats);
    }
    PrintWriter err = spec.commandLine().getErr();
    announce(err, modelFile + " on " + engine);
    GenerationResult result =
        GenerationEngine.named(engine)
            .generate(
                new GenerationEngine.Run(
                    modelFile,
                    target.location,
                    jdbc ? "jdbc" : format.formats.get(0),
                    java.util.Optional.ofNullable(master),
                    generation),
                new TerminalProgress(err));
    PrintWriter out = spec.commandLine().getOut();
    out.println("rows written:");
    result.rows().forEach((t, n) -> out.printf(java.util.Locale.ROOT, "  %-28s %,12d%n", t, n));
    out.flush();
    return 0;
  }

  private void announce(PrintWriter err, String from) {
    err.println(
        "synth: "
            + from
            + " -> "
            + Connectors.redact(target.location)
            + " (scale "
            + scale
            + ", seed "
            + seed
            + ")");
  }
}
