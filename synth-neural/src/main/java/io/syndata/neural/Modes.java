package io.syndata.neural;

import java.util.Arrays;

/**
 * The modes of a continuous column for CTGAN's mode-specific normalisation: a one-dimensional
 * Gaussian mixture of at most {@link #MAX_MODES} components, heaviest first, components lighter
 * than {@link #MIN_WEIGHT} dropped. A value is encoded as its most probable mode and its offset
 * from that mode's mean in units of four of its standard deviations.
 *
 * <p>Fitted by expectation-maximisation on the column's quantile points (the statistical model's
 * 1,001 equally likely values, so a function of the marginal alone, with no randomness), for every
 * number of components up to the maximum, keeping the one of least BIC — where CTGAN lets a
 * variational Bayesian mixture's Dirichlet prior switch unneeded components off. Neither library at
 * hand does this: Smile's mixture EM turns NaN when a component collapses onto an atom (adult's
 * {@code capital_gain}, mostly 0), and commons-math3's needs at least two dimensions. Here each
 * spread is floored at {@link #MIN_SPREAD} of the column's, so an atom becomes a narrow mode.
 */
final class Modes {
  /** Most components of a column's mixture (CTGAN's default). */
  static final int MAX_MODES = 10;

  /** Components of smaller weight are dropped (CTGAN's threshold). */
  static final double MIN_WEIGHT = 0.005;

  /** A component's standard deviation is at least this share of the column's. */
  static final double MIN_SPREAD = 1e-3;

  private static final int MAX_ITERATIONS = 300;

  final double[] weights;
  final double[] means;
  final double[] sds;

  Modes(double[] weights, double[] means, double[] sds) {
    if (weights.length == 0
        || weights.length != means.length
        || weights.length != sds.length
        || Arrays.stream(sds).anyMatch(s -> !(s > 0) || Double.isInfinite(s))
        || Arrays.stream(means).anyMatch(v -> !Double.isFinite(v))) {
      throw new IllegalArgumentException(
          "as many weights, means and positive spreads (at least one)");
    }
    this.weights = weights;
    this.means = means;
    this.sds = sds;
  }

  int count() {
    return weights.length;
  }

  /** The mixture of the least BIC fitted to equally likely {@code points}. */
  static Modes fit(double[] points) {
    double[] x = points.clone();
    Arrays.sort(x);
    int n = x.length;
    double mean = Arrays.stream(x).average().orElse(0);
    double var = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / Math.max(1, n);
    double sd = Math.sqrt(var);
    if (!(sd > 0)) {
      return new Modes(new double[] {1}, new double[] {mean}, new double[] {1});
    }
    double floor = MIN_SPREAD * sd;
    long distinct = Arrays.stream(x).distinct().count();
    Modes best = null;
    double bestBic = Double.POSITIVE_INFINITY;
    for (int k = 1; k <= Math.min(MAX_MODES, distinct); k++) {
      Fit f = em(x, k, floor);
      double bic = -2 * f.logLikelihood + (3.0 * f.modes.count() - 1) * Math.log(n);
      if (best == null || bic < bestBic - 1e-9 * Math.abs(bestBic)) {
        bestBic = bic;
        best = f.modes;
      }
    }
    return best;
  }

  private record Fit(Modes modes, double logLikelihood) {}

