package io.syndata.neural;

import static io.syndata.model.fit.FitJson.array;
import static io.syndata.model.fit.FitJson.ints;
import static io.syndata.model.fit.FitJson.need;
import static io.syndata.model.fit.FitJson.number;
import static io.syndata.model.fit.FitJson.numbers;
import static io.syndata.model.fit.FitJson.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syndata.model.KeyFormat;
import io.syndata.model.TableModel;
import io.syndata.model.TableModelCodec;
import io.syndata.model.fit.CategoricalMarginal;
import io.syndata.model.fit.FitJson;
import io.syndata.model.fit.Marginal;
import io.syndata.model.fit.NumericMarginal;
import io.syndata.model.fit.TextGenerator;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Relation;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes and reads {@link NeuralTableModel}s in model files: the column codes (marginals as the
 * statistical kind writes them), and the decoder's weights as base64 of little-endian float32
 * arrays. The encoder and discriminator are only needed for training and are not kept. See {@code
 * docs/neural.md} for the fields.
 */
final class NeuralCodec implements TableModelCodec {
  static final NeuralCodec INSTANCE = new NeuralCodec();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Override
  public JsonNode write(TableModel tableModel) {
    if (!(tableModel instanceof NeuralTableModel m)) {
      throw new SynthException(
          "table "
              + tableModel.table().name()
              + " is not a vaegan model, so the vaegan codec cannot write it");
    }
    ObjectNode node = NODES.objectNode();
    node.put("sourceRows", m.sourceRows);
    node.set("attributeColumns", strings(m.attributeColumns));
    node.set("codeIndex", ints(m.codeIndex));
    ObjectNode texts = node.putObject("texts");
    for (int i = 0; i < m.texts.length; i++) {
      if (m.texts[i] != null) {
        texts.set(m.attributeColumns.get(i), FitJson.text(m.texts[i]));
      }
    }
    node.set("codes", codes(m.row));
    node.put("attributeCodes", m.attributeCodes);
    node.set("context", m.context == null ? NODES.nullNode() : codes(m.context));
    node.put("latent", m.latent);
    ObjectNode decoder = node.putObject("decoder");
    decoder.set("sizes", ints(m.decoder.sizes));
    ArrayNode weights = decoder.putArray("weights");
    ArrayNode biases = decoder.putArray("biases");
    for (int l = 0; l < m.decoder.layers(); l++) {
      weights.add(floats(m.decoder.weights[l]));
      biases.add(floats(m.decoder.biases[l]));
    }
    node.set("sigma", FitJson.numbers(m.sigma));
    ArrayNode children = node.putArray("childRelations");
    for (Relation r : m.childRelations) {
      children.add(FitJson.relation(r));
    }
    node.set(
        "parentRelation",
        m.parentRelation.<JsonNode>map(r -> FitJson.relation(r)).orElse(NODES.nullNode()));
    node.set("parentColumns", strings(m.parentColumns));
    ObjectNode keys = node.putObject("keyFormats");
    m.keyFormats.forEach((column, f) -> keys.set(column, FitJson.keyFormat(f)));
    ArrayNode nullRates = node.putArray("nullRates");
    List<Map.Entry<Relation, Double>> rates = new ArrayList<>(m.nullRates.entrySet());
    rates.sort(
        Comparator.comparing((Map.Entry<Relation, Double> e) -> e.getKey().child())
            .thenComparing(e -> e.getKey().fk().name()));
    for (Map.Entry<Relation, Double> e : rates) {
      ObjectNode rate = FitJson.relation(e.getKey());
      rate.set("rate", number(e.getValue()));
      nullRates.add(rate);
    }
    ObjectNode training = node.putObject("training");
    m.training.forEach(
        (k, v) -> {
          if (v instanceof Number n) {
            training.put(k, n.doubleValue());
          } else {
            training.put(k, String.valueOf(v));
          }
        });
    return node;
  }

