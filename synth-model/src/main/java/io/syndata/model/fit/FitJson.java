package io.syndata.model.fit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syndata.model.KeyFormat;
import io.syndata.schema.DataType;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.Relation;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The JSON forms, in model files, of the fitted parts every model kind shares: typed values,
 * marginals, codecs, text generators, key formats and relations. Each form reads back into an equal
 * part, so that a loaded model samples exactly what the saved one did: doubles are written in their
 * shortest exact form and values keep their Java type ({@code {"t":"decimal","v":"12.50"}}).
 * Readers throw {@link SynthException} naming what is missing or wrong.
 */
public final class FitJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private FitJson() {}

  // ---- typed values ------------------------------------------------------------------------

  /**
   * A value in its canonical Java type as {@code {"t": type, "v": text}}, or JSON null. The text is
   * the value's exact {@code toString} form, so decimals keep their scale and floats every bit.
   */
  public static JsonNode value(Object v) {
    if (v == null) {
      return NODES.nullNode();
    }
    String tag;
    String text = v.toString();
    if (v instanceof Boolean) {
      tag = "bool";
    } else if (v instanceof Long) {
      tag = "long";
    } else if (v instanceof BigDecimal) {
      tag = "decimal";
    } else if (v instanceof Double) {
      tag = "float";
    } else if (v instanceof String) {
      tag = "string";
    } else if (v instanceof LocalDate) {
      tag = "date";
    } else if (v instanceof LocalTime) {
      tag = "time";
    } else if (v instanceof LocalDateTime) {
      tag = "timestamp";
    } else if (v instanceof OffsetDateTime) {
      tag = "timestamptz";
    } else if (v instanceof UUID) {
      tag = "uuid";
    } else {
      throw new SynthException(
          "a model holds a value of type "
              + v.getClass().getName()
              + ", which model files cannot store");
    }
    ObjectNode node = NODES.objectNode();
    node.put("t", tag);
    node.put("v", text);
    return node;
  }

  /** The value a {@link #value(Object)} tree stands for. */
  public static Object valueOf(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    String tag = text(node, "t");
    String v = text(node, "v");
    try {
      return switch (tag) {
        case "bool" -> {
          if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("not a boolean");
          }
          yield Boolean.valueOf(v);
        }
        case "long" -> Long.valueOf(v);
        case "decimal" -> new BigDecimal(v);
        case "float" -> Double.valueOf(v);
        case "string" -> v;
        case "date" -> LocalDate.parse(v);
        case "time" -> LocalTime.parse(v);
        case "timestamp" -> LocalDateTime.parse(v);
        case "timestamptz" -> OffsetDateTime.parse(v);
        case "uuid" -> UUID.fromString(v);
        default -> throw new SynthException("unknown value type \"" + tag + "\"");
      };
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new SynthException("\"" + v + "\" is not a " + tag + " value", e);
    }
  }

  // ---- numbers -----------------------------------------------------------------------------

  /** A double as a JSON number (shortest exact form), or as text when it is not finite. */
  public static JsonNode number(double x) {
    return Double.isFinite(x) ? NODES.numberNode(x) : NODES.textNode(Double.toString(x));
  }

  public static double number(JsonNode node) {
    if (node != null && node.isNumber()) {
      return node.doubleValue();
    }
    if (node != null && node.isTextual()) {
      switch (node.textValue()) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw new SynthException("expected a number, found " + describe(node));
  }

  public static ArrayNode numbers(double[] xs) {
    ArrayNode a = NODES.arrayNode(xs.length);
    for (double x : xs) {
      a.add(number(x));
    }
    return a;
  }

  public static double[] numbers(JsonNode node) {
    ArrayNode a = array(node);
    double[] xs = new double[a.size()];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = number(a.get(i));
    }
    return xs;
  }

  /** A matrix as an array of rows. */
  public static ArrayNode matrix(double[][] m) {
    ArrayNode a = NODES.arrayNode(m.length);
    for (double[] row : m) {
      a.add(numbers(row));
    }
    return a;
  }

  public static double[][] matrix(JsonNode node) {
    ArrayNode a = array(node);
    double[][] m = new double[a.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = numbers(a.get(i));
    }
    return m;
  }

  public static ArrayNode ints(int[] xs) {
    ArrayNode a = NODES.arrayNode(xs.length);
    for (int x : xs) {
      a.add(x);
    }
    return a;
  }

  public static int[] ints(JsonNode node) {
    ArrayNode a = array(node);
    int[] xs = new int[a.size()];
    for (int i = 0; i < xs.length; i++) {
      if (!a.get(i).canConvertToInt() || !a.get(i).isIntegralNumber()) {
        throw new SynthException("expected an integer, found " + describe(a.get(i)));
      }
      xs[i] = a.get(i).intValue();
    }
    return xs;
  }

  public static ArrayNode strings(List<String> xs) {
    ArrayNode a = NODES.arrayNode(xs.size());
    xs.forEach(a::add);
    return a;
  }

  public static List<String> strings(JsonNode node) {
    ArrayNode a = array(node);
    String[] xs = new String[a.size()];
    for (int i = 0; i < xs.length; i++) {
      if (!a.get(i).isTextual()) {
        throw new SynthException("expected a string, found " + describe(a.get(i)));
      }
      xs[i] = a.get(i).textValue();
    }
    return List.of(xs);
  }

  // ---- fitted parts ------------------------------------------------------------------------

  public static ObjectNode codec(Codec c) {
    ObjectNode node = NODES.objectNode();
    node.put("type", c.type.name());
    node.put("decimals", c.decimals);
    node.put("scale", c.scale);
    node.set("unit", number(c.unit));
    return node;
  }

  public static Codec codec(JsonNode node) {
    return new Codec(
        dataType(text(node, "type")),
        integer(node, "decimals"),
        integer(node, "scale"),
        number(need(node, "unit")));
  }

  /**
   * A {@link NumericMarginal} ({@code "type":"numeric"}) or {@link CategoricalMarginal} ({@code
   * "type":"categorical"}).
   */
  public static ObjectNode marginal(Marginal m) {
    ObjectNode node = NODES.objectNode();
    if (m instanceof NumericMarginal n) {
      node.put("type", "numeric");
      node.set("codec", codec(n.codec));
      node.set("nullRate", number(n.nullRate));
      node.set("points", numbers(n.points));
      node.set("cumulative", n.cumulative == null ? NODES.nullNode() : numbers(n.cumulative));
    } else if (m instanceof CategoricalMarginal c) {
      node.put("type", "categorical");
      ArrayNode values = node.putArray("values");
      for (Object v : c.values) {
        values.add(value(v));
      }
      node.set("cumulative", numbers(c.cumulative));
    } else {
      throw new SynthException(
          "a model holds a marginal of type "
              + m.getClass().getName()
              + ", which model files cannot store");
    }
    return node;
  }

  public static Marginal marginal(JsonNode node) {
    String type = text(node, "type");
    switch (type) {
      case "numeric":
        {
          JsonNode cumulative = need(node, "cumulative");
          return new NumericMarginal(
              codec(need(node, "codec")),
              number(need(node, "nullRate")),
              numbers(need(node, "points")),
              cumulative.isNull() ? null : numbers(cumulative));
        }
      case "categorical":
        {
          ArrayNode values = array(need(node, "values"));
          Object[] vs = new Object[values.size()];
          for (int i = 0; i < vs.length; i++) {
            vs[i] = valueOf(values.get(i));
          }
          double[] cumulative = numbers(need(node, "cumulative"));
          if (cumulative.length != vs.length) {
            throw new SynthException(
                "a categorical marginal has "
                    + vs.length
                    + " values but "
                    + cumulative.length
                    + " cumulative probabilities");
          }
          return new CategoricalMarginal(vs, cumulative);
        }
      default:
        throw new SynthException("unknown marginal type \"" + type + "\"");
    }
  }

  /**
   * A text generator: {@code "type":"shape"} for a {@link TextModel}, {@code "type":"pii"} for a
   * {@link PiiModel}: with its null rate and maximum length for a known kind, with its shape model
   * (kind {@code ""}) for personal data of no known kind.
   */
  public static ObjectNode text(TextGenerator g) {
    if (g instanceof PiiModel p) {
      ObjectNode node = NODES.objectNode();
      node.put("type", "pii");
      node.put("pii", p.pii);
      if (p.pii.isEmpty()) {
        node.set("shape", text(p.shape));
      } else {
        // Fakes of a known kind use only the null rate and the maximum length: the shapes of
        // the personal data are not written.
        node.set("nullRate", number(p.shape.nullRate));
        node.put("maxLength", p.shape.maxLength);
      }
      return node;
    }
    if (g instanceof FormatModel f) {
      ObjectNode node = NODES.objectNode();
      node.put("type", "format");
      node.set("profile", f.profile.deepCopy());
      return node;
    }
    if (g instanceof DomainModel d) {
      // Values of a domain use only the null rate and the maximum length, as fakes do.
      ObjectNode node = NODES.objectNode();
      node.put("type", "domain");
      node.put("domain", d.domain);
      node.set("nullRate", number(d.shape.nullRate));
      node.put("maxLength", d.shape.maxLength);
      return node;
    }
    if (g instanceof TextModel t) {
      ObjectNode node = NODES.objectNode();
      node.put("type", "shape");
      node.set("nullRate", number(t.nullRate));
      node.put("maxLength", t.maxLength);
      node.set("shapes", strings(List.of(t.shapes)));
      node.set("shapeCumulative", numbers(t.shapeCumulative));
      node.set("freeShare", number(t.freeShare));
      node.set("freeLengths", t.freeLengths == null ? NODES.nullNode() : marginal(t.freeLengths));
      if (t.words != null) {
        node.set("words", t.words.toJson());
      }
      return node;
    }
    throw new SynthException(
        "a model holds a text generator of type "
            + g.getClass().getName()
            + ", which model files cannot store");
  }

  public static TextGenerator text(JsonNode node) {
    String type = text(node, "type");
    switch (type) {
      case "pii":
        {
          String pii = text(node, "pii");
          PiiModel model;
          if (pii.isEmpty()) {
            JsonNode shape = need(node, "shape");
            if (!"shape".equals(text(shape, "type"))) {
              throw new SynthException("personal data of no known kind needs a shape model");
            }
            model = new PiiModel(pii, (TextModel) text(shape));
          } else {
            model =
                new PiiModel(
                    pii,
                    new TextModel(
                        number(need(node, "nullRate")),
                        integer(node, "maxLength"),
                        new String[] {"Aaaaaa"},
                        new double[] {1},
                        0,
                        null));
          }
          if (!model.pii.equals(pii)) {
            throw new SynthException(
                "unknown kind of personal data \""
                    + pii
                    + "\"; known kinds are "
                    + io.syndata.schema.ColumnKinds.PII_CATEGORIES);
          }
          return model;
        }
      case "format":
        {
          JsonNode profile = need(node, "profile");
          if (!profile.isObject()) {
            throw new SynthException("a format model's profile must be an object");
          }
          try {
            return new FormatModel((ObjectNode) profile.deepCopy());
          } catch (IllegalArgumentException e) {
            throw new SynthException("unknown value format in a format model", e);
          }
        }
      case "domain":
        {
          String domain = text(node, "domain");
          if (!Domains.ALL.contains(domain)) {
            throw new SynthException(
                "unknown value domain \"" + domain + "\"; known domains are " + Domains.ALL);
          }
          return new DomainModel(
              domain,
              new TextModel(
                  number(need(node, "nullRate")),
                  integer(node, "maxLength"),
                  new String[] {"Aaaaaa"},
                  new double[] {1},
                  0,
                  null));
        }
      case "shape":
        {
          String[] shapes = strings(need(node, "shapes")).toArray(String[]::new);
          double[] cumulative = numbers(need(node, "shapeCumulative"));
          if (shapes.length == 0 || cumulative.length != shapes.length) {
            throw new SynthException(
                "a text model has "
                    + shapes.length
                    + " shapes and "
                    + cumulative.length
                    + " weights");
          }
          JsonNode lengths = need(node, "freeLengths");
          Marginal free = lengths.isNull() ? null : marginal(lengths);
          if (free != null && !(free instanceof NumericMarginal)) {
            throw new SynthException("the free-text lengths of a text model must be numeric");
          }
          return new TextModel(
              number(need(node, "nullRate")),
              integer(node, "maxLength"),
              shapes,
              cumulative,
              number(need(node, "freeShare")),
              (NumericMarginal) free,
              node.hasNonNull("words") ? WordModel.fromJson(node.get("words")) : null);
        }
      default:
        throw new SynthException("unknown text generator type \"" + type + "\"");
    }
  }

  public static ObjectNode keyFormat(KeyFormat f) {
    ObjectNode node = NODES.objectNode();
    node.put("style", f.style().name());
    node.put("type", f.type().name());
    node.put("start", f.start());
    node.put("prefix", f.prefix());
    node.put("suffix", f.suffix());
    node.put("width", f.width());
    node.set("nullRate", number(f.nullRate()));
    if (!f.from().isEmpty()) {
      node.put("from", f.from());
    }
    return node;
  }

  public static KeyFormat keyFormat(JsonNode node) {
    String style = text(node, "style");
    KeyFormat.Style s;
    try {
      s = KeyFormat.Style.valueOf(style);
    } catch (IllegalArgumentException e) {
      throw new SynthException("unknown key style \"" + style + "\"", e);
    }
    JsonNode start = need(node, "start");
    if (!start.isIntegralNumber() || !start.canConvertToLong()) {
      throw new SynthException("expected an integer \"start\", found " + describe(start));
    }
    return new KeyFormat(
        s,
        dataType(text(node, "type")),
        start.longValue(),
        text(node, "prefix"),
        text(node, "suffix"),
        integer(node, "width"),
        number(need(node, "nullRate")),
        node.has("from") ? text(node, "from") : "");
  }

  /**
   * A relation as its child table and foreign-key name, which identify it within a schema whose
   * tables give their foreign keys distinct names (model files check that when written).
   */
  public static ObjectNode relation(Relation r) {
    ObjectNode node = NODES.objectNode();
    node.put("child", r.child());
    node.put("fk", r.fk().name());
    return node;
  }

  /** The relation a {@link #relation(Relation)} tree names in {@code schema}. */
  public static Relation relation(JsonNode node, Schema schema) {
    String child = text(node, "child");
    String name = text(node, "fk");
    Table t =
        schema
            .find(child)
            .orElseThrow(
                () ->
                    new SynthException(
                        "a relation names table " + child + ", which the schema does not have"));
    List<ForeignKey> fks = t.foreignKeys().stream().filter(fk -> fk.name().equals(name)).toList();
    if (fks.size() != 1) {
      throw new SynthException(
          "a relation names foreign key "
              + name
              + " of table "
              + child
              + ", which the schema "
              + (fks.isEmpty() ? "does not have" : "has " + fks.size() + " times"));
    }
    return new Relation(child, fks.get(0));
  }

  // ---- reading helpers ---------------------------------------------------------------------

  /** The field of an object, failing with its name when the object lacks it. */
  public static JsonNode need(JsonNode node, String field) {
    if (node == null || !node.isObject()) {
      throw new SynthException(
          "expected an object with \"" + field + "\", found " + describe(node));
    }
    JsonNode v = node.get(field);
    if (v == null) {
      throw new SynthException("\"" + field + "\" is missing");
    }
    return v;
  }

  public static String text(JsonNode node, String field) {
    JsonNode v = need(node, field);
    if (!v.isTextual()) {
      throw new SynthException("\"" + field + "\" must be a string, found " + describe(v));
    }
    return v.textValue();
  }

  public static int integer(JsonNode node, String field) {
    JsonNode v = need(node, field);
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new SynthException("\"" + field + "\" must be an integer, found " + describe(v));
    }
    return v.intValue();
  }

  public static long longInteger(JsonNode node, String field) {
    JsonNode v = need(node, field);
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new SynthException("\"" + field + "\" must be an integer, found " + describe(v));
    }
    return v.longValue();
  }

  public static ArrayNode array(JsonNode node) {
    if (node == null || !node.isArray()) {
      throw new SynthException("expected an array, found " + describe(node));
    }
    return (ArrayNode) node;
  }

  private static DataType dataType(String name) {
    try {
      return DataType.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SynthException("unknown data type \"" + name + "\"", e);
    }
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    String s = node.toString();
    return node.getNodeType().name().toLowerCase(Locale.ROOT)
        + " "
        + (s.length() > 40 ? s.substring(0, 40) + "…" : s);
  }
}
