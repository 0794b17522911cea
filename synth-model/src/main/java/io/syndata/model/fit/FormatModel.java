package io.syndata.model.fit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syndata.schema.ValueFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Makes values of a formatted column ({@link ValueFormat}) from the profile a {@link FormatLearner}
 * learned: JSON documents with the source's key structure and per-path value distributions, bytes
 * and bit strings of the learned lengths, arrays of learned sizes and elements, intervals, IP and
 * MAC addresses, money, ranges, points and XML, each in the text form PostgreSQL prints, which is
 * also what its COPY and casts read. The profile is the model file's form as is.
 */
public final class FormatModel implements TextGenerator {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  final ObjectNode profile;
  private final ValueFormat format;
  private final double nullRate;
  private final int maxLength;

  FormatModel(ObjectNode profile) {
    this.profile = profile;
    this.format = ValueFormat.valueOf(FitJson.text(profile, "format"));
    this.nullRate = FitJson.number(profile.get("nullRate"));
    this.maxLength = profile.path("maxLength").asInt(0);
  }

  /** The learner for a column of this format. */
  static FormatLearner learner(ValueFormat format, boolean nullable, int maxLength) {
    return new FormatLearner(format, nullable, maxLength);
  }

  @Override
  public void generate(String[] out, int n, SplittableRandom random) {
    for (int r = 0; r < n; r++) {
      out[r] = random.nextDouble() < nullRate ? null : one(random);
    }
  }

  private String one(SplittableRandom random) {
    return switch (format) {
      case JSON -> json(profile.path("root"), random, 0).toString();
      case BYTES -> bytes((int) count(random), random);
      case BITS -> bits((int) Math.max(1, count(random)), random);
      case ARRAY -> array(random);
      case TSVECTOR -> tsvector((int) count(random), random);
      case INTERVAL -> interval(quantile(profile.path("values"), random.nextDouble()));
      case MONEY ->
          String.format(
              java.util.Locale.ROOT, "%.2f", quantile(profile.path("values"), random.nextDouble()));
      case INET, CIDR -> address(random);
      case MACADDR -> mac(random);
      case RANGE -> range(random);
      case GEOMETRY -> point(random);
      case XML -> xml(random);
      default -> label(profile.path("labels"), random);
    };
  }

  private double count(SplittableRandom random) {
    return Math.max(0, Math.round(quantile(profile.path("counts"), random.nextDouble())));
  }

  /** The value at probability u of learned quantiles, interpolated; 0 when nothing was learned. */
  static double quantile(JsonNode numbers, double u) {
    JsonNode q = numbers.path("q");
    if (q.size() == 0) {
      return 0;
    }
    double at = u * (q.size() - 1);
    int i = (int) Math.floor(at);
    double low = q.get(i).asDouble();
    double high = q.get(Math.min(i + 1, q.size() - 1)).asDouble();
    double x = low + (high - low) * (at - i);
    return numbers.path("integral").asBoolean(false) ? Math.rint(x) : x;
  }

  /** A learned category by its weight, or lower-case letters of a learned length. */
  private static String label(JsonNode strings, SplittableRandom random) {
    JsonNode values = strings.path("values");
    if (values.size() > 0) {
      JsonNode weights = strings.path("weights");
      double total = 0;
      for (JsonNode w : weights) {
        total += w.asDouble();
      }
      double u = random.nextDouble() * total;
      for (int i = 0; i < values.size(); i++) {
        u -= weights.get(i).asDouble();
        if (u < 0) {
          return values.get(i).asText();
        }
      }
      return values.get(values.size() - 1).asText();
    }
    int length =
        (int) Math.max(1, Math.round(quantile(strings.path("lengths"), random.nextDouble())));
    return word(Math.min(length, 40), random);
  }