  private static ArrayNode codes(RowCode row) {
    ArrayNode a = NODES.arrayNode();
    for (ColumnCode c : row.columns) {
      ObjectNode code = NODES.objectNode();
      // A mode-specific code is a kind of its own in the file, so a reader that does not know it
      // fails instead of reading its slots as a quantile code's.
      code.put("kind", c.modes != null ? "mode" : c.kind.name().toLowerCase(java.util.Locale.ROOT));
      code.set("marginal", FitJson.marginal(c.marginal));
      if (c.modes != null) {
        ObjectNode modes = code.putObject("modes");
        modes.set("weights", numbers(c.modes.weights));
        modes.set("means", numbers(c.modes.means));
        modes.set("sds", numbers(c.modes.sds));
      }
      a.add(code);
    }
    return a;
  }

  private static RowCode codes(JsonNode node) {
    List<ColumnCode> codes = new ArrayList<>();
    for (JsonNode code : array(node)) {
      String kind = FitJson.text(code, "kind");
      Marginal m = FitJson.marginal(need(code, "marginal"));
      codes.add(
          switch (kind) {
            case "continuous" -> ColumnCode.continuous(numeric(m));
            case "mode" -> {
              check(numeric(m).cumulative == null, "codes", "quantile marginals for mode codes");
              yield ColumnCode.modeSpecific(numeric(m), modes(need(code, "modes")));
            }
            case "discrete" -> {
              check(numeric(m).cumulative != null, "codes", "point frequencies for discrete codes");
              yield ColumnCode.numeric(numeric(m));
            }
            case "categorical" -> {
              check(m instanceof CategoricalMarginal, "codes", "categorical marginals");
              yield ColumnCode.restored((CategoricalMarginal) m);
            }
            default -> throw new SynthException("\"codes\" holds unknown kind \"" + kind + "\"");
          });
    }
    return new RowCode(codes);
  }

  private static Modes modes(JsonNode node) {
    try {
      return new Modes(
          numbers(need(node, "weights")), numbers(need(node, "means")), numbers(need(node, "sds")));
    } catch (IllegalArgumentException e) {
      throw new SynthException("\"modes\" must hold " + e.getMessage());
    }
  }

  private static NumericMarginal numeric(Marginal m) {
    check(m instanceof NumericMarginal, "codes", "numeric marginals for numeric codes");
    return (NumericMarginal) m;
  }

