package io.syndata.engine;

import io.syndata.connectors.Connectors;
import io.syndata.data.PartitionedTarget;
import io.syndata.data.Progress;
import io.syndata.data.SchemaFilter;
import io.syndata.data.Source;
import io.syndata.data.Target;
import io.syndata.export.CsvFolderTarget;
import io.syndata.export.ExportOptions;
import io.syndata.export.Exporters;
import io.syndata.export.XlsxSource;
import io.syndata.model.FitOptions;
import io.syndata.model.GenerationOptions;
import io.syndata.model.GenerationPlan;
import io.syndata.model.GenerationResult;
import io.syndata.model.Generator;
import io.syndata.model.SynthModel;
import io.syndata.model.fit.RelationalFit;
import io.syndata.quality.EvaluationData;
import io.syndata.quality.Fidelity;
import io.syndata.quality.FidelityReport;
import io.syndata.quality.QualityReport;
import io.syndata.quality.QualityReports;
import io.syndata.quality.ReportOptions;
import io.syndata.quality.report.ReportWriter;
import io.syndata.schema.Column;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Schema;
import io.syndata.schema.SchemaFile;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Java API: one static entry point over the path source → schema → model → target.
 *
 * <pre>{@code
 * RunReport report = SynData.generate(
 *     GenerateRequest.of(SourceSpec.of("jdbc:postgresql://localhost/shop?user=app"), "./out"),
 *     Progress.NONE);
 * }</pre>
 */
public final class SynData {
  private SynData() {}

  /**
   * Starts the fluent API on a source: a JDBC URL or a folder of CSV files.
   *
   * <pre>{@code
   * try (Model model = SynData.from("jdbc:postgresql://localhost/shop?user=app").seed(7).fit()) {
   *   model.save(Path.of("shop.synth")).generate().scale(2).threads(4).to(Path.of("out"));
   * }
   * }</pre>
   */
  public static Fitting from(String location) {
    return Fitting.of(location);
  }

  /** Starts the fluent API on a folder of CSV files. */
  public static Fitting from(Path folder) {
    return Fitting.of(folder.toString());
  }

  /** Starts the fluent API on the database behind a data source (only read, never closed). */
  public static Fitting from(javax.sql.DataSource dataSource) {
    return Fitting.of(dataSource);
  }

  /**
   * Loads a model file written by {@link Model#save} or {@code synth train}: generation then needs
   * no access to the source.
   */
  public static Model load(Path modelFile) {
    return new Model(Training.load(modelFile));
  }

  /**
   * Reads the schema of a source: from the schema file when the spec names one (checked against the
   * source), else introspected and profiled so that column kinds reflect the data.
   */
  public static Schema introspect(SourceSpec spec, Progress progress) {
    try (Source source = openSource(spec)) {
      return introspect(spec, source, progress);
    }
  }

  /** Opens the source a spec names; the caller closes it. */
  public static Source openSource(SourceSpec spec) {
    if (!isJdbc(spec.location()) && XlsxSource.holdsWorkbook(Path.of(spec.location()))) {
      return XlsxSource.open(Path.of(spec.location()), spec.schemaFile().map(SchemaFile::read));
    }
    return Connectors.source(
        spec.location(), spec.schemaFile().map(SchemaFile::read), spec.csv(), spec.readers());
  }

  static Schema introspect(SourceSpec spec, Source source, Progress progress) {
    Schema schema;
    SchemaFilter filter = TableModes.cascade(spec, source, progress);
    if (spec.schemaFile().isPresent()) {
      Schema file = SchemaFile.read(spec.schemaFile().get());
      schema = Profiler.checkAgainstSource(file, source, filter, spec.schemaFile().get());
    } else {
      schema = Profiler.refineKinds(source.introspect(filter), source, progress);
    }
    schema = TableModes.resolve(schema, spec.tables(), progress);
    for (Table t : schema.tables()) {
      for (ForeignKey fk : t.foreignKeys()) {
        if (fk.inferred()) {
          progress.warn(
              "inferred foreign key "
                  + fk.describe(t.name())
                  + " from names and values;"
                  + " declare it in a schema file (--schema) if that is wrong");
        }
      }
    }
    return schema;
  }

