package io.syndata.maven;

import io.syndata.connectors.Connectors;
import io.syndata.data.Target;
import io.syndata.engine.GenerateRequest;
import io.syndata.engine.Model;
import io.syndata.engine.RunReport;
import io.syndata.engine.SchemaDrift;
import io.syndata.engine.SourceSpec;
import io.syndata.engine.SynData;
import io.syndata.engine.TargetTables;
import io.syndata.engine.WriteOptions;
import io.syndata.export.ExportOptions;
import io.syndata.model.GenerationOptions;
import io.syndata.schema.Schema;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Seeds a database (or writes a folder of files) with synthetic rows: from a model file written by
 * {@code synth:train} — the source is then not needed — or by learning {@code <source>} first, as
 * {@code synth generate} does. Bound to {@code pre-integration-test}, so {@code mvn verify} seeds
 * the test database before Failsafe runs.
 *
 * <p>Generating from a model file into a database whose tables migrations have changed since
 * training is not fatal: each difference is logged on one line, new columns are filled and dropped
 * ones skipped ({@code <failOnDrift>} makes any difference a build failure).
 */
@Mojo(
    name = "generate",
    defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST,
    threadSafe = true,
    requiresProject = false)
public final class GenerateMojo extends AbstractFitMojo {
  /**
   * Where the rows go: a JDBC URL of a database whose tables are absent (they are created) or
   * empty, or a folder that is absent or empty. The database itself must exist.
   */
  @Parameter(property = "synth.target")
  String target;

  /**
   * The model file to generate from ({@code synth:train} writes one); not with {@code <source>}.
   */
  @Parameter(property = "synth.modelFile")
  File modelFile;

  /** The user of {@code <source>} (the target's is {@code <user>}). */
  @Parameter(property = "synth.sourceUser")
  String sourceUser;

  /** The password of {@code <source>}. */
  @Parameter(property = "synth.sourcePassword")
  String sourcePassword;

  /** A {@code settings.xml} server whose login is used for {@code <source>}. */
  @Parameter(property = "synth.sourceServerId")
  String sourceServerId;

  /**
   * Multiplies the rows of root tables (0.01 to 1000); child tables follow the learned
   * children-per-parent counts.
   */
  @Parameter(property = "synth.scale", defaultValue = "1.0")
  double scale = 1.0;

  /**
   * Exact row counts, overriding {@code <scale>} for those tables: {@code
   * <rows><row>orders=500</row></rows>} or {@code -Dsynth.rows=orders=500,customers=20}.
   */
  @Parameter(property = "synth.rows")
  List<String> rows = new ArrayList<>();

  /** Workers generating partitions at once (default: every core); the rows do not depend on it. */
  @Parameter(property = "synth.threads")
  Integer threads;

  /**
   * Writers of partitions at once (1, the default: the whole run all or nothing): database
   * connections, each partition in its own transaction, or for a folder target threads writing part
   * files beside it, assembled into the usual files at the end; the rows do not depend on it.
   */
  @Parameter(property = "synth.writers", defaultValue = "1")
  int writers = 1;

  /** Continue the interrupted partitioned run the database or folder target records. */
  @Parameter(property = "synth.resume", defaultValue = "false")
  boolean resume;

  /**
   * For a folder target: csv, xlsx, sql, parquet, json, jsonl, xml or dbunit; several write a
   * subfolder each.
   */
  @Parameter(property = "synth.format", defaultValue = "csv")
  List<String> format = new ArrayList<>(List.of("csv"));

  /** For {@code <format>sql</format>}: postgresql, mysql, mariadb, h2 or sqlite. */
  @Parameter(property = "synth.sqlDialect")
  String sqlDialect;

  /** Format options, {@code format.key=value} ({@code csv.delimiter=;}; see docs/exports.md). */
  @Parameter(property = "synth.exportOptions")
  List<String> exportOptions = new ArrayList<>();

  /**
   * Empties the target's tables of the model before seeding (rows are deleted, children first, in
   * one transaction). Only the model's tables are touched and nothing is dropped.
   */
  @Parameter(property = "synth.clean", defaultValue = "false")
  boolean clean;

  /**
   * Fails the build when the target's existing tables differ from the model file's schema, instead
   * of filling new columns and skipping dropped ones.
   */
  @Parameter(property = "synth.failOnDrift", defaultValue = "false")
  boolean failOnDrift;

  /** Generating from {@code <source>}: read the target back and log the fidelity summary. */
  @Parameter(property = "synth.evaluate", defaultValue = "false")
  boolean evaluate;

  /** Seeding is for tests: {@code -DskipTests} skips it too. */
  @Parameter(property = "skipTests", defaultValue = "false")
  boolean skipTests;

  /** Seeding is for integration tests: {@code -DskipITs} skips it too. */
  @Parameter(property = "skipITs", defaultValue = "false")
  boolean skipITs;

  /** {@code -Dmaven.test.skip} skips seeding too. */
  @Parameter(property = "maven.test.skip", defaultValue = "false")
  boolean mavenTestSkip;

  @Override
  String skipReason() {
    return mavenTestSkip ? "maven.test.skip" : skipTests ? "skipTests" : skipITs ? "skipITs" : null;
  }

