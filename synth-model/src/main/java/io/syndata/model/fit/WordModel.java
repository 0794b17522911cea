package io.syndata.model.fit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syndata.schema.SynthException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Free text (titles, descriptions, comments) as a walk over word pairs learned on the column, using
 * only pairs that at least k distinct source rows contain and only first words that at least k rows
 * begin with: no rare phrase, name or number of the source is reproduced, and no generated value
 * equals a source value (the source values the walk could make are recorded as hashes and avoided).
 * A column with no such pair strings together the single words that at least k rows contain; one
 * with no such word has no word model, and its text falls back to its shapes or, for long text, to
 * lorem ipsum.
 */
public final class WordModel {
  /** Distinct word pairs counted per column; later new pairs are not counted (they are rare). */
  static final int MAX_PAIRS = 300_000;

  /** Distinct source values remembered to avoid reproducing them. */
  static final int MAX_VALUES = 50_000;

  private static final int ATTEMPTS = 12;

  /** Values are strung from single words only where at least this many are frequent. */
  static final int MIN_SINGLE_WORDS = 10;

  final int minCount;
  final String[] words;

  /** Start words (indexes into {@link #words}) and their cumulative weights. */
  final int[] starts;

  final double[] startCumulative;

  /** Per word: the words that may follow it, and their cumulative weights. */
  final int[][] next;

  final double[][] nextCumulative;

  /** Sorted hashes of the source values a walk could make. */
  final long[] avoid;

  /**
   * Whether no word pair is frequent enough and values are strung from frequent single words (each
   * in at least k rows) instead: {@link #starts} are then those words, and no word has a successor.
   */
  final boolean single;

  WordModel(
      int minCount,
      String[] words,
      int[] starts,
      double[] startCumulative,
      int[][] next,
      double[][] nextCumulative,
      long[] avoid,
      boolean single) {
    this.single = single;
    this.minCount = minCount;
    this.words = words;
    this.starts = starts;
    this.startCumulative = startCumulative;
    this.next = next;
    this.nextCumulative = nextCumulative;
    this.avoid = avoid;
  }

  static String[] tokens(String value) {
    String t = value.strip();
    return t.isEmpty() ? new String[0] : t.split("\\s+");
  }

  /** A 64-bit hash of a value's words, the same for values that differ only in spacing. */
  static long hash(String[] tokens) {
    long h = 0x9E3779B97F4A7C15L;
    for (String w : tokens) {
      h = io.syndata.model.Seeds.mix(h ^ w.hashCode()) * 31 + w.length();
    }
    return h;
  }