  /** Fits a model of a source, each table with the kind the options and the schema choose. */
  public static SynthModel fit(
      Schema schema, Source source, io.syndata.model.FitOptions options, Progress progress) {
    ForeignKeyGraph graph = ForeignKeyGraph.of(schema);
    return RelationalFit.fit(graph, new ProgressSource(source, progress), options, progress);
  }

  /**
   * Learns the source and writes a synthetic copy to the target, all or nothing: on any failure the
   * target is left as it was found.
   */
  public static RunReport generate(GenerateRequest request, Progress progress) {
    SourceTargetCheck.refuseSame(request.source().location(), request.target());
    Timings timings = new Timings(progress);
    long seed = request.fit().seed();
    try (Source source = openSource(request.source())) {
      Schema schema =
          timings.phase("introspect", () -> introspect(counted(request), source, timings));
      requireTables(schema, request.source());
      checkRowOverrides(schema, request.generation().rows());
      request.report().ifPresent(r -> r.options().check(schema));
      if (request.report().isPresent() && readBack(request).isEmpty()) {
        throw new SynthException(
            "--report reads the written data back, from a database or from csv, parquet, jsonl or json"
                + " files: add one of them to --format, or pass --no-report");
      }
      Optional<HoldoutSplit> split =
          request.holdout() > 0
              ? Optional.of(new HoldoutSplit(source, schema, request.holdout(), seed))
              : Optional.empty();
      Source training = split.map(HoldoutSplit::training).orElse(source);
      SynthModel model;
      GenerationResult result;
      // The target is opened and prepared before the fit, so that an unreachable or non-empty
      // target
      // fails in seconds rather than after a long fit; abort() undoes the preparation.
      try (Target target = openTarget(request.target(), request.formats(), request.export())) {
        Target observed = new ProgressTarget(target, timings);
        try {
          if (request.writes().partitioned()) {
            // The run's record holds the model's fingerprint: the target is begun after the fit.
            partitionedTarget(target);
            model = timings.phase("fit", () -> fit(schema, training, request.fit(), timings));
            result =
                partitioned(
                    model,
                    request.generation(),
                    GenerationPlan.of(model, request.generation()),
                    target,
                    writtenSchema(schema),
                    request.writes(),
                    timings);
          } else {
            observed.begin(writtenSchema(schema));
            model = timings.phase("fit", () -> fit(schema, training, request.fit(), timings));
            result =
                timings.phase(
                    "generate",
                    () -> Generator.generate(model, request.generation(), observed, timings));
            observed.commit();
          }
        } catch (RuntimeException | Error e) {
          target.abort();
          throw e;
        }
      }
      Map<String, Long> fittedOnSample = fittedOnSample(model.provenance());
      Optional<QualityReport> report =
          request
              .report()
              .map(
                  spec ->
                      timings.phase(
                          "report",
                          () -> {
                            QualityReport q =
                                report(
                                        schema,
                                        training,
                                        readBack(request).orElseThrow(),
                                        split.map(HoldoutSplit::holdout),
                                        spec.options(),
                                        timings)
                                    .withFittedRows(fittedOnSample);
                            ReportWriter.write(q, spec.directory());
                            return q;
                          }));
      Optional<FidelityReport> fidelity =
          report
              .map(QualityReport::fidelity)
              .or(
                  () ->
                      request.evaluate() && readBack(request).isPresent()
                          ? Optional.of(
                              timings.phase(
                                  "evaluate",
                                  () ->
                                      evaluate(
                                          schema, training, readBack(request).orElseThrow(), seed)))
                          : Optional.empty());
      Map<String, Long> sourceRows = new LinkedHashMap<>();
      schema.tables().forEach(t -> sourceRows.put(t.name(), t.rowCount()));
      return new RunReport(
          sourceRows,
          model.provenance().trainingRows(),
          result.rows(),
          timings.totals(),
          timings.warnings(),
          fidelity,
          report);
    }
  }

