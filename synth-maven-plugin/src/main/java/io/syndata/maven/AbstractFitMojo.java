package io.syndata.maven;

import io.syndata.model.FitOptions;
import io.syndata.model.ModelKinds;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters of the goals that fit a model of a source: the command line's fit options. */
abstract class AbstractFitMojo extends AbstractSourceMojo {
  /** The seed of the fit and, for {@code generate}, of the generated rows. */
  @Parameter(property = "synth.seed", defaultValue = "42")
  long seed;

  /**
   * The model kind of every table: {@code auto} (the most suitable installed kind per table) or an
   * installed kind; a table's {@code model} in the schema file wins.
   */
  @Parameter(property = "synth.model", defaultValue = ModelKinds.AUTO)
  String model;

  /** Source rows whose foreign key has no parent: {@code fail}, {@code drop} or {@code null}. */
  @Parameter(property = "synth.orphans", defaultValue = "fail")
  String orphans;

  /** Larger tables are fitted on a deterministic sample of this many rows. */
  @Parameter(property = "synth.maxFitRows", defaultValue = "" + FitOptions.DEFAULT_MAX_FIT_ROWS)
  int maxFitRows = FitOptions.DEFAULT_MAX_FIT_ROWS;

  FitOptions fitOptions() throws MojoFailureException {
    return Checks.fit(seed, orphans, maxFitRows, model == null ? ModelKinds.AUTO : model);
  }
}
