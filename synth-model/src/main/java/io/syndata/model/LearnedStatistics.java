package io.syndata.model;

import io.syndata.model.fit.Marginal;
import java.util.List;

/**
 * What a model learned of a table's sampled columns, so that generated rows can be compared with
 * the model alone, without the source: each column's {@link Marginal} (numeric quantiles or
 * discrete frequencies, category frequencies, null share) and the correlation of their latent
 * normal scores.
 *
 * @param columns the columns the model samples jointly, in table order
 * @param marginals the distribution of each column, in the order of {@code columns}
 * @param correlation {@code correlation[i][j]}: the learned correlation of the normal scores of
 *     columns {@code i} and {@code j} (corrected for the attenuation of discrete columns, see
 *     {@link Marginal#attenuation()})
 */
public record LearnedStatistics(
    List<String> columns, List<Marginal> marginals, double[][] correlation) {

  public LearnedStatistics {
    columns = List.copyOf(columns);
    marginals = List.copyOf(marginals);
    if (marginals.size() != columns.size() || correlation.length != columns.size()) {
      throw new IllegalArgumentException(
          columns.size()
              + " columns, "
              + marginals.size()
              + " marginals, "
              + correlation.length
              + " correlation rows");
    }
  }
}
