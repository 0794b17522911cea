package io.syndata.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Child counts scaled to a total. */
final class Counts {
  private Counts() {}

  /**
   * Scales counts to sum to {@code total} in proportion (largest remainder, ties to the earlier
   * row); all-zero counts are spread evenly. With {@code atMostOne}, picks rows with a count first,
   * then others at random, one child each, and never more rows than there are parents.
   */
  static int[] rescale(int[] counts, long total, boolean atMostOne, SplittableRandom random) {
    int m = counts.length;
    long sum = Arrays.stream(counts).asLongStream().sum();
    if (sum == total) {
      return counts;
    }
    int[] out = new int[m];
    if (m == 0 || total <= 0) {
      return out;
    }
    if (atMostOne) {
      List<Integer> withChild = new ArrayList<>();
      List<Integer> without = new ArrayList<>();
      for (int i = 0; i < m; i++) {
        (counts[i] > 0 ? withChild : without).add(i);
      }
      shuffle(withChild, random);
      shuffle(without, random);
      withChild.addAll(without);
      for (int i = 0; i < Math.min(total, m); i++) {
        out[withChild.get(i)] = 1;
      }
      return out;
    }
    boolean even = sum == 0;
    double weightSum = even ? m : sum;
    double[] remainder = new double[m];
    long assigned = 0;
    for (int i = 0; i < m; i++) {
      double exact = (even ? 1 : counts[i]) * (double) total / weightSum;
      out[i] = (int) Math.floor(exact);
      remainder[i] = exact - out[i];
      assigned += out[i];
    }
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (x, y) ->
            remainder[x] != remainder[y]
                ? Double.compare(remainder[y], remainder[x])
                : Integer.compare(x, y));
    for (int k = 0; assigned < total; k = (k + 1) % m) {
      out[order[k]]++;
      assigned++;
    }
    return out;
  }

  private static void shuffle(List<Integer> list, SplittableRandom random) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Integer t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }
}