  /** EM from components at the {@code k} quantile ranges' means, pruned and sorted. */
  private static Fit em(double[] sorted, int k, double floor) {
    int n = sorted.length;
    double[] w = new double[k];
    double[] mu = new double[k];
    double[] sd = new double[k];
    for (int j = 0; j < k; j++) {
      int lo = (int) ((long) j * n / k);
      int hi = Math.max(lo + 1, (int) ((long) (j + 1) * n / k));
      double sum = 0;
      for (int i = lo; i < hi; i++) {
        sum += sorted[i];
      }
      mu[j] = sum / (hi - lo);
      double ss = 0;
      for (int i = lo; i < hi; i++) {
        ss += (sorted[i] - mu[j]) * (sorted[i] - mu[j]);
      }
      sd[j] = Math.max(floor, Math.sqrt(ss / (hi - lo)));
      w[j] = 1.0 / k;
    }
    double[][] resp = new double[n][k];
    double previous = Double.NEGATIVE_INFINITY;
    double ll = 0;
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      ll = expect(sorted, w, mu, sd, resp);
      for (int j = 0; j < k; j++) {
        double nj = 0;
        double s = 0;
        for (int i = 0; i < n; i++) {
          nj += resp[i][j];
          s += resp[i][j] * sorted[i];
        }
        if (nj <= 0) {
          w[j] = 0;
          continue;
        }
        mu[j] = s / nj;
        double ss = 0;
        for (int i = 0; i < n; i++) {
          ss += resp[i][j] * (sorted[i] - mu[j]) * (sorted[i] - mu[j]);
        }
        sd[j] = Math.max(floor, Math.sqrt(ss / nj));
        w[j] = nj / n;
      }
      if (ll - previous < 1e-8 * Math.abs(ll) + 1e-10) {
        break;
      }
      previous = ll;
    }
    Integer[] order = new Integer[k];
    for (int j = 0; j < k; j++) {
      order[j] = j;
    }
    Arrays.sort(order, (a, b) -> w[a] != w[b] ? Double.compare(w[b], w[a]) : Integer.compare(a, b));
    int kept = 0;
    double total = 0;
    for (int j : order) {
      if (w[j] >= MIN_WEIGHT) {
        kept++;
        total += w[j];
      }
    }
    double[] weights = new double[kept];
    double[] means = new double[kept];
    double[] sds = new double[kept];
    for (int i = 0; i < kept; i++) {
      weights[i] = w[order[i]] / total;
      means[i] = mu[order[i]];
      sds[i] = sd[order[i]];
    }
    Modes modes = new Modes(weights, means, sds);
    // The likelihood of the pruned mixture: what BIC weighs against its size.
    return new Fit(modes, expect(sorted, weights, means, sds, new double[n][kept]));
  }

  /** Fills the responsibilities; returns the log-likelihood. */
  private static double expect(double[] x, double[] w, double[] mu, double[] sd, double[][] resp) {
    int k = w.length;
    double ll = 0;
    double[] logp = new double[k];
    for (int i = 0; i < x.length; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        logp[j] =
            w[j] > 0 ? Math.log(w[j]) + logDensity(x[i], mu[j], sd[j]) : Double.NEGATIVE_INFINITY;
        max = Math.max(max, logp[j]);
      }
      double sum = 0;
      for (int j = 0; j < k; j++) {
        sum += Math.exp(logp[j] - max);
      }
      for (int j = 0; j < k; j++) {
        resp[i][j] = Math.exp(logp[j] - max) / sum;
      }
      ll += max + Math.log(sum);
    }
    return ll;
  }

  private static double logDensity(double x, double mu, double sd) {
    double z = (x - mu) / sd;
    return -0.5 * z * z - Math.log(sd) - 0.5 * Math.log(2 * Math.PI);
  }

  /** The most probable mode of a value (the lowest index among equals). */
  int mode(double x) {
    int best = 0;
    double bestLog = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < count(); j++) {
      double lp = Math.log(weights[j]) + logDensity(x, means[j], sds[j]);
      if (lp > bestLog) {
        bestLog = lp;
        best = j;
      }
    }
    return best;
  }

  /** A value's offset from a mode's mean in four of its standard deviations, within [-1, 1]. */
  double scalar(double x, int mode) {
    return Math.max(-1, Math.min(1, (x - means[mode]) / (4 * sds[mode])));
  }

  /** The value at an offset from a mode's mean, the offset clipped to [-1, 1]. */
  double value(int mode, double scalar) {
    return means[mode] + 4 * sds[mode] * Math.max(-1, Math.min(1, scalar));
  }
}
