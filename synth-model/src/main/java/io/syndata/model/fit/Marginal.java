package io.syndata.model.fit;

/** The distribution of one copula column: a CDF to score values and its inverse to sample them. */
public interface Marginal {
  /** The mid-probability of a value's interval, in (0, 1); null is a value of its own. */
  double cdf(Object value);

  /** The value (canonical type, null for NULL) at probability {@code u}. */
  Object inverse(double u);

  /**
   * How much Pearson correlation on this column's scores understates the correlation of its latent
   * normal variable (the polyserial factor, 1 for continuous columns). For cumulative probabilities
   * of ordered discrete values: {@code sd(scores) / sum(phi(threshold_k) * (score_k+1 - score_k))}.
   */
  static double attenuation(double[] cumulative) {
    int k = cumulative.length;
    if (k < 2) {
      return 1;
    }
    double[] scores = new double[k];
    double mean = 0;
    for (int i = 0; i < k; i++) {
      double below = i == 0 ? 0 : cumulative[i - 1];
      scores[i] = Gaussian.quantile((below + cumulative[i]) / 2);
      mean += (cumulative[i] - below) * scores[i];
    }
    double variance = 0;
    double slope = 0;
    for (int i = 0; i < k; i++) {
      double below = i == 0 ? 0 : cumulative[i - 1];
      variance += (cumulative[i] - below) * (scores[i] - mean) * (scores[i] - mean);
      if (i < k - 1) {
        double tau = Gaussian.quantile(cumulative[i]);
        slope += Math.exp(-tau * tau / 2) / Math.sqrt(2 * Math.PI) * (scores[i + 1] - scores[i]);
      }
    }
    return slope <= 1e-12 ? 1 : Math.max(1, Math.sqrt(variance) / slope);
  }

  double attenuation();
}
