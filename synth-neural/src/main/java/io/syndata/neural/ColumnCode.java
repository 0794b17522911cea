package io.syndata.neural;

import io.syndata.model.fit.CategoricalMarginal;
import io.syndata.model.fit.Codec;
import io.syndata.model.fit.Gaussian;
import io.syndata.model.fit.Marginal;
import io.syndata.model.fit.NumericMarginal;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How one column (or child count) maps to a slice of the network's row vector and back, built on
 * the same marginals as the statistical model so that values decode exactly as there: the same
 * types, ranges, rounding, category sets and null rates.
 *
 * <ul>
 *   <li>continuous numbers and instants, by one of two encodings: the quantile transform to a
 *       standard normal within the non-null values, one real slot; or CTGAN's mode-specific
 *       normalisation ({@link Modes}), one real slot for the offset within the value's mode and a
 *       one-hot of the mode. Either way a two-way null indicator follows the real slot when the
 *       column has nulls, and the sampler sees the value as its quantile score ({@link
 *       #drawScore});
 *   <li>numbers with few distinct values: one-hot over those values (null is one of them);
 *   <li>categories: one-hot over the {@link #MAX_ONE_HOT} most frequent values and one slot for all
 *       others, which decodes to one of them drawn by its frequency.
 * </ul>
 */
final class ColumnCode {
  /** Categories beyond this many most frequent ones share one input slot. */
  static final int MAX_ONE_HOT = 50;

  /** Quantile scores are clamped to ±this, so the tails of the network's inputs stay bounded. */
  static final double MAX_SCORE = 5;

  /** What the slots of a column hold. */
  enum Kind {
    CONTINUOUS,
    DISCRETE,
    CATEGORICAL
  }

  final Kind kind;
  final Marginal marginal;

  /** One-hot slots of a discrete or categorical column (the "others" slot included). */
  final int slots;

  /** Categorical: categories with a slot of their own ({@code <= values}). */
  final int kept;

  /** Continuous: whether a null indicator follows the value slot. */
  final boolean nullable;

  /**
   * Continuous: the modes of CTGAN's mode-specific normalisation, whose one-hot follows the value
   * slot and null indicator; null for the quantile transform.
   */
  final Modes modes;

  private ColumnCode(
      Kind kind, Marginal marginal, int slots, int kept, boolean nullable, Modes modes) {
    this.kind = kind;
    this.marginal = marginal;
    this.slots = slots;
    this.kept = kept;
    this.nullable = nullable;
    this.modes = modes;
  }

  private ColumnCode(Kind kind, Marginal marginal, int slots, int kept, boolean nullable) {
    this(kind, marginal, slots, kept, nullable, null);
  }

  /** The code of a numeric marginal: one-hot when it keeps point frequencies, else continuous. */
  static ColumnCode numeric(NumericMarginal m) {
    if (m.cumulative != null) {
      return new ColumnCode(Kind.DISCRETE, m, m.points.length + (m.nullRate > 0 ? 1 : 0), 0, false);
    }
    return new ColumnCode(Kind.CONTINUOUS, m, 0, 0, m.nullRate > 0);
  }

  /**
   * The code of a numeric marginal with CTGAN's mode-specific normalisation when continuous: its
   * modes fitted on the marginal's quantile points; one-hot when it keeps point frequencies.
   */
  static ColumnCode modeSpecific(NumericMarginal m) {
    if (m.cumulative != null) {
      return numeric(m);
    }
    return modeSpecific(m, Modes.fit(m.points));
  }

  /** A continuous code with the given modes (as saved). */
  static ColumnCode modeSpecific(NumericMarginal m, Modes modes) {
    return new ColumnCode(Kind.CONTINUOUS, m, 0, 0, m.nullRate > 0, modes);
  }

  /** Where the one-hot of the modes starts within the column's slots. */
  int modeOffset() {
    return nullable ? 3 : 1;
  }

  /**
   * A continuous code even for few distinct values: child counts, whose range is open (the discrete
   * marginal then maps the score back to one of the counts seen).
   */
  static ColumnCode continuous(NumericMarginal m) {
    return new ColumnCode(Kind.CONTINUOUS, m, 0, 0, m.nullRate > 0);
  }

  /**
   * The code of a categorical marginal, its categories reordered most frequent first (ties keep
   * their order) so that the capped one-hot keeps the frequent ones.
   */
  static ColumnCode categorical(CategoricalMarginal m) {
    int n = m.values.length;
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = m.cumulative[i] - (i == 0 ? 0 : m.cumulative[i - 1]);
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> p[a] != p[b] ? Double.compare(p[b], p[a]) : Integer.compare(a, b));
    CategoricalMarginal byFrequency = m.reordered(order);
    return restored(byFrequency);
  }

  /** The code of a categorical marginal already in frequency order (as saved). */
  static ColumnCode restored(CategoricalMarginal m) {
    int n = m.values.length;
    int kept = Math.min(n, MAX_ONE_HOT);
    return new ColumnCode(Kind.CATEGORICAL, m, kept + (kept < n ? 1 : 0), kept, false);
  }

  /** Slots this column takes in the row vector. */
  int width() {
    return switch (kind) {
      case CONTINUOUS -> modeOffset() + (modes == null ? 0 : modes.count());
      case DISCRETE, CATEGORICAL -> slots;
    };
  }

  /**
   * Writes the code of one value at {@code out[at..at+width())}: a canonical value (null for NULL)
   * for categorical columns, else its double ({@link Codec#toDouble}, NaN for NULL).
   */
  void encode(Object value, double[] out, int at) {
    switch (kind) {
      case CATEGORICAL -> {
        CategoricalMarginal m = (CategoricalMarginal) marginal;
        int i = m.indexOf(value);
        // A value never seen (possible for a parent's values only) counts as the most frequent.
        out[at + (i < 0 ? 0 : Math.min(i, kept))] = 1;
      }
      case DISCRETE -> out[at + discreteSlot(Codec.toDouble(value))] = 1;
      case CONTINUOUS -> encode(Codec.toDouble(value), out, at);
    }
  }

  /** {@link #encode(Object, double[], int)} for a number already as a double (NaN for NULL). */
  void encode(double x, double[] out, int at) {
    if (kind == Kind.CATEGORICAL) {
      throw new IllegalStateException("a categorical column is encoded from its values");
    }
    if (kind == Kind.DISCRETE) {
      out[at + discreteSlot(x)] = 1;
      return;
    }
    NumericMarginal m = (NumericMarginal) marginal;
    if (Double.isNaN(x)) {
      out[at] = 0;
      if (nullable) {
        out[at + 2] = 1;
      }
      if (modes != null) {
        // A null has no mode; the heaviest one keeps the group a one-hot.
        out[at + modeOffset()] = 1;
      }
      return;
    }
    if (modes == null) {
      out[at] = score(m, x);
    } else {
      int mode = modes.mode(x);
      out[at] = modes.scalar(x, mode);
      out[at + modeOffset() + mode] = 1;
    }
    if (nullable) {
      out[at + 1] = 1;
    }
  }

  /**
   * The probability the score range [-{@link #MAX_SCORE}, {@link #MAX_SCORE}] leaves out at each
   * end: probabilities are squeezed into the rest, so that the extremes map back exactly.
   */
  private static final double TAIL = Gaussian.cdf(-MAX_SCORE);

  /** The normal score of a non-null value within the non-null part of the marginal. */
  static double score(NumericMarginal m, double x) {
    double u = m.cumulative == null ? position(m.points, x) : discretePosition(m, x);
    return Math.max(-MAX_SCORE, Math.min(MAX_SCORE, Gaussian.threshold(TAIL + (1 - 2 * TAIL) * u)));
  }

  /**
   * The probability below x within the non-null part of a quantile table: as {@link
   * NumericMarginal#cdfOf} but without its clamp away from 0 and 1, so the extremes map back
   * exactly. Ties (an atom such as many zeros) sit at the middle of their run.
   */
  static double position(double[] points, double x) {
    int last = points.length - 1;
    if (last == 0 || x < points[0]) {
      return last == 0 ? 0.5 : 0;
    }
    if (x > points[last]) {
      return 1;
    }
    int lo = 0;
    int hi = last;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (points[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (points[lo] == x) {
      int end = lo;
      while (end + 1 <= last && points[end + 1] == x) {
        end++;
      }
      return (lo + end) / 2.0 / last;
    }
    int below = lo - 1;
    return (below + (x - points[below]) / (points[lo] - points[below])) / last;
  }

  /** The mid-probability of a value of a marginal with point frequencies (child counts). */
  private static double discretePosition(NumericMarginal m, double x) {
    double u = m.nullRate >= 1 ? 0.5 : (m.cdfOf(x) - m.nullRate) / (1 - m.nullRate);
    return Math.min(1, Math.max(0, u));
  }

  /** The value at a normal score within the non-null part of the marginal. */
  static double value(NumericMarginal m, double z) {
    double v = Math.min(1, Math.max(0, (Gaussian.cdf(z) - TAIL) / (1 - 2 * TAIL)));
    double u = m.nullRate + (1 - m.nullRate) * v;
    return m.inverseOf(Math.max(u, Math.nextUp(m.nullRate)));
  }

  private int discreteSlot(double x) {
    NumericMarginal m = (NumericMarginal) marginal;
    int offset = m.nullRate > 0 ? 1 : 0;
    if (Double.isNaN(x)) {
      return 0;
    }
    int i = Arrays.binarySearch(m.points, x);
    if (i < 0) {
      int ins = -i - 1;
      i =
          ins == 0
              ? 0
              : ins == m.points.length
                  ? m.points.length - 1
                  : (x - m.points[ins - 1] <= m.points[ins] - x ? ins - 1 : ins);
    }
    return offset + i;
  }

  /**
   * Decodes one row from the decoder's output at {@code out[at..at+width())}: draws the category
   * from the softmax of the logits, the continuous value from a normal around the output with the
   * column's learned spread.
   *
   * @return the canonical value, null for NULL
   */
  Object decode(double[] out, int at, double sigma, SplittableRandom random) {
    return switch (kind) {
      case CONTINUOUS -> {
        double x = decodeDouble(out, at, sigma, random);
        yield ((NumericMarginal) marginal).codec.decode(x);
      }
      case DISCRETE -> {
        NumericMarginal m = (NumericMarginal) marginal;
        int slot = draw(out, at, slots, random);
        int offset = m.nullRate > 0 ? 1 : 0;
        yield slot < offset ? null : m.codec.decode(m.points[slot - offset]);
      }
      case CATEGORICAL -> {
        CategoricalMarginal m = (CategoricalMarginal) marginal;
        int slot = draw(out, at, slots, random);
        yield m.values[slot < kept ? slot : other(m, random)];
      }
    };
  }

  /** A continuous column's value as a double (NaN for NULL), before rounding. */
  double decodeDouble(double[] out, int at, double sigma, SplittableRandom random) {
    return valueOfScore(drawScore(out, at, sigma, random));
  }

  /**
   * A continuous column's normal score (NaN for NULL), drawn around the decoder's mean. A
   * mode-specific code draws the mode from the softmax of its logits and the offset around the
   * decoder's mean, and gives the resulting value's quantile score, so the sampler treats both
   * encodings alike (its rank calibration then gives the column the source's marginal).
   */
  double drawScore(double[] out, int at, double sigma, SplittableRandom random) {
    if (nullable && draw(out, at + 1, 2, random) == 1) {
      // The null indicator's second slot is "null"; no noise is drawn for a null.
      return Double.NaN;
    }
    if (modes == null) {
      return out[at] + sigma * Gaussian.next(random);
    }
    int mode = draw(out, at + modeOffset(), modes.count(), random);
    double x = modes.value(mode, out[at] + sigma * Gaussian.next(random));
    return score((NumericMarginal) marginal, x);
  }

  /** The value (before rounding) of a continuous column's score; NaN for NULL. */
  double valueOfScore(double z) {
    return Double.isNaN(z) ? Double.NaN : value((NumericMarginal) marginal, z);
  }

  /** The canonical value of a continuous column's score; null for NULL. */
  Object decodeScore(double z) {
    return ((NumericMarginal) marginal).codec.decode(valueOfScore(z));
  }

  /** The source's share of each one-hot slot of a discrete or categorical column. */
  double[] shares() {
    double[] p = new double[slots];
    if (kind == Kind.DISCRETE) {
      NumericMarginal m = (NumericMarginal) marginal;
      int offset = m.nullRate > 0 ? 1 : 0;
      if (offset == 1) {
        p[0] = m.nullRate;
      }
      for (int i = 0; i < m.points.length; i++) {
        double below = i == 0 ? 0 : m.cumulative[i - 1];
        p[offset + i] = (1 - m.nullRate) * (m.cumulative[i] - below);
      }
    } else {
      CategoricalMarginal m = (CategoricalMarginal) marginal;
      for (int i = 0; i < m.values.length; i++) {
        double below = i == 0 ? 0 : m.cumulative[i - 1];
        p[Math.min(i, kept)] += m.cumulative[i] - below;
      }
    }
    return p;
  }

  /** The value of a one-hot slot of a discrete or categorical column. */
  Object valueOfSlot(int slot, SplittableRandom random) {
    if (kind == Kind.DISCRETE) {
      NumericMarginal m = (NumericMarginal) marginal;
      int offset = m.nullRate > 0 ? 1 : 0;
      return slot < offset ? null : m.codec.decode(m.points[slot - offset]);
    }
    CategoricalMarginal m = (CategoricalMarginal) marginal;
    return m.values[slot < kept ? slot : other(m, random)];
  }

  /** A category beyond the kept ones, drawn by its frequency among them. */
  private int other(CategoricalMarginal m, SplittableRandom random) {
    double below = m.cumulative[kept - 1];
    double u = below + random.nextDouble() * (1 - below);
    int i = Arrays.binarySearch(m.cumulative, u);
    i = i < 0 ? -i - 1 : i;
    return Math.max(kept, Math.min(i, m.values.length - 1));
  }

  /** Draws a slot from the softmax of {@code logits[at..at+n)}. */
  static int draw(double[] logits, int at, int n, SplittableRandom random) {
    if (n == 1) {
      return 0;
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, logits[at + i]);
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += Math.exp(logits[at + i] - max);
    }
    double u = random.nextDouble() * sum;
    for (int i = 0; i < n - 1; i++) {
      u -= Math.exp(logits[at + i] - max);
      if (u < 0) {
        return i;
      }
    }
    return n - 1;
  }
}
