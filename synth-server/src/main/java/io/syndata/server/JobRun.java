package io.syndata.server;

import io.syndata.engine.GenerateRequest;
import io.syndata.engine.Model;
import io.syndata.engine.ReportSpec;
import io.syndata.engine.RunReport;
import io.syndata.engine.SourceSpec;
import io.syndata.engine.SynData;
import io.syndata.engine.Training;
import io.syndata.model.ModelProvenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one job through the Java API, as {@code synth train} and {@code synth generate} do: a source
 * is learned into the job's model file, the model generates the files, and the report compares them
 * with the source. A holdout needs the split the engine makes inside one run, so such a job runs as
 * one {@code generate} and keeps no model file. An uploaded model file only generates.
 */
final class JobRun {
  static final String SOURCE_DIR = "source";
  static final String MODEL_FILE = "model.synth";
  static final String SCHEMA_FILE = "schema.json";
  static final String OUT_DIR = "out";
  static final String REPORT_DIR = "report";

  /** What a finished run did, for metering. */
  record Result(long rowsRead, long rowsGenerated) {}

  private final Path dir;
  private final String kind;
  private final String location;
  private final JobOptions options;
  private final JobProgress progress;

  /**
   * @param kind {@code csv} (a folder of CSV files in the job's source folder), {@code jdbc} or
   *     {@code model}
   * @param location the JDBC URL of a {@code jdbc} job (held in memory only)
   */
  JobRun(Path dir, String kind, String location, JobOptions options, JobProgress progress) {
    this.dir = dir;
    this.kind = kind;
    this.location = location;
    this.options = options;
    this.progress = progress;
  }

  /** The source a csv or jdbc job reads, with the schema the user edited when there is one. */
  static SourceSpec source(Path dir, String kind, String location, JobOptions options) {
    Path edited = dir.resolve(SCHEMA_FILE);
    return options.source(
        kind.equals("jdbc") ? location : dir.resolve(SOURCE_DIR).toString(),
        Files.exists(edited) ? Optional.of(edited) : Optional.empty());
  }

  Result run() {
    Path out = dir.resolve(OUT_DIR);
    if (kind.equals("model")) {
      progress.phase("generate");
      try (Model model = SynData.load(dir.resolve(MODEL_FILE))) {
        RunReport run = generate(model, out);
        return new Result(0, sum(run.writtenRows()));
      }
    }
    SourceSpec spec = source(dir, kind, location, options);
    if (options.holdout() > 0) {
      return withHoldout(spec, out);
    }
    progress.phase("fit");
    ModelProvenance made = Training.train(spec, options.fit(), dir.resolve(MODEL_FILE), progress);
    progress.phase("generate");
    RunReport run;
    try (Model model = SynData.load(dir.resolve(MODEL_FILE))) {
      run = generate(model, out);
    }
    Optional<String> readable = readBack(out);
    if (options.report().isPresent() && readable.isPresent()) {
      progress.phase("report");
      long start = System.nanoTime();
      SynData.report(
          spec,
          readable.get(),
          Optional.empty(),
          new ReportSpec(dir.resolve(REPORT_DIR), options.report().get()),
          progress);
      progress.phaseTimes(Map.of("report", java.time.Duration.ofNanos(System.nanoTime() - start)));
    }
    return new Result(sum(made.sourceRows()), sum(run.writtenRows()));
  }

  private RunReport generate(Model model, Path out) {
    RunReport run =
        SynData.generate(
            model.synthModel(),
            SynData.openTarget(out.toString(), options.formats(), options.export()),
            options.generation(),
            progress);
    progress.phaseTimes(run.phaseTimes());
    return run;
  }

  private Result withHoldout(SourceSpec spec, Path out) {
    progress.phase("fit");
    Optional<String> readable = options.readableFormat();
    GenerateRequest request =
        new GenerateRequest(
            spec,
            out.toString(),
            options.fit(),
            options.generation(),
            false,
            options.holdout(),
            options
                .report()
                .filter(r -> readable.isPresent())
                .map(r -> new ReportSpec(dir.resolve(REPORT_DIR), r)),
            options.formats(),
            options.export());
    RunReport run = SynData.generate(request, progress);
    progress.phaseTimes(run.phaseTimes());
    return new Result(sum(run.sourceRows()), sum(run.writtenRows()));
  }

  /** Where the report reads the written files back: the folder, or a format's subfolder. */
  private Optional<String> readBack(Path out) {
    return options
        .readableFormat()
        .map(f -> (options.formats().size() == 1 ? out : out.resolve(f)).toString());
  }

  private static long sum(Map<String, Long> rows) {
    return rows.values().stream().mapToLong(Long::longValue).sum();
  }
}