  /**
   * A value of about {@code targetLength} characters and at most {@code maxLength}, or null when
   * the walk could only make values of the source.
   */
  String generate(int targetLength, int maxLength, SplittableRandom random) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int w = starts[pick(startCumulative, random.nextDouble())];
      if (words[w].length() > maxLength) {
        continue;
      }
      List<String> out = new ArrayList<>();
      out.add(words[w]);
      int length = words[w].length();
      while (length < targetLength && (single || next[w].length > 0)) {
        int n =
            single
                ? starts[pick(startCumulative, random.nextDouble())]
                : next[w][pick(nextCumulative[w], random.nextDouble())];
        if (length + 1 + words[n].length() > maxLength) {
          break;
        }
        out.add(words[n]);
        length += 1 + words[n].length();
        w = n;
      }
      // A walk that remade a source value goes on while it can: a longer value of common pairs
      // is a new one.
      while (Arrays.binarySearch(avoid, hash(out.toArray(String[]::new))) >= 0
          && (single || next[w].length > 0)) {
        int n =
            single
                ? starts[pick(startCumulative, random.nextDouble())]
                : next[w][pick(nextCumulative[w], random.nextDouble())];
        if (length + 1 + words[n].length() > maxLength) {
          break;
        }
        out.add(words[n]);
        length += 1 + words[n].length();
        w = n;
      }
      String[] t = out.toArray(String[]::new);
      if (Arrays.binarySearch(avoid, hash(t)) < 0) {
        return String.join(" ", t);
      }
    }
    return null;
  }

  private static int pick(double[] cumulative, double u) {
    int i = Arrays.binarySearch(cumulative, u);
    i = i < 0 ? -i - 1 : i;
    return Math.min(i, cumulative.length - 1);
  }

  /**
   * Counts words and word pairs by distinct rows, in bounded memory; personal columns never get
   * one.
   */
  static final class Learner {
    private final int minCount;
    private final Map<String, Integer> pairs = new HashMap<>();
    private final Map<String, Integer> firsts = new HashMap<>();
    private final Map<String, Integer> singles = new HashMap<>();
    private final Set<String> values = new HashSet<>();

    Learner(int minCount) {
      this.minCount = minCount;
    }

    void observe(String value) {
      String[] t = tokens(value);
      if (t.length > 0 && values.size() < MAX_VALUES) {
        values.add(value);
      }
      Set<String> distinct = new HashSet<>(Arrays.asList(t));
      for (String w : distinct) {
        if (singles.containsKey(w) || singles.size() < MAX_PAIRS) {
          singles.merge(w, 1, Integer::sum);
        }
      }
      if (t.length < 2) {
        return;
      }
      firsts.merge(t[0], 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      for (int i = 0; i + 1 < t.length; i++) {
        String pair = t[i] + '\n' + t[i + 1];
        if (seen.add(pair) && (pairs.containsKey(pair) || pairs.size() < MAX_PAIRS)) {
          pairs.merge(pair, 1, Integer::sum);
        }
      }
    }

    /** The model, or null when no word pair occurs in {@code minCount} rows. */
    WordModel model() {
      TreeMap<String, TreeMap<String, Integer>> follows = new TreeMap<>();
      pairs.forEach(
          (pair, count) -> {
            if (count >= minCount) {
              int cut = pair.indexOf('\n');
              follows
                  .computeIfAbsent(pair.substring(0, cut), k -> new TreeMap<>())
                  .put(pair.substring(cut + 1), count);
            }
          });
      TreeMap<String, Integer> startCounts = new TreeMap<>();
      firsts.forEach(
          (w, count) -> {
            if (count >= minCount && follows.containsKey(w)) {
              startCounts.put(w, count);
            }
          });
      if (startCounts.isEmpty()) {
        return singleWords();
      }
      LinkedHashSet<String> vocabulary = new LinkedHashSet<>(follows.keySet());
      follows.values().forEach(m -> vocabulary.addAll(m.keySet()));
      String[] words = vocabulary.stream().sorted().toArray(String[]::new);
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < words.length; i++) {
        index.put(words[i], i);
      }
      int[][] next = new int[words.length][];
      double[][] nextCumulative = new double[words.length][];
      for (int i = 0; i < words.length; i++) {
        TreeMap<String, Integer> f = follows.getOrDefault(words[i], new TreeMap<>());
        next[i] = f.keySet().stream().mapToInt(index::get).toArray();
        nextCumulative[i] = cumulative(f.values());
      }
      int[] starts = startCounts.keySet().stream().mapToInt(index::get).toArray();
      List<Long> avoid = new ArrayList<>();
      for (String v : values) {
        String[] t = tokens(v);
        if (startCounts.containsKey(t[0]) && reachable(t, follows)) {
          avoid.add(hash(t));
        }
      }
      long[] sorted = avoid.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
      return new WordModel(
          minCount,
          words,
          starts,
          cumulative(startCounts.values()),
          next,
          nextCumulative,
          sorted,
          false);
    }

    /**
     * Where no word pair is in k rows: values strung from the words that are, or null when no word
     * is. Every word of such a value occurs in at least k source rows.
     */
    private WordModel singleWords() {
      TreeMap<String, Integer> frequent = new TreeMap<>();
      singles.forEach(
          (w, count) -> {
            if (count >= minCount) {
              frequent.put(w, count);
            }
          });
      // A handful of words ("Ref" before a code) would only repeat: such text keeps its shapes.
      if (frequent.size() < MIN_SINGLE_WORDS) {
        return null;
      }
      String[] words = frequent.keySet().toArray(String[]::new);
      int[] starts = java.util.stream.IntStream.range(0, words.length).toArray();
      int[][] next = new int[words.length][0];
      double[][] nextCumulative = new double[words.length][0];
      List<Long> avoid = new ArrayList<>();
      for (String v : values) {
        String[] t = tokens(v);
        if (Arrays.stream(t).allMatch(frequent::containsKey)) {
          avoid.add(hash(t));
        }
      }
      return new WordModel(
          minCount,
          words,
          starts,
          cumulative(frequent.values()),
          next,
          nextCumulative,
          avoid.stream().mapToLong(Long::longValue).sorted().distinct().toArray(),
          true);
    }

    private static boolean reachable(String[] t, Map<String, TreeMap<String, Integer>> follows) {
      for (int i = 0; i + 1 < t.length; i++) {
        TreeMap<String, Integer> f = follows.get(t[i]);
        if (f == null || !f.containsKey(t[i + 1])) {
          return false;
        }
      }
      return true;
    }

    private static double[] cumulative(java.util.Collection<Integer> counts) {
      double total = counts.stream().mapToDouble(Integer::doubleValue).sum();
      double[] out = new double[counts.size()];
      double running = 0;
      int i = 0;
      for (int c : counts) {
        running += c;
        out[i++] = running / total;
      }
      return out;
    }
  }

  /** The model as JSON: its words, start words, word pairs (with counts) and avoided hashes. */
  ObjectNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode node = f.objectNode();
    node.put("minCount", minCount);
    ArrayNode w = node.putArray("words");
    Arrays.stream(words).forEach(w::add);
    node.set("starts", ints(starts));
    node.set("startCumulative", FitJson.numbers(startCumulative));
    ArrayNode nx = node.putArray("next");
    ArrayNode nc = node.putArray("nextCumulative");
    for (int i = 0; i < words.length; i++) {
      nx.add(ints(next[i]));
      nc.add(FitJson.numbers(nextCumulative[i]));
    }
    ArrayNode a = node.putArray("avoid");
    Arrays.stream(avoid).forEach(a::add);
    node.put("single", single);
    return node;
  }

  private static ArrayNode ints(int[] values) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    Arrays.stream(values).forEach(out::add);
    return out;
  }

  static WordModel fromJson(JsonNode node) {
    String[] words = FitJson.strings(FitJson.need(node, "words")).toArray(String[]::new);
    int[] starts = ints(FitJson.need(node, "starts"), words.length);
    double[] startCumulative = FitJson.numbers(FitJson.need(node, "startCumulative"));
    JsonNode nx = FitJson.need(node, "next");
    JsonNode nc = FitJson.need(node, "nextCumulative");
    if (starts.length == 0
        || startCumulative.length != starts.length
        || nx.size() != words.length
        || nc.size() != words.length) {
      throw new SynthException("a word model's starts, pairs and words do not match in size");
    }
    int[][] next = new int[words.length][];
    double[][] nextCumulative = new double[words.length][];
    for (int i = 0; i < words.length; i++) {
      next[i] = ints(nx.get(i), words.length);
      nextCumulative[i] = FitJson.numbers(nc.get(i));
      if (nextCumulative[i].length != next[i].length) {
        throw new SynthException("a word model's word " + i + " has unmatched pair weights");
      }
    }
    JsonNode a = FitJson.need(node, "avoid");
    long[] avoid = new long[a.size()];
    for (int i = 0; i < avoid.length; i++) {
      avoid[i] = a.get(i).asLong();
    }
    Arrays.sort(avoid);
    return new WordModel(
        FitJson.integer(node, "minCount"),
        words,
        starts,
        startCumulative,
        next,
        nextCumulative,
        avoid,
        node.path("single").asBoolean(false));
  }

  private static int[] ints(JsonNode array, int bound) {
    int[] out = new int[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asInt(-1);
      if (out[i] < 0 || out[i] >= bound) {
        throw new SynthException("a word model refers to word " + out[i] + " of " + bound);
      }
    }
    return out;
  }
}
