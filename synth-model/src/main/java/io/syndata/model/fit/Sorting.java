package io.syndata.model.fit;

/** Sorting of parallel primitive arrays, without boxing. */
final class Sorting {
  private Sorting() {}

  /** Sorts {@code keys[0..n)} ascending, moving {@code values} along. */
  static void sort(long[] keys, long[] values, int n) {
    quicksort(keys, values, 0, n - 1);
  }

  private static void quicksort(long[] k, long[] v, int lo, int hi) {
    while (hi - lo > 16) {
      int mid = (lo + hi) >>> 1;
      long a = k[lo];
      long b = k[mid];
      long c = k[hi];
      long pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (k[i] < pivot) {
          i++;
        }
        while (k[j] > pivot) {
          j--;
        }
        if (i <= j) {
          swap(k, v, i++, j--);
        }
      }
      if (j - lo < hi - i) {
        quicksort(k, v, lo, j);
        lo = i;
      } else {
        quicksort(k, v, i, hi);
        hi = j;
      }
    }
    for (int i = lo + 1; i <= hi; i++) {
      long key = k[i];
      long val = v[i];
      int j = i - 1;
      while (j >= lo && k[j] > key) {
        k[j + 1] = k[j];
        v[j + 1] = v[j];
        j--;
      }
      k[j + 1] = key;
      v[j + 1] = val;
    }
  }

  private static void swap(long[] k, long[] v, int i, int j) {
    long t = k[i];
    k[i] = k[j];
    k[j] = t;
    t = v[i];
    v[i] = v[j];
    v[j] = t;
  }
}