  @Override
  void run() throws MojoFailureException {
    String to =
        Checks.required("target", target, "a JDBC URL of the database to seed, or a folder");
    boolean jdbc = to.startsWith("jdbc:");
    GenerationOptions options =
        new GenerationOptions(
            Checks.scale(scale), Checks.rows(rows), seed, Checks.threads(threads));
    List<String> formats = Checks.formats(format);
    ExportOptions export = ExportOptions.parse(AbstractSourceMojo.clean(exportOptions));
    if (sqlDialect != null && !sqlDialect.isBlank()) {
      export = export.with("sql.dialect", sqlDialect.trim());
    }
    if (jdbc && (!formats.equals(List.of("csv")) || !export.values().isEmpty())) {
      throw new MojoFailureException(
          "<format>, <sqlDialect> and <exportOptions> apply to a folder <target>, not to "
              + Connectors.redact(to));
    }
    if (clean && !jdbc) {
      throw new MojoFailureException(
          "<clean> empties database tables; <target> "
              + to
              + " is a folder, which must be absent or empty");
    }
    boolean fromSource = source != null && !source.isBlank();
    if (fromSource == (modelFile != null)) {
      throw new MojoFailureException(
          fromSource
              ? "give either <source> or <modelFile>, not both"
              : "<modelFile> (-Dsynth.modelFile) or <source> (-Dsynth.source) is required: a model"
                  + " file written by synth:train, or the data to learn");
    }
    String targetUrl = withCredentials(to);
    MavenProgress progress = new MavenProgress(getLog());
    long start = System.nanoTime();
    RunReport run =
        fromSource
            ? fromSource(targetUrl, options, formats, export, progress)
            : fromModelFile(targetUrl, options, formats, export, progress);
    long total = run.writtenRows().values().stream().mapToLong(Long::longValue).sum();
    getLog()
        .info(
            String.format(
                Locale.ROOT,
                "synth: wrote %,d rows into %d tables of %s in %.1f s",
                total,
                run.writtenRows().size(),
                Connectors.redact(to),
                (System.nanoTime() - start) / 1e9));
    run.fidelity()
        .ifPresent(
            f ->
                f.overall()
                    .ifPresent(
                        o ->
                            getLog()
                                .info(
                                    String.format(
                                        Locale.ROOT,
                                        "synth: fidelity %.1f %% (100 = like the source)",
                                        100 * o))));
  }

  private RunReport fromModelFile(
      String targetUrl,
      GenerationOptions options,
      List<String> formats,
      ExportOptions export,
      MavenProgress progress)
      throws MojoFailureException {
    if (filtersTables()) {
      throw new MojoFailureException(
          "<schemas>, <includes> and <excludes> choose tables of <source>; a <modelFile>"
              + " generates the tables it was trained on (use <rows> with 0 to leave one empty)");
    }
    if (!modelFile.isFile()) {
      throw new MojoFailureException(
          "<modelFile> "
              + modelFile
              + " does not exist: run synth:train first, or point it at a model file");
    }
    getLog().info(announce(modelFile.toString()));
    try (Model model = SynData.load(modelFile.toPath())) {
      Schema schema = model.schema();
      SchemaDrift drift = SchemaDrift.read(schema, targetUrl); // a folder has none
      drift.lines().forEach(line -> getLog().warn("schema drift: " + line));
      if (failOnDrift && !drift.isEmpty()) {
        throw new MojoFailureException(
            "the target's tables differ from "
                + modelFile.getName()
                + "'s schema in "
                + drift.differences().size()
                + " places (listed above) and <failOnDrift> is true: retrain the model"
                + " (synth:train) or set <failOnDrift>false</failOnDrift> to fill and skip them");
      }
      if (clean) {
        empty(targetUrl, schema);
      }
      Target opened = drift.adapt(SynData.openTarget(targetUrl, formats, export), seed);
      return SynData.generate(
          model.synthModel(), opened, options, new WriteOptions(writers, resume), progress);
    }
  }

  private RunReport fromSource(
      String targetUrl,
      GenerationOptions options,
      List<String> formats,
      ExportOptions export,
      MavenProgress progress)
      throws MojoFailureException {
    String sourceUrl =
        Credentials.resolve(
                "source", sourceServerId, sourceUser, sourcePassword, settings, decrypter)
            .applyTo(source.trim());
    SourceSpec spec = sourceSpec(sourceUrl);
    GenerateRequest request =
        new GenerateRequest(
            spec,
            targetUrl,
            fitOptions(),
            options,
            evaluate,
            0,
            Optional.empty(),
            formats,
            export,
            new WriteOptions(writers, resume));
    getLog().info(announce(Connectors.redact(source)));
    if (clean) {
      try (var s = SynData.openSource(spec)) {
        empty(targetUrl, s.introspect(spec.filter()));
      }
    }
    return SynData.generate(request, progress);
  }

  private void empty(String targetUrl, Schema schema) {
    Map<String, Long> emptied = TargetTables.empty(targetUrl, schema);
    emptied.forEach(
        (table, n) ->
            getLog().info(String.format(Locale.ROOT, "synth: emptied %s (%,d rows)", table, n)));
  }

  private String announce(String from) {
    return "synth: "
        + from
        + " -> "
        + Connectors.redact(target)
        + " (scale "
        + scale
        + ", seed "
        + seed
        + ")";
  }
}
