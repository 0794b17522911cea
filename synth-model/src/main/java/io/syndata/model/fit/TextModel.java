package io.syndata.model.fit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import net.datafaker.Faker;

/**
 * Text regenerated in the shape of the source, never copied: short values by their character-class
 * shape ({@code Aaaa 99}: upper, lower, digit, other characters kept); values of several words and
 * long free text from the column's {@link WordModel} when it has one (word pairs found in at least
 * k source rows), else by shape and as lorem words of a similar length. Values never exceed the
 * column's maximum length.
 */
public final class TextModel implements TextGenerator {
  /**
   * Values longer than this, or with spaces and longer than {@link #FREE_SPACED}, are free text.
   */
  static final int FREE_LENGTH = 40;

  static final int FREE_SPACED = 20;
  private static final int MAX_SHAPES = 2_000;
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";

  final double nullRate;
  final int maxLength;
  final String[] shapes;
  final double[] shapeCumulative;

  /** Share of free text among non-null values. */
  final double freeShare;

  /** Lengths of free text values, as a numeric marginal; null when there is none. */
  final NumericMarginal freeLengths;

  /** Words of the column's values of several words; null when no word pair is frequent enough. */
  final WordModel words;

  TextModel(
      double nullRate,
      int maxLength,
      String[] shapes,
      double[] shapeCumulative,
      double freeShare,
      NumericMarginal freeLengths) {
    this(nullRate, maxLength, shapes, shapeCumulative, freeShare, freeLengths, null);
  }

  TextModel(
      double nullRate,
      int maxLength,
      String[] shapes,
      double[] shapeCumulative,
      double freeShare,
      NumericMarginal freeLengths,
      WordModel words) {
    this.words = words;
    this.nullRate = nullRate;
    this.maxLength = maxLength;
    this.shapes = shapes;
    this.shapeCumulative = shapeCumulative;
    this.freeShare = freeShare;
    this.freeLengths = freeLengths;
  }

  static String shapeOf(String value) {
    StringBuilder sb = new StringBuilder(value.length());
    value
        .codePoints()
        .forEach(
            cp -> {
              if (Character.isUpperCase(cp)) {
                sb.append('A');
              } else if (Character.isLetter(cp)) {
                sb.append('a');
              } else if (Character.isDigit(cp)) {
                sb.append('9');
              } else {
                sb.appendCodePoint(cp);
              }
            });
    return sb.toString();
  }

  static boolean isFree(String value) {
    return value.length() > FREE_LENGTH
        || (value.length() > FREE_SPACED && value.indexOf(' ') >= 0);
  }

  /** Learns from all values of a column, streaming, in bounded memory. */
  static final class Learner {
    private final boolean nullable;
    private final int declaredLength;
    private final Map<String, Long> shapes = new HashMap<>();
    private final List<Double> freeLengthSample = new ArrayList<>();
    private final WordModel.Learner words;
    private long nulls;
    private long shaped;
    private long free;
    private int longest;

    Learner(boolean nullable, int declaredLength) {
      this(nullable, declaredLength, 0);
    }

    /**
     * @param minCount k of the column's word model: word pairs in fewer source rows are never used;
     *     0 for no word model (personal data)
     */
    Learner(boolean nullable, int declaredLength, int minCount) {
      this.nullable = nullable;
      this.declaredLength = declaredLength;
      this.words = minCount > 0 ? new WordModel.Learner(minCount) : null;
    }

    void observe(Object v) {
      if (v == null) {
        nulls++;
        return;
      }
      String s = v.toString();
      if (words != null) {
        words.observe(s);
      }
      longest = Math.max(longest, s.length());
      if (isFree(s)) {
        free++;
        // Keep a bounded, deterministic sample of lengths: every 2^k-th once the list is full.
        if (freeLengthSample.size() < 100_000) {
          freeLengthSample.add((double) s.length());
        }
      } else {
        shaped++;
        String shape = shapeOf(s);
        if (shapes.containsKey(shape) || shapes.size() < MAX_SHAPES) {
          shapes.merge(shape, 1L, Long::sum);
        }
      }
    }

    TextModel model() {
      long nonNull = shaped + free;
      double nullRate = nullable && nulls + nonNull > 0 ? nulls / (double) (nulls + nonNull) : 0;
      int maxLength = declaredLength > 0 ? declaredLength : Math.max(longest, 1);
      TreeMap<String, Long> sorted = new TreeMap<>(shapes);
      long total = sorted.values().stream().mapToLong(Long::longValue).sum();
      String[] keys = sorted.keySet().toArray(String[]::new);
      double[] cumulative = new double[keys.length];
      long running = 0;
      for (int i = 0; i < keys.length; i++) {
        running += sorted.get(keys[i]);
        cumulative[i] = running / (double) total;
      }
      if (keys.length == 0) {
        keys = new String[] {"Aaaaaa"};
        cumulative = new double[] {1};
      }
      NumericMarginal lengths = null;
      if (free > 0) {
        double[] xs = freeLengthSample.stream().mapToDouble(Double::doubleValue).toArray();
        lengths =
            NumericMarginal.fit(
                new Codec(io.syndata.schema.DataType.INTEGER, 0, 0, 1), xs, xs.length, null, false);
      }
      double freeShare = nonNull == 0 ? 0 : free / (double) nonNull;
      return new TextModel(
          nullRate,
          maxLength,
          keys,
          cumulative,
          freeShare,
          lengths,
          words == null ? null : words.model());
    }
  }

  /** Generates {@code n} values into {@code out}. */
  @Override
  public void generate(String[] out, int n, SplittableRandom random) {
    Faker faker = null;
    for (int r = 0; r < n; r++) {
      if (random.nextDouble() < nullRate) {
        out[r] = null;
        continue;
      }
      if (freeLengths != null && random.nextDouble() < freeShare) {
        if (faker == null) {
          faker = new Faker(Locale.ENGLISH, new Random(random.nextLong()));
        }
        int length = (int) Math.max(1, Math.round(freeLengths.inverseOf(random.nextDouble())));
        String text = words == null ? null : words.generate(length, maxLength, random);
        // Lorem ipsum only where the column has no word pair in k rows, or the walk could only
        // make values of the source.
        out[r] = text != null ? text : lorem(faker, Math.min(length, maxLength));
      } else {
        String shape = pickShape(random.nextDouble());
        String text =
            words != null && shape.indexOf(' ') >= 0
                ? words.generate(shape.length(), maxLength, random)
                : null;
        out[r] = text != null ? text : fill(shape, random);
      }
    }
  }

  private String pickShape(double u) {
    for (int i = 0; i < shapeCumulative.length; i++) {
      if (u <= shapeCumulative[i]) {
        return shapes[i];
      }
    }
    return shapes[shapes.length - 1];
  }

  String fill(String shape, SplittableRandom random) {
    StringBuilder sb = new StringBuilder(shape.length());
    for (int i = 0; i < shape.length() && sb.length() < maxLength; i++) {
      char c = shape.charAt(i);
      switch (c) {
        case 'A' -> sb.append(UPPER.charAt(random.nextInt(26)));
        case 'a' -> sb.append(LOWER.charAt(random.nextInt(26)));
        case '9' -> sb.append((char) ('0' + random.nextInt(10)));
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String lorem(Faker faker, int length) {
    StringBuilder sb = new StringBuilder(length + 16);
    while (sb.length() < length) {
      String sentence = faker.lorem().sentence(8);
      sb.append(sb.isEmpty() ? "" : " ").append(sentence);
    }
    String text = sb.substring(0, length).stripTrailing();
    return text.isEmpty() ? "x" : text;
  }
}
