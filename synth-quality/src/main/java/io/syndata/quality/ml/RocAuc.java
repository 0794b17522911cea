package io.syndata.quality.ml;

import java.util.Arrays;

/**
 * Area under the ROC curve from scores, by the Mann–Whitney statistic: the probability that a
 * random positive scores above a random negative, ties counting one half. O((p + n) log(p + n)).
 */
public final class RocAuc {
  private RocAuc() {}

  /** The AUC of {@code positives} against {@code negatives}; NaN when either is empty. */
  public static double of(double[] positives, double[] negatives) {
    int p = positives.length;
    int n = negatives.length;
    if (p == 0 || n == 0) {
      return Double.NaN;
    }
    double[] all = new double[p + n];
    System.arraycopy(positives, 0, all, 0, p);
    System.arraycopy(negatives, 0, all, p, n);
    Integer[] order = new Integer[all.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(all[a], all[b]));
    double positiveRanks = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && Double.compare(all[order[j + 1]], all[order[i]]) == 0) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (order[k] < p) {
          positiveRanks += averageRank;
        }
      }
      i = j + 1;
    }
    return (positiveRanks - p * (p + 1) / 2.0) / ((double) p * n);
  }

  /** The AUC of the rows labelled {@code positive} against the others. */
  static double of(double[] scores, int[] labels, int positive) {
    int p = 0;
    for (int label : labels) {
      p += label == positive ? 1 : 0;
    }
    double[] pos = new double[p];
    double[] neg = new double[labels.length - p];
    int a = 0;
    int b = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == positive) {
        pos[a++] = scores[i];
      } else {
        neg[b++] = scores[i];
      }
    }
    return of(pos, neg);
  }
}
