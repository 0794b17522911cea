package io.syndata.model.statistical;

import io.syndata.data.Progress;
import io.syndata.data.Source;
import io.syndata.model.FitOptions;
import io.syndata.model.ModelTrainer;
import io.syndata.model.SynthModel;
import io.syndata.schema.ForeignKeyGraph;

/**
 * Fits the statistical model: per table, in one streaming read, a Gaussian copula over the
 * empirical marginals of its numeric, temporal and categorical columns, the number of child rows of
 * each row per child relation, and (for child tables) up to {@value TableFit#MAX_CONDITIONING}
 * attributes of the primary parent row; text is learned as shapes, personal data by its kind, keys
 * by their format. Tables larger than {@link FitOptions#maxFitRows()} are fitted on a seeded
 * reservoir sample. Memory is bounded by the sample size times the columns of a table and its
 * direct parent; the model's size does not grow with the depth of the schema.
 */
public final class StatisticalTrainer implements ModelTrainer {
  public static final String KIND = "statistical";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public SynthModel fit(
      ForeignKeyGraph graph, Source source, FitOptions options, Progress progress) {
    return new Fit(graph, source, options, progress).run();
  }
}