  private static String word(int length, SplittableRandom random) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(LOWER.charAt(random.nextInt(26)));
    }
    return sb.toString();
  }

  private static String pickType(JsonNode types, SplittableRandom random) {
    double total = 0;
    for (JsonNode c : types) {
      total += c.asDouble();
    }
    double u = random.nextDouble() * total;
    String last = "null";
    for (Iterator<Map.Entry<String, JsonNode>> it = types.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      last = e.getKey();
      u -= e.getValue().asDouble();
      if (u < 0) {
        return last;
      }
    }
    return last;
  }

  private static JsonNode json(JsonNode node, SplittableRandom random, int depth) {
    String type = pickType(node.path("types"), random);
    switch (type) {
      case "object" -> {
        ObjectNode o = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("keys").fields();
            it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          if (random.nextDouble() < e.getValue().path("presence").asDouble()) {
            o.set(e.getKey(), json(e.getValue().path("node"), random, depth + 1));
          }
        }
        return o;
      }
      case "array" -> {
        ArrayNode a = NODES.arrayNode();
        int size = (int) Math.max(0, Math.round(quantile(node.path("sizes"), random.nextDouble())));
        for (int i = 0; i < size && node.has("items"); i++) {
          a.add(json(node.path("items"), random, depth + 1));
        }
        return a;
      }
      case "number" -> {
        double x = quantile(node.path("numbers"), random.nextDouble());
        return node.path("numbers").path("integral").asBoolean(false)
            ? NODES.numberNode((long) x)
            : NODES.numberNode(Math.round(x * 100) / 100.0);
      }
      case "boolean" -> {
        return NODES.booleanNode(random.nextDouble() < node.path("trueRate").asDouble(0.5));
      }
      case "string" -> {
        return NODES.textNode(label(node.path("strings"), random));
      }
      default -> {
        return NODES.nullNode();
      }
    }
  }

  private static String bytes(int length, SplittableRandom random) {
    StringBuilder sb = new StringBuilder(2 + length * 2).append("\\x");
    for (int i = 0; i < length; i++) {
      sb.append(String.format("%02x", random.nextInt(256)));
    }
    return sb.toString();
  }

  private static String bits(int length, SplittableRandom random) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(random.nextBoolean() ? '1' : '0');
    }
    return sb.toString();
  }

  private String array(SplittableRandom random) {
    JsonNode root = profile.path("root");
    int size = (int) Math.max(0, Math.round(quantile(root.path("sizes"), random.nextDouble())));
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < size; i++) {
      String type = pickType(root.path("types"), random);
      String item =
          switch (type) {
            case "number" -> {
              double x = quantile(root.path("numbers"), random.nextDouble());
              yield root.path("numbers").path("integral").asBoolean(false)
                  ? Long.toString((long) x)
                  : Double.toString(Math.round(x * 100) / 100.0);
            }
            case "null" -> "NULL";
            default -> quoteItem(label(root.path("strings"), random));
          };
      sb.append(i == 0 ? "" : ",").append(item);
    }
    return sb.append('}').toString();
  }

  private static String quoteItem(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** The items of a one-dimensional array literal {@code {a,"b c",NULL}}; null for NULL. */
  public static List<String> arrayItems(String literal) {
    List<String> items = new ArrayList<>();
    String s = literal.trim();
    if (s.startsWith("[") && s.contains("=")) {
      s = s.substring(s.indexOf('=') + 1); // dimension decoration [0:2]={…}
    }
    if (!s.startsWith("{") || !s.endsWith("}")) {
      return items;
    }
    s = s.substring(1, s.length() - 1);
    StringBuilder item = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (quoted) {
        if (ch == '\\' && i + 1 < s.length()) {
          item.append(s.charAt(++i));
        } else if (ch == '"') {
          quoted = false;
        } else {
          item.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
        wasQuoted = true;
      } else if (ch == '{') {
        depth++;
        item.append(ch);
      } else if (ch == '}') {
        depth--;
        item.append(ch);
      } else if (ch == ',' && depth == 0) {
        items.add(!wasQuoted && item.toString().equals("NULL") ? null : item.toString());
        item.setLength(0);
        wasQuoted = false;
      } else {
        item.append(ch);
      }
    }
    if (!s.isEmpty()) {
      items.add(!wasQuoted && item.toString().equals("NULL") ? null : item.toString());
    }
    return items;
  }

  private static String tsvector(int lexemes, SplittableRandom random) {
    StringBuilder sb = new StringBuilder();
    java.util.TreeMap<String, Integer> words = new java.util.TreeMap<>();
    for (int i = 0; i < Math.max(1, lexemes); i++) {
      words.putIfAbsent(word(3 + random.nextInt(6), random), i + 1);
    }
    words.forEach(
        (w, p) -> sb.append(sb.isEmpty() ? "" : " ").append('\'').append(w).append("':").append(p));
    return sb.toString();
  }

  static String interval(double seconds) {
    long s = Math.round(Math.abs(seconds));
    long days = s / 86_400;
    long rest = s % 86_400;
    String sign = seconds < 0 ? "-" : "";
    return String.format(
        java.util.Locale.ROOT,
        "%s%d days %s%02d:%02d:%02d",
        sign,
        days,
        sign,
        rest / 3600,
        rest / 60 % 60,
        rest % 60);
  }

  private String address(SplittableRandom random) {
    boolean cidr = format == ValueFormat.CIDR;
    if (random.nextDouble() < profile.path("v6Share").asDouble(0)) {
      String host =
          String.format(
              "fd%02x:%04x:%04x::%x",
              random.nextInt(256),
              random.nextInt(65_536),
              random.nextInt(65_536),
              1 + random.nextInt(65_535));
      return cidr
          ? String.format("fd%02x:%04x::/32", random.nextInt(256), random.nextInt(65_536))
          : host;
    }
    int prefix = (int) Math.round(quantile(profile.path("prefixes"), random.nextDouble()));
    prefix = prefix <= 0 || prefix > 32 ? 32 : prefix;
    int firstOctet = (int) Math.round(quantile(profile.path("firstOctets"), random.nextDouble()));
    firstOctet = firstOctet <= 0 || firstOctet > 223 ? 10 : firstOctet;
    long ip = ((long) firstOctet << 24) | random.nextInt(1 << 24);
    if (cidr) {
      ip &= prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }
    String dotted =
        (ip >> 24 & 255) + "." + (ip >> 16 & 255) + "." + (ip >> 8 & 255) + "." + (ip & 255);
    return cidr || prefix < 32 ? dotted + "/" + prefix : dotted;
  }

  private static String mac(SplittableRandom random) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      // the first octet locally administered and unicast: never a real vendor's address
      int octet = i == 0 ? (random.nextInt(256) & 0xFC) | 0x02 : random.nextInt(256);
      sb.append(i == 0 ? "" : ":").append(String.format("%02x", octet));
    }
    return sb.toString();
  }

  /** The two bounds of a range literal, without brackets and quotes (empty for unbounded). */
  static List<String> rangeBounds(String s) {
    String t = s.trim();
    if (t.length() < 2) {
      return List.of();
    }
    String inner = t.substring(1, t.length() - 1);
    int comma = -1;
    boolean quoted = false;
    for (int i = 0; i < inner.length(); i++) {
      if (inner.charAt(i) == '"') {
        quoted = !quoted;
      } else if (inner.charAt(i) == ',' && !quoted) {
        comma = i;
        break;
      }
    }
    if (comma < 0) {
      return List.of();
    }
    return List.of(
        inner.substring(0, comma).replace("\"", "").trim(),
        inner.substring(comma + 1).replace("\"", "").trim());
  }

  /** What a range's bounds are: int, num, date, ts or tstz. */
  static String rangeKind(String bound) {
    if (bound.matches("-?\\d+")) {
      return "int";
    }
    if (bound.matches("-?\\d+(\\.\\d+)?")) {
      return "num";
    }
    if (bound.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return "date";
    }
    return bound.matches(".*[+-]\\d{2}(:\\d{2})?$") ? "tstz" : "ts";
  }

  /** A bound as a number: itself, epoch days for dates, epoch seconds for timestamps. */
  static double rangeValue(String bound) {
    return switch (rangeKind(bound)) {
      case "int", "num" -> Double.parseDouble(bound);
      case "date" -> LocalDate.parse(bound).toEpochDay();
      case "tstz" ->
          OffsetDateTime.parse(bound.replace(' ', 'T').replaceAll("([+-]\\d{2})$", "$1:00"))
              .toEpochSecond();
      default -> LocalDateTime.parse(bound.replace(' ', 'T')).toEpochSecond(ZoneOffset.UTC);
    };
  }

  private String range(SplittableRandom random) {
    if (random.nextDouble() < profile.path("emptyShare").asDouble(0)) {
      return "empty";
    }
    String kind = label(profile.path("kinds"), random);
    double low = quantile(profile.path("lows"), random.nextDouble());
    double width = Math.max(0, quantile(profile.path("widths"), random.nextDouble()));
    return switch (kind) {
      case "int" ->
          "[" + Math.round(low) + "," + (Math.round(low) + Math.max(1, Math.round(width))) + ")";
      case "num" -> "[" + round2(low) + "," + round2(low + Math.max(0.01, width)) + ")";
      case "date" ->
          "["
              + LocalDate.ofEpochDay(Math.round(low))
              + ","
              + LocalDate.ofEpochDay(Math.round(low) + Math.max(1, Math.round(width)))
              + ")";
      default -> {
        LocalDateTime from = LocalDateTime.ofEpochSecond(Math.round(low), 0, ZoneOffset.UTC);
        LocalDateTime to = from.plusSeconds(Math.max(1, Math.round(width)));
        String suffix = kind.equals("tstz") ? "+00" : "";
        yield "[\"" + STAMP.format(from) + suffix + "\",\"" + STAMP.format(to) + suffix + "\")";
      }
    };
  }

  private static String round2(double x) {
    return java.math.BigDecimal.valueOf(Math.round(x * 100) / 100.0).toPlainString();
  }

  private String point(SplittableRandom random) {
    String x = round6(quantile(profile.path("xs"), random.nextDouble()));
    String y = round6(quantile(profile.path("ys"), random.nextDouble()));
    if (profile.path("pgPoint").asBoolean(false)) {
      return "(" + x + "," + y + ")";
    }
    // the kind of geometry the column holds, so that a LINESTRING column gets lines
    String kind = profile.has("kinds") ? label(profile.path("kinds"), random) : "POINT";
    String x2 = round6(Double.parseDouble(x) + 1);
    String y2 = round6(Double.parseDouble(y) + 1);
    return switch (kind) {
      case "LINESTRING" -> "LINESTRING(" + x + " " + y + ", " + x2 + " " + y2 + ")";
      case "POLYGON" ->
          "POLYGON(("
              + x
              + " "
              + y
              + ", "
              + x2
              + " "
              + y
              + ", "
              + x2
              + " "
              + y2
              + ", "
              + x
              + " "
              + y2
              + ", "
              + x
              + " "
              + y
              + "))";
      case "MULTIPOINT" -> "MULTIPOINT((" + x + " " + y + "))";
      default -> "POINT(" + x + " " + y + ")";
    };
  }

  private static String round6(double x) {
    return java.math.BigDecimal.valueOf(Math.round(x * 1e6) / 1e6)
        .stripTrailingZeros()
        .toPlainString();
  }

  private String xml(SplittableRandom random) {
    String root = label(profile.path("roots"), random);
    StringBuilder sb = new StringBuilder("<").append(root).append('>');
    JsonNode children = profile.path("children");
    int n = children.path("values").size() > 0 ? 1 + random.nextInt(3) : 0;
    for (int i = 0; i < n; i++) {
      String tag = label(children, random);
      sb.append('<')
          .append(tag)
          .append('>')
          .append(word(3 + random.nextInt(8), random))
          .append("</")
          .append(tag)
          .append('>');
    }
    return sb.append("</").append(root).append('>').toString();
  }

  ValueFormat format() {
    return format;
  }

  int maxLength() {
    return maxLength;
  }
}
