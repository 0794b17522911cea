package io.syndata.model;

import java.util.Map;

/**
 * How a model was made.
 *
 * @param kind the model kind ({@code statistical})
 * @param source where the training data came from, without credentials
 * @param seed the fit seed
 * @param trainingRows rows used per table (after sampling and orphan handling)
 * @param sourceRows rows in the source per table
 * @param synDataVersion the version of SynData that fitted it
 */
public record ModelProvenance(
    String kind,
    String source,
    long seed,
    Map<String, Long> trainingRows,
    Map<String, Long> sourceRows,
    String synDataVersion) {
  public ModelProvenance {
    trainingRows = Map.copyOf(trainingRows);
    sourceRows = Map.copyOf(sourceRows);
  }
}