  /**
   * Learns the source and returns what {@link #generate(GenerateRequest, Progress)} would write —
   * per table the rows, stages and partitions, with an estimate of time and size — without opening
   * the target.
   */
  public static String dryRun(GenerateRequest request, Progress progress) {
    try (Source source = openSource(request.source())) {
      Schema schema = introspect(counted(request), source, progress);
      requireTables(schema, request.source());
      checkRowOverrides(schema, request.generation().rows());
      SynthModel model = fit(schema, source, request.fit(), progress);
      return GenerationPlan.of(model, request.generation())
              .describe(model, request.generation().threads())
          + sampled(model.provenance());
    }
  }

  /**
   * The tables fitted on a sample rather than on every row, one line each, for {@code --dry-run}:
   * their attributes come from a keyed sample of at most {@code --max-fit-rows} rows, while child
   * counts, key formats and orphans are counted over every row of the scan.
   */
  static String sampled(io.syndata.model.ModelProvenance p) {
    StringBuilder sb = new StringBuilder();
    fittedOnSample(p)
        .forEach(
            (table, trained) ->
                sb.append(
                    String.format(
                        java.util.Locale.ROOT,
                        "fitted on a sample: %s, %,d of %,d rows (at most --max-fit-rows %,d, by"
                            + " key; children of sampled parents only); child counts and key formats"
                            + " from every row%n",
                        table,
                        trained,
                        p.sourceRows().get(table),
                        p.maxFitRows())));
    return sb.toString();
  }

  /** The tables fitted on fewer rows than the source had, with the number of rows fitted. */
  static Map<String, Long> fittedOnSample(io.syndata.model.ModelProvenance p) {
    Map<String, Long> sampled = new LinkedHashMap<>();
    p.sourceRows()
        .forEach(
            (table, rows) -> {
              long trained = p.trainingRows().getOrDefault(table, rows);
              if (trained < rows) {
                sampled.put(table, trained);
              }
            });
    return sampled;
  }

  /**
   * Writes a synthetic database or folder from a fitted (or loaded) model, without any access to
   * the source it was learned from; all or nothing, like {@link #generate(GenerateRequest,
   * Progress)}. There is no fidelity summary: that needs the source.
   */
  public static RunReport generate(
      SynthModel model, String targetLocation, GenerationOptions options, Progress progress) {
    return generate(model, targetLocation, options, WriteOptions.SINGLE, progress);
  }

  /** As {@link #generate(SynthModel, String, GenerationOptions, Progress)}, with writers. */
  public static RunReport generate(
      SynthModel model,
      String targetLocation,
      GenerationOptions options,
      WriteOptions writes,
      Progress progress) {
    checkRowOverrides(model.graph().schema(), options.rows());
    GenerationPlan.of(model, options);
    return generate(model, openTarget(targetLocation), options, writes, progress);
  }

  /** As {@link #generate(SynthModel, String, GenerationOptions, Progress)}, into any target. */
  public static RunReport generate(
      SynthModel model, Target opened, GenerationOptions options, Progress progress) {
    return generate(model, opened, options, WriteOptions.SINGLE, Optional.empty(), progress);
  }

  /**
   * Undoes the interrupted run that a database or folder target records ({@code --abort}): in a
   * database the tables it created are dropped and the tables it found empty are emptied again; for
   * a folder its record and part files beside the folder are deleted.
   *
   * @return what was undone, in one line
   */
  public static String abandon(String targetLocation) {
    if (!isJdbc(targetLocation)) {
      return Exporters.abandon(Path.of(targetLocation));
    }
    try (Target target = openTarget(targetLocation)) {
      if (!(target instanceof PartitionedTarget pt)) {
        throw new SynthException(
            "--abort undoes an interrupted partitioned run; "
                + target.describe()
                + " is written all or nothing, so there is none to undo");
      }
      return pt.abandon();
    }
  }

  /**
   * Begins a partitioned run (or takes up the interrupted one), writes the missing partitions over
   * the writers and commits.
   */
  private static GenerationResult partitioned(
      SynthModel model,
      GenerationOptions options,
      GenerationPlan plan,
      Target target,
      Schema written,
      WriteOptions writes,
      Timings timings) {
    PartitionedTarget pt = partitionedTarget(target);
    List<PartitionedTarget.Committed> done =
        pt.beginPartitioned(written, plan.fingerprint(model, options), writes.resume());
    if (!done.isEmpty()) {
      timings.note(
          "resuming: "
              + done.size()
              + " of "
              + plan.stages().stream().mapToInt(GenerationPlan.Stage::partitions).sum()
              + " partitions were committed by the interrupted run");
    }
    GenerationResult result =
        timings.phase(
            "generate",
            () -> Generator.generate(model, options, plan, pt, writes.writers(), done, timings));
    pt.commit();
    return result;
  }

