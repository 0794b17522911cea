package io.syndata.maven;

import io.syndata.connectors.Connectors;
import io.syndata.engine.Training;
import io.syndata.model.ModelProvenance;
import java.io.File;
import java.util.Locale;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Learns a source and saves the fitted model as a model file, as {@code synth train} does: the file
 * holds the schema and aggregated statistics, never a source row (docs/model-file.md).
 */
@Mojo(name = "train", threadSafe = true, requiresProject = false)
public final class TrainMojo extends AbstractFitMojo {
  /** Where to write the model file; an existing file is replaced. */
  @Parameter(
      property = "synth.modelFile",
      defaultValue = "${project.build.directory}/synth/model.synth")
  File modelFile;

  @Override
  void run() throws MojoFailureException {
    String location =
        Checks.required("source", source, "a JDBC URL or a folder of CSV files to learn");
    var options = fitOptions();
    var spec = sourceSpec(withCredentials(location));
    getLog()
        .info(
            "synth: training on "
                + Connectors.redact(location)
                + " -> "
                + modelFile
                + " (model "
                + options.model()
                + ", seed "
                + seed
                + ")");
    File dir = modelFile.getAbsoluteFile().getParentFile();
    if (dir != null) {
      dir.mkdirs();
    }
    ModelProvenance p =
        Training.train(spec, options, modelFile.toPath(), new MavenProgress(getLog()));
    p.tableKinds()
        .forEach(
            (table, kind) ->
                getLog()
                    .info(
                        String.format(
                            Locale.ROOT,
                            "  %-28s %-12s %,12d rows",
                            table,
                            kind,
                            p.sourceRows().getOrDefault(table, 0L))));
    getLog().info("synth: wrote " + modelFile + " (" + p.tableKinds().size() + " tables)");
  }
}
