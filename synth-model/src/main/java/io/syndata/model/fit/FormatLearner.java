package io.syndata.model.fit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syndata.schema.ValueFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Learns, streaming, what the values of a formatted column ({@link ValueFormat}: JSON, bytes,
 * arrays, intervals, addresses, ranges, geometry, …) look like, as a profile a {@link FormatModel}
 * generates from: lengths and counts as quantiles, the structure of JSON documents (key paths, the
 * rate at which each is present, the types at each, and per path the values' distribution), array
 * elements likewise. Strings are kept as categories only when each value is seen in at least {@link
 * #MIN_REPEATS} rows; otherwise only their lengths are learned, so that no rare value is
 * reproduced.
 */
final class FormatLearner {
  /** A string value is a category only when seen at least this often. */
  static final int MIN_REPEATS = 5;

  static final int MAX_CATEGORIES = 50;
  private static final int MAX_SAMPLE = 10_000;
  private static final int MAX_DEPTH = 8;
  private static final int MAX_KEYS = 200;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern INTERVAL_PART =
      Pattern.compile(
          "(-?\\d+)\\s+(year|mon|day)s?|(-?)(\\d+):(\\d+):(\\d+(?:\\.\\d+)?)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

  private final ValueFormat format;
  private final boolean nullable;
  private final int maxLength;
  private long nulls;
  private long values;
  private final Numbers lengths = new Numbers();
  private final Node root = new Node(0);
  private final Numbers first = new Numbers();
  private final Numbers second = new Numbers();
  private final Strings labels = new Strings();
  private long special;
  private long pgPoints;

  FormatLearner(ValueFormat format, boolean nullable, int maxLength) {
    this.format = format;
    this.nullable = nullable;
    this.maxLength = maxLength;
  }

  /** A sample of numbers, summarised as quantiles. */
  static final class Numbers {
    private final double[] xs = new double[MAX_SAMPLE];
    private int n;
    private long seen;
    private boolean integral = true;

    void add(double x) {
      if (!Double.isFinite(x)) {
        return;
      }
      integral &= x == Math.rint(x);
      // keep every value until full, then every 2^k-th: bounded and deterministic
      seen++;
      if (n < xs.length) {
        xs[n++] = x;
      } else if (Long.bitCount(seen) == 1) {
        xs[(int) (seen % xs.length)] = x;
      }
    }

    boolean isEmpty() {
      return n == 0;
    }

    ObjectNode profile() {
      double[] sorted = Arrays.copyOf(xs, n);
      Arrays.sort(sorted);
      ArrayNode q = NODES.arrayNode();
      for (int i = 0; i <= 20 && n > 0; i++) {
        q.add(FitJson.number(sorted[(int) Math.round(i / 20.0 * (n - 1))]));
      }
      ObjectNode node = NODES.objectNode();
      node.set("q", q);
      node.put("integral", integral);
      return node;
    }
  }

  /** String values: categories while they repeat enough, their lengths always. */
  static final class Strings {
    private final Map<String, Long> counts = new HashMap<>();
    private final Numbers lengths = new Numbers();
    private long total;
    private boolean overflow;

    void add(String s) {
      total++;
      lengths.add(s.length());
      if (!overflow) {
        counts.merge(s, 1L, Long::sum);
        overflow = counts.size() > MAX_CATEGORIES * 4;
      }
    }

    ObjectNode profile() {
      ObjectNode node = NODES.objectNode();
      node.set("lengths", lengths.profile());
      long covered = 0;
      TreeMap<String, Long> frequent = new TreeMap<>();
      if (!overflow) {
        for (Map.Entry<String, Long> e : counts.entrySet()) {
          if (e.getValue() >= MIN_REPEATS) {
            frequent.put(e.getKey(), e.getValue());
            covered += e.getValue();
          }
        }
      }
      // Categories only when the frequent values are most of them and few: else shapes.
      if (!frequent.isEmpty() && frequent.size() <= MAX_CATEGORIES && covered * 10 >= total * 9) {
        ArrayNode values = NODES.arrayNode();
        ArrayNode weights = NODES.arrayNode();
        frequent.forEach(
            (v, c) -> {
              values.add(v);
              weights.add(c);
            });
        node.set("values", values);
        node.set("weights", weights);
      }
      return node;
    }
  }

  /** One place in JSON documents (or array elements): what types occur there, and their values. */
  static final class Node {
    final int depth;
    long count;
    final Map<String, Long> types = new TreeMap<>();
    final Map<String, Node> keys = new LinkedHashMap<>();
    final Map<String, Long> keyCounts = new HashMap<>();
    long objects;
    Node items;
    final Numbers sizes = new Numbers();
    final Numbers numbers = new Numbers();
    final Strings strings = new Strings();
    long trues;
    long booleans;

    Node(int depth) {
      this.depth = depth;
    }

    void add(JsonNode v) {
      count++;
      String type =
          v.isObject()
              ? "object"
              : v.isArray()
                  ? "array"
                  : v.isNumber()
                      ? "number"
                      : v.isBoolean() ? "boolean" : v.isNull() ? "null" : "string";
      if (depth >= MAX_DEPTH && (v.isObject() || v.isArray())) {
        type = "null";
      }
      types.merge(type, 1L, Long::sum);
      switch (type) {
        case "object" -> {
          objects++;
          for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Node child = keys.get(e.getKey());
            if (child == null && keys.size() < MAX_KEYS) {
              child = new Node(depth + 1);
              keys.put(e.getKey(), child);
            }
            if (child != null) {
              keyCounts.merge(e.getKey(), 1L, Long::sum);
              child.add(e.getValue());
            }
          }
        }
        case "array" -> {
          sizes.add(v.size());
          if (items == null) {
            items = new Node(depth + 1);
          }
          for (JsonNode item : v) {
            items.add(item);
          }
        }
        case "number" -> numbers.add(v.doubleValue());
        case "boolean" -> {
          booleans++;
          trues += v.booleanValue() ? 1 : 0;
        }
        case "string" -> strings.add(v.textValue());
        default -> {}
      }
    }

    ObjectNode profile() {
      ObjectNode node = NODES.objectNode();
      ObjectNode t = node.putObject("types");
      types.forEach(t::put);
      if (objects > 0) {
        ObjectNode k = node.putObject("keys");
        // Key names are structure, not data, but a key seen in fewer than MIN_REPEATS documents
        // may be one record's own (a map keyed by customer names): those are left out.
        keys.forEach(
            (name, child) -> {
              long present = keyCounts.getOrDefault(name, 0L);
              if (present >= Math.min(MIN_REPEATS, objects)) {
                ObjectNode entry = k.putObject(name);
                entry.set("presence", FitJson.number(present / (double) objects));
                entry.set("node", child.profile());
              }
            });
      }
      if (!sizes.isEmpty()) {
        node.set("sizes", sizes.profile()); // of this place's arrays, or of array columns' values
      }
      if (items != null) {
        node.set("items", items.profile());
      }
      if (!numbers.isEmpty()) {
        node.set("numbers", numbers.profile());
      }
      if (booleans > 0) {
        node.set("trueRate", FitJson.number(trues / (double) booleans));
      }
      if (strings.total > 0) {
        node.set("strings", strings.profile());
      }
      return node;
    }
  }

  void observe(Object v) {
    if (v == null) {
      nulls++;
      return;
    }
    values++;
    String s = v.toString();
    lengths.add(s.length());
    switch (format) {
      case JSON -> {
        try {
          root.add(JSON.readTree(s));
        } catch (JsonProcessingException e) {
          special++;
        }
      }
      case BYTES -> lengths(s.startsWith("\\x") ? (s.length() - 2) / 2 : s.length());
      case ARRAY -> {
        List<String> items = FormatModel.arrayItems(s);
        root.sizes.add(items.size());
        for (String item : items) {
          if (item == null) {
            root.add(NODES.nullNode());
          } else if (NUMBER.matcher(item).matches()) {
            root.add(NODES.numberNode(Double.parseDouble(item)));
          } else {
            root.add(NODES.textNode(item));
          }
        }
      }
      case INTERVAL -> first.add(intervalSeconds(s));
      case MONEY -> first.add(money(s));
      case BITS -> lengths(s.length());
      case TSVECTOR -> lengths(s.isBlank() ? 0 : s.split("' ").length);
      case INET, CIDR -> address(s);
      case RANGE -> range(s);
      case GEOMETRY -> geometry(s);
      case XML -> xml(s);
      default -> labels.add(s);
    }
  }

  private final Numbers counts = new Numbers();

  private void lengths(double n) {
    counts.add(n);
  }

  static double intervalSeconds(String s) {
    double seconds = 0;
    Matcher m = INTERVAL_PART.matcher(s);
    while (m.find()) {
      if (m.group(1) != null) {
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2).toLowerCase(java.util.Locale.ROOT);
        seconds +=
            n
                * (unit.startsWith("year")
                    ? 365.25 * 86_400
                    : unit.startsWith("mon") ? 30 * 86_400 : 86_400);
      } else {
        double t =
            Long.parseLong(m.group(4)) * 3600.0
                + Long.parseLong(m.group(5)) * 60.0
                + Double.parseDouble(m.group(6));
        seconds += m.group(3).isEmpty() ? t : -t;
      }
    }
    return seconds;
  }

  static double money(String s) {
    String digits = s.replaceAll("[^0-9.\\-]", "");
    try {
      double x = Double.parseDouble(digits);
      return s.contains("(") ? -Math.abs(x) : x;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private void address(String s) {
    int slash = s.indexOf('/');
    String host = slash < 0 ? s : s.substring(0, slash);
    if (host.contains(":")) {
      special++; // IPv6
    }
    second.add(
        slash < 0 ? (host.contains(":") ? 128 : 32) : Integer.parseInt(s.substring(slash + 1)));
    if (!host.contains(":")) {
      first.add(Integer.parseInt(host.substring(0, host.indexOf('.'))));
    }
  }

  private void range(String s) {
    if (s.equalsIgnoreCase("empty")) {
      special++;
      return;
    }
    List<String> bounds = FormatModel.rangeBounds(s);
    if (bounds.size() != 2 || bounds.get(0).isEmpty() || bounds.get(1).isEmpty()) {
      return;
    }
    double low = FormatModel.rangeValue(bounds.get(0));
    double high = FormatModel.rangeValue(bounds.get(1));
    first.add(low);
    second.add(high - low);
    labels.add(FormatModel.rangeKind(bounds.get(0)));
  }

  private void geometry(String s) {
    Matcher m = NUMBER.matcher(s);
    List<Double> xy = new ArrayList<>();
    while (m.find() && xy.size() < 2) {
      xy.add(Double.parseDouble(m.group()));
    }
    if (xy.size() == 2) {
      first.add(xy.get(0));
      second.add(xy.get(1));
    }
    String t = s.trim();
    if (t.startsWith("(")) {
      pgPoints++;
    } else {
      Matcher kind = Pattern.compile("^([A-Za-z]+)").matcher(t);
      labels.add(kind.find() ? kind.group(1).toUpperCase(java.util.Locale.ROOT) : "POINT");
    }
  }

  private void xml(String s) {
    Matcher m = Pattern.compile("<([A-Za-z_][\\w.-]*)").matcher(s);
    if (m.find()) {
      labels.add(m.group(1));
      while (m.find()) {
        root.strings.add(m.group(1));
      }
    }
  }

  /** The profile a {@link FormatModel} generates from. */
  FormatModel model() {
    ObjectNode p = NODES.objectNode();
    p.put("format", format.name());
    double nullRate = nullable && nulls + values > 0 ? nulls / (double) (nulls + values) : 0;
    p.set("nullRate", FitJson.number(nullRate));
    p.put("maxLength", maxLength);
    p.set("lengths", lengths.profile());
    switch (format) {
      case JSON, ARRAY -> p.set("root", root.profile());
      case BYTES, BITS, TSVECTOR -> p.set("counts", counts.profile());
      case INTERVAL, MONEY -> p.set("values", first.profile());
      case INET, CIDR -> {
        p.set("firstOctets", first.profile());
        p.set("prefixes", second.profile());
        p.set("v6Share", FitJson.number(values == 0 ? 0 : special / (double) values));
      }
      case RANGE -> {
        p.set("lows", first.profile());
        p.set("widths", second.profile());
        p.set("kinds", labels.profile());
        p.set("emptyShare", FitJson.number(values == 0 ? 0 : special / (double) values));
      }
      case GEOMETRY -> {
        p.set("xs", first.profile());
        p.set("ys", second.profile());
        p.put("pgPoint", values > 0 && pgPoints * 2 > values);
        p.set("kinds", labels.profile());
      }
      case XML -> {
        p.set("roots", labels.profile());
        p.set("children", root.strings.profile());
      }
      default -> p.set("labels", labels.profile());
    }
    return new FormatModel(p);
  }
}
