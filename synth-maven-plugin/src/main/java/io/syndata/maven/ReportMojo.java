package io.syndata.maven;

import io.syndata.connectors.Connectors;
import io.syndata.engine.ReportSpec;
import io.syndata.engine.SynData;
import io.syndata.quality.Fidelity;
import io.syndata.quality.QualityReport;
import io.syndata.quality.ReportOptions;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the quality report ({@code report.html} and {@code report.json}) of synthetic data in
 * {@code <target>} against the real data in {@code <source>}, as {@code synth report} does.
 */
@Mojo(name = "report", threadSafe = true, requiresProject = false)
public final class ReportMojo extends AbstractSourceMojo {
  /** The synthetic data: a database or a folder written by {@code synth:generate}. */
  @Parameter(property = "synth.target")
  String target;

  /** The user of {@code <source>} (the target's is {@code <user>}). */
  @Parameter(property = "synth.sourceUser")
  String sourceUser;

  /** The password of {@code <source>}. */
  @Parameter(property = "synth.sourcePassword")
  String sourcePassword;

  /** A {@code settings.xml} server whose login is used for {@code <source>}. */
  @Parameter(property = "synth.sourceServerId")
  String sourceServerId;

  /** Real rows kept out of training, for the privacy figures and as ML utility's test set. */
  @Parameter(property = "synth.holdout")
  String holdout;

  /** The column to predict for machine-learning utility, {@code table.column}. */
  @Parameter(property = "synth.predict")
  String predict;

  /** Columns whose attribute-inference risk is measured, {@code table.column}. */
  @Parameter(property = "synth.sensitive")
  List<String> sensitive = new ArrayList<>();

  /** The folder for report.html and report.json. */
  @Parameter(
      property = "synth.reportDirectory",
      defaultValue = "${project.build.directory}/synth-report")
  File reportDirectory;

  /** Overwrite report.html and report.json when the folder holds them. */
  @Parameter(property = "synth.force", defaultValue = "false")
  boolean force;

  /** The seed of the samples and models. */
  @Parameter(property = "synth.seed", defaultValue = "42")
  long seed;

  /** Larger tables are evaluated on a deterministic sample of this many rows. */
  @Parameter(property = "synth.maxRows", defaultValue = "" + Fidelity.DEFAULT_MAX_ROWS)
  int maxRows = Fidelity.DEFAULT_MAX_ROWS;

  @Override
  void run() throws MojoFailureException {
    String real = Checks.required("source", source, "the real data the target was learned from");
    String synthetic =
        Checks.required("target", target, "the synthetic data, a JDBC URL or a folder");
    if (maxRows < 1) {
      throw new MojoFailureException(
          "<maxRows> (-Dsynth.maxRows) must be 1 or more, was " + maxRows);
    }
    for (String name : List.of("report.html", "report.json")) {
      File f = new File(reportDirectory, name);
      if (f.exists() && !force) {
        throw new MojoFailureException(
            "<reportDirectory> holds "
                + f
                + ": set <force>true</force> (-Dsynth.force) to overwrite it");
      }
    }
    String realUrl =
        Credentials.resolve(
                "source", sourceServerId, sourceUser, sourcePassword, settings, decrypter)
            .applyTo(real);
    getLog()
        .info(
            "synth: report on "
                + Connectors.redact(synthetic)
                + " against "
                + Connectors.redact(real));
    ReportSpec spec =
        new ReportSpec(
            reportDirectory.toPath(),
            new ReportOptions(Optional.ofNullable(predict), clean(sensitive), maxRows, seed));
    QualityReport q =
        SynData.report(
            sourceSpec(realUrl),
            withCredentials(synthetic),
            Optional.ofNullable(holdout),
            spec,
            new MavenProgress(getLog()));
    getLog()
        .info(
            String.format(
                Locale.ROOT,
                "synth: quality %.1f %% (grade %s); wrote %s",
                100 * q.summary().overall(),
                q.summary().grade(),
                new File(reportDirectory, "report.html")));
  }
}