  private static PartitionedTarget partitionedTarget(Target target) {
    if (!(target instanceof PartitionedTarget pt)) {
      throw new SynthException(
          target.describe()
              + " is written all or nothing: --writers above 1 and --resume need a PostgreSQL,"
              + " MariaDB or MySQL target whose tables match the model, or a folder without"
              + " --overwrite");
    }
    return pt;
  }

  /** As {@link #generate(SynthModel, Target, GenerationOptions, Progress)}, with writers. */
  public static RunReport generate(
      SynthModel model,
      Target opened,
      GenerationOptions options,
      WriteOptions writes,
      Progress progress) {
    return generate(model, opened, options, writes, Optional.empty(), progress);
  }

  /**
   * As {@link #generate(SynthModel, Target, GenerationOptions, Progress)}, and, when {@code
   * reportFolder} is given, writes {@code report.html} and {@code report.json} there after the
   * commit: the generated rows measured against the statistics the model holds ({@link
   * ModelReport}), tallied as they are written, so nothing is read back.
   */
  public static RunReport generate(
      SynthModel model,
      Target opened,
      GenerationOptions options,
      Optional<Path> reportFolder,
      Progress progress) {
    return generate(model, opened, options, WriteOptions.SINGLE, reportFolder, progress);
  }

  /**
   * As {@link #generate(SynthModel, Target, GenerationOptions, Progress)}, with writers and a
   * report.
   */
  public static RunReport generate(
      SynthModel model,
      Target opened,
      GenerationOptions options,
      WriteOptions writes,
      Optional<Path> reportFolder,
      Progress progress) {
    if (writes.partitioned() && reportFolder.isPresent()) {
      opened.close();
      throw new SynthException(
          "a report measured against the model is not written for runs with --writers above 1 or"
              + " --resume yet: leave out --report, or write with one writer");
    }
    Timings timings = new Timings(progress);
    Schema schema = model.graph().schema();
    GenerationResult result;
    Optional<ModelStatisticsTarget> tally = Optional.empty();
    try (Target target = opened) {
      checkRowOverrides(schema, options.rows());
      GenerationPlan plan = GenerationPlan.of(model, options);
      tally = reportFolder.map(f -> new ModelStatisticsTarget(target, model));
      Target observed = new ProgressTarget(tally.<Target>map(t -> t).orElse(target), timings);
      try {
        if (writes.partitioned()) {
          result =
              partitioned(model, options, plan, target, writtenSchema(schema), writes, timings);
        } else {
          observed.begin(writtenSchema(schema));
          result =
              timings.phase(
                  "generate", () -> Generator.generate(model, options, plan, observed, timings));
          observed.commit();
        }
      } catch (RuntimeException | Error e) {
        target.abort();
        throw e;
      }
    }
    for (ModelStatisticsTarget t : tally.stream().toList()) {
      timings.phase(
          "report",
          () -> {
            ModelReportWriter.write(t.report(), reportFolder.orElseThrow());
            return null;
          });
    }
    return new RunReport(
        model.provenance().sourceRows(),
        model.provenance().trainingRows(),
        result.rows(),
        timings.totals(),
        timings.warnings(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * Writes the quality report of a synthetic database or folder against the real one (and, when
   * given, real holdout rows that were kept out of training).
   */
  public static QualityReport report(
      SourceSpec real,
      String synthetic,
      Optional<String> holdout,
      ReportSpec spec,
      Progress progress) {
    try (Source source = openSource(real)) {
      Schema schema = introspect(real, source, progress);
      Optional<Source> holdoutSource = holdout.map(h -> openSource(real.withLocation(h)));
      try {
        QualityReport q =
            report(schema, source, synthetic, holdoutSource, spec.options(), progress);
        ReportWriter.write(q, spec.directory());
        return q;
      } finally {
        holdoutSource.ifPresent(Source::close);
      }
    }
  }

  private static QualityReport report(
      Schema schema,
      Source real,
      String syntheticLocation,
      Optional<Source> holdout,
      ReportOptions options,
      Progress progress) {
    try (Source synthetic = openSynthetic(syntheticLocation)) {
      long start = System.nanoTime();
      EvaluationData data =
          EvaluationData.load(schema, real, synthetic, holdout, options.maxRows(), options.seed());
      long rows =
          schema.tables().stream()
              .mapToLong(
                  t -> data.real(t.name()).totalRows() + data.synthetic(t.name()).totalRows())
              .sum();
      progress.finished("report", "reading real and synthetic", rows, since(start));
      return QualityReports.evaluate(data, options, progress);
    }
  }

  /**
   * Copies a source into a target unchanged, parents first, all or nothing: for loading a folder of
   * CSV files into a database, or seeding a test database with known rows. Returns rows per table.
   */
  public static Map<String, Long> copy(SourceSpec spec, String targetLocation, Progress progress) {
    return copy(spec, targetLocation, List.of("csv"), ExportOptions.DEFAULTS, progress);
  }

  /**
   * As {@link #copy(SourceSpec, String, Progress)}, into a folder of files of the given formats
   * (what {@code synth export} does); a database target takes no format.
   */
  public static Map<String, Long> copy(
      SourceSpec spec,
      String targetLocation,
      List<String> formats,
      ExportOptions export,
      Progress progress) {
    SourceTargetCheck.refuseSame(spec.location(), targetLocation);
    try (Source source = openSource(spec);
        Target target = openTarget(targetLocation, formats, export)) {
      Schema schema = introspect(spec, source, progress);
      Target observed = new ProgressTarget(target, progress);
      Map<String, Long> rows;
      try {
        observed.begin(schema);
        rows = Copier.copy(source, schema, observed);
        observed.commit();
      } catch (RuntimeException | Error e) {
        target.abort();
        throw e;
      }
      return rows;
    }
  }

  /** Compares a synthetic database or folder with the real source it was learned from. */
  public static FidelityReport evaluate(
      Schema schema, Source real, String syntheticLocation, long seed) {
    try (Source synthetic = openSynthetic(syntheticLocation)) {
      return new Fidelity(Fidelity.DEFAULT_MAX_ROWS, seed).evaluate(schema, real, synthetic);
    }
  }

  private static Source openSynthetic(String location) {
    if (isJdbc(location)) {
      return Connectors.source(location);
    }
    Path schemaJson = Path.of(location).resolve(CsvFolderTarget.SCHEMA_FILE);
    return Connectors.source(
        location,
        Files.exists(schemaJson) ? Optional.of(SchemaFile.read(schemaJson)) : Optional.empty());
  }

  /** Opens a database target for a JDBC URL, else a CSV folder target. */
  public static Target openTarget(String location) {
    return openTarget(location, List.of("csv"), ExportOptions.DEFAULTS);
  }

  /**
   * Opens a database target for a JDBC URL, else a folder target writing the given formats (csv,
   * xlsx, sql, parquet, json, jsonl, xml, dbunit; several write a subfolder each, see
   * docs/exports.md).
   */
  public static Target openTarget(String location, List<String> formats, ExportOptions export) {
    if (isJdbc(location)) {
      if (!formats.equals(List.of("csv")) || !export.values().isEmpty()) {
        throw new SynthException(
            "--format and export options apply to a folder target, not to "
                + Connectors.redact(location));
      }
      return Connectors.jdbcTarget(location);
    }
    return Exporters.open(formats, Path.of(location), export);
  }

  static boolean isJdbc(String location) {
    return location.startsWith("jdbc:");
  }

  /** The schema as the target sees it: excluded columns are neither created nor written. */
  static Schema writtenSchema(Schema schema) {
    return schema.map(
        t -> {
          for (Column c : t.columns()) {
            if (c.excluded() && (t.isKeyColumn(c.name()) || !c.nullable())) {
              throw new SynthException(
                  "column "
                      + t.name()
                      + "."
                      + c.name()
                      + " is excluded but is "
                      + (t.isKeyColumn(c.name()) ? "part of a key" : "NOT NULL")
                      + "; only nullable non-key columns can be excluded");
            }
          }
          List<List<String>> uniques = new ArrayList<>();
          for (List<String> u : t.uniqueKeys()) {
            if (u.stream().noneMatch(c -> t.column(c).excluded())) {
              uniques.add(u);
            }
          }
          return new Table(
              t.name(),
              t.namespace(),
              t.writtenColumns(),
              t.primaryKey(),
              uniques,
              t.foreignKeys(),
              t.rowCount(),
              t.model(),
              t.sql(),
              t.mode());
        });
  }

  /** Where the written data can be read back for evaluation: a database, or the CSV files. */
  private static Optional<String> readBack(GenerateRequest request) {
    if (isJdbc(request.target())) {
      return Optional.of(request.target());
    }
    for (String readable : READABLE_FORMATS) {
      if (request.formats().contains(readable) && !nested(readable, request.export())) {
        return Optional.of(
            request.formats().size() == 1
                ? request.target()
                : Path.of(request.target()).resolve(readable).toString());
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a run into {@code target} in these folder formats can read what it wrote back, as the
   * fidelity summary and the quality report do: a database can, a folder needs csv, parquet, jsonl
   * or json among its formats.
   */
  public static boolean canReadBack(String target, List<String> formats) {
    return canReadBack(target, formats, ExportOptions.DEFAULTS);
  }

  /**
   * As {@link #canReadBack(String, List)}, with the formats' options: nested JSON documents ({@code
   * json.nested}, {@code jsonl.nested}) are not flat tables and are not read back.
   */
  public static boolean canReadBack(String target, List<String> formats, ExportOptions export) {
    return isJdbc(target)
        || formats.isEmpty()
        || READABLE_FORMATS.stream().anyMatch(f -> formats.contains(f) && !nested(f, export));
  }

  private static boolean nested(String format, ExportOptions export) {
    return (format.equals("json") || format.equals("jsonl"))
        && export.bool(format + ".nested", false);
  }

  /** The folder formats a source reads back, in the order the read-back prefers them. */
  private static final List<String> READABLE_FORMATS = List.of("csv", "parquet", "jsonl", "json");

  /**
   * The request's source with the tables {@code --rows} names marked for synthesis where nothing
   * else decides their mode: a count chosen for a table means it is not kept as a lookup table.
   */
  private static SourceSpec counted(GenerateRequest request) {
    SourceSpec spec = request.source();
    if (request.generation().rows().isEmpty()) {
      return spec;
    }
    TableChoices t = spec.tables();
    return new SourceSpec(
        spec.location(),
        spec.schemaFile(),
        spec.filter(),
        spec.csv(),
        t.withCounted(request.generation().rows().keySet()));
  }

  /** Reads the schema of an open source (refusing one without tables) and fits its model. */
  static SynthModel learn(SourceSpec spec, Source source, FitOptions options, Progress progress) {
    Schema schema = introspect(spec, source, progress);
    requireTables(schema, spec);
    return fit(schema, source, options, progress);
  }

  /** A run with nothing to learn is a mistake, not a success. */
  static void requireTables(Schema schema, SourceSpec spec) {
    if (schema.tables().isEmpty()) {
      throw new SynthException(
          "no tables to generate from "
              + Connectors.redact(spec.location())
              + (spec.filter().equals(io.syndata.data.SchemaFilter.ALL)
                  ? ": the source has none"
                  : ": --include/--exclude leave none"));
    }
  }

  private static void checkRowOverrides(Schema schema, Map<String, Long> rows) {
    for (String table : rows.keySet()) {
      if (schema.find(table).isEmpty()) {
        throw new SynthException(
            "--rows names table "
                + table
                + ", which is not among the tables to generate: "
                + schema.tables().stream().map(Table::name).toList());
      }
    }
  }

  /** Generation order and deferred foreign keys, for display. */
  public static ForeignKeyGraph graph(Schema schema) {
    return ForeignKeyGraph.of(schema);
  }

  static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