  static String floats(float[] xs) {
    ByteBuffer b = ByteBuffer.allocate(xs.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(xs);
    return Base64.getEncoder().encodeToString(b.array());
  }

  static float[] floats(String base64) {
    byte[] bytes = Base64.getDecoder().decode(base64);
    check(bytes.length % 4 == 0, "decoder", "whole float32 arrays");
    float[] xs = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(xs);
    return xs;
  }

  @Override
  public TableModel read(JsonNode tree, String tableName, ForeignKeyGraph graph) {
    Schema schema = graph.schema();
    Table table = schema.table(tableName);
    List<String> attributeColumns = strings(need(tree, "attributeColumns"));
    for (String c : attributeColumns) {
      table.column(c);
    }
    int[] codeIndex = ints(need(tree, "codeIndex"));
    check(codeIndex.length == attributeColumns.size(), "codeIndex", "one per attribute column");
    JsonNode textsNode = need(tree, "texts");
    check(textsNode.isObject(), "texts", "an object");
    TextGenerator[] texts = new TextGenerator[attributeColumns.size()];
    for (Iterator<String> it = textsNode.fieldNames(); it.hasNext(); ) {
      String column = it.next();
      int i = attributeColumns.indexOf(column);
      check(i >= 0, "texts", "attribute columns only, not " + column);
      texts[i] = FitJson.text(textsNode.get(column));
    }
    RowCode row = codes(need(tree, "codes"));
    int attributeCodes = FitJson.integer(tree, "attributeCodes");
    for (int i = 0; i < codeIndex.length; i++) {
      check(
          codeIndex[i] < 0 ? texts[i] != null : texts[i] == null && codeIndex[i] < attributeCodes,
          "codeIndex",
          "a code below attributeCodes or a text generator for every attribute column");
    }
    JsonNode contextNode = need(tree, "context");
    RowCode context = contextNode.isNull() ? null : codes(contextNode);
    int latent = FitJson.integer(tree, "latent");
    JsonNode d = need(tree, "decoder");
    int[] sizes = ints(need(d, "sizes"));
    ArrayNode weightNodes = array(need(d, "weights"));
    ArrayNode biasNodes = array(need(d, "biases"));
    check(
        sizes.length >= 2
            && weightNodes.size() == sizes.length - 1
            && biasNodes.size() == sizes.length - 1,
        "decoder",
        "one weight and bias array per layer");
    float[][] weights = new float[sizes.length - 1][];
    float[][] biases = new float[sizes.length - 1][];
    for (int l = 0; l < weights.length; l++) {
      weights[l] = floats(weightNodes.get(l).asText());
      biases[l] = floats(biasNodes.get(l).asText());
      check(
          weights[l].length == sizes[l] * sizes[l + 1] && biases[l].length == sizes[l + 1],
          "decoder",
          "layers of the sizes given");
    }
    double[] sigma = numbers(need(tree, "sigma"));
    check(sigma.length == row.width, "sigma", "one spread per row slot");
    List<Relation> childRelations = new ArrayList<>();
    for (JsonNode r : array(need(tree, "childRelations"))) {
      Relation relation = FitJson.relation(r, schema);
      check(relation.parent().equals(tableName), "childRelations", "relations to this table");
      childRelations.add(relation);
    }
    check(
        row.columns.length == attributeCodes + childRelations.size(),
        "codes",
        "one code per modelled attribute, then one per child relation");
    JsonNode parentNode = need(tree, "parentRelation");
    Optional<Relation> parentRelation =
        parentNode.isNull() ? Optional.empty() : Optional.of(FitJson.relation(parentNode, schema));
    parentRelation.ifPresent(
        r -> check(r.child().equals(tableName), "parentRelation", "a relation of this table"));
    List<String> parentColumns = strings(need(tree, "parentColumns"));
    check(
        context == null ? parentColumns.isEmpty() : context.columns.length == parentColumns.size(),
        "context",
        "one code per parent column");
    JsonNode keysNode = need(tree, "keyFormats");
    check(keysNode.isObject(), "keyFormats", "an object");
    Map<String, KeyFormat> keyFormats = new LinkedHashMap<>();
    for (Iterator<String> it = keysNode.fieldNames(); it.hasNext(); ) {
      String column = it.next();
      table.column(column);
      keyFormats.put(column, FitJson.keyFormat(keysNode.get(column)));
    }
    Map<Relation, Double> nullRates = new HashMap<>();
    for (JsonNode r : array(need(tree, "nullRates"))) {
      Relation relation = FitJson.relation(r, schema);
      check(relation.child().equals(tableName), "nullRates", "relations of this table");
      nullRates.put(relation, number(need(r, "rate")));
    }
    Map<String, Object> training = new LinkedHashMap<>();
    JsonNode trainingNode = tree.path("training");
    for (Iterator<String> it = trainingNode.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      JsonNode v = trainingNode.get(k);
      training.put(k, v.isNumber() ? (Object) v.doubleValue() : v.asText());
    }
    return new NeuralTableModel(
        table,
        FitJson.longInteger(tree, "sourceRows"),
        attributeColumns,
        codeIndex,
        texts,
        row,
        attributeCodes,
        context,
        new Mlp(sizes, weights, biases),
        sigma,
        latent,
        childRelations,
        parentRelation,
        parentColumns,
        keyFormats,
        nullRates,
        training);
  }

  private static void check(boolean ok, String field, String expected) {
    if (!ok) {
      throw new SynthException("\"" + field + "\" must hold " + expected);
    }
  }
}
