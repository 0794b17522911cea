package io.syndata.model.fit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Categories of a domain column (a city, a country) held by fewer than k sample rows could single a
 * person out, so they are never reproduced: a column mostly made of them is generated from its
 * domain instead; in a column where they are a minority, each of their rows takes one of the
 * frequent categories, drawn with its frequency, and the rare ones leave the dictionary (and the
 * model file).
 */
final class RareCategories {
  private RareCategories() {}

  private static int[] perCode(double[] codes, int size, int categories) {
    int[] perCode = new int[categories];
    for (int r = 0; r < size; r++) {
      int code = (int) codes[r];
      if (code >= 0) {
        perCode[code]++;
      }
    }
    return perCode;
  }

  /** Whether categories held by fewer than {@code k} rows hold at least half the non-null rows. */
  static boolean mostlyRare(double[] codes, int size, int categories, int k) {
    int[] perCode = perCode(codes, size, categories);
    long nonNull = java.util.Arrays.stream(perCode).sum();
    long rare = java.util.Arrays.stream(perCode).filter(c -> c < k).sum();
    return nonNull > 0 && rare * 2 >= nonNull;
  }

  /**
   * Recodes, in place, every row of a category held by fewer than {@code k} rows to a frequent
   * category drawn with the frequent ones' frequencies, and drops the rare ones from {@code
   * dictionary} (renumbering {@code codes}). Returns how many rows changed.
   */
  static int fold(
      double[] codes, int size, List<Object> dictionary, int k, SplittableRandom random) {
    int[] perCode = perCode(codes, size, dictionary.size());
    List<Object> kept = new ArrayList<>();
    Map<Integer, Integer> renumber = new HashMap<>();
    List<Integer> frequent = new ArrayList<>();
    long frequentRows = 0;
    for (int c = 0; c < perCode.length; c++) {
      if (perCode[c] >= k) {
        renumber.put(c, kept.size());
        kept.add(dictionary.get(c));
        frequent.add(perCode[c]);
        frequentRows += perCode[c];
      }
    }
    if (kept.size() == dictionary.size() || kept.isEmpty()) {
      return 0;
    }
    int changed = 0;
    for (int r = 0; r < size; r++) {
      int code = (int) codes[r];
      if (code < 0) {
        continue;
      }
      Integer to = renumber.get(code);
      if (to == null) {
        long u = random.nextLong(frequentRows);
        int pick = 0;
        while (u >= frequent.get(pick)) {
          u -= frequent.get(pick++);
        }
        to = pick;
        changed++;
      }
      codes[r] = to;
    }
    dictionary.clear();
    dictionary.addAll(kept);
    return changed;
  }
}
