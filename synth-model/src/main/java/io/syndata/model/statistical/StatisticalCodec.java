package io.syndata.model.statistical;

import static io.syndata.model.fit.FitJson.array;
import static io.syndata.model.fit.FitJson.ints;
import static io.syndata.model.fit.FitJson.matrix;
import static io.syndata.model.fit.FitJson.need;
import static io.syndata.model.fit.FitJson.number;
import static io.syndata.model.fit.FitJson.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syndata.model.KeyFormat;
import io.syndata.model.TableModel;
import io.syndata.model.TableModelCodec;
import io.syndata.model.fit.FitJson;
import io.syndata.model.fit.Marginal;
import io.syndata.model.fit.NumericMarginal;
import io.syndata.model.fit.TextGenerator;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Relation;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes and reads {@link StatisticalTableModel}s in model files: every fitted part, so that a
 * loaded model samples exactly the values the saved one does for the same random generator. The
 * table itself is not written: it is the table of the file's schema. See {@code docs/model-file.md}
 * for the fields.
 */
final class StatisticalCodec implements TableModelCodec {
  static final StatisticalCodec INSTANCE = new StatisticalCodec();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Override
  public JsonNode write(TableModel tableModel) {
    if (!(tableModel instanceof StatisticalTableModel m)) {
      throw new SynthException(
          "table "
              + tableModel.table().name()
              + " is not a statistical model, so the statistical codec cannot write it");
    }
    ObjectNode node = NODES.objectNode();
    node.put("sourceRows", m.sourceRows);
    node.set("attributeColumns", strings(m.attributeColumns));
    node.set("copulaIndex", ints(m.copulaIndex));
    ObjectNode texts = node.putObject("texts");
    for (int i = 0; i < m.texts.length; i++) {
      if (m.texts[i] != null) {
        texts.set(m.attributeColumns.get(i), FitJson.text(m.texts[i]));
      }
    }
    node.put("copulaAttributes", m.copulaAttributes);
    node.set("marginals", marginals(m.sampled));
    ArrayNode children = node.putArray("childRelations");
    for (Relation r : m.childRelations) {
      children.add(FitJson.relation(r));
    }
    node.set(
        "parentRelation",
        m.parentRelation.<JsonNode>map(r -> FitJson.relation(r)).orElse(NODES.nullNode()));
    node.set("parentColumns", strings(m.parentColumns));
    node.set("conditioning", marginals(m.conditioning));
    ObjectNode copula = node.putObject("copula");
    copula.put("a", m.copula.a);
    copula.put("b", m.copula.b);
    copula.set("correlation", matrix(m.copula.correlation));
    copula.set("lowerA", matrix(m.copula.lowerA));
    copula.set("gain", matrix(m.copula.gain));
    // Without conditioning columns the conditional factor is the unconditioned one.
    copula.set(
        "lowerConditional",
        m.copula.lowerConditional == m.copula.lowerA
            ? NODES.nullNode()
            : matrix(m.copula.lowerConditional));
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
    if (m.addresses != null) {
      node.set("addresses", m.addresses.toJson());
    }
    ArrayNode orderings = node.putArray("orderings");
    for (int[] o : m.orderings) {
      orderings.add(ints(o));
    }
    return node;
  }

  private static ArrayNode marginals(Marginal[] ms) {
    ArrayNode a = NODES.arrayNode(ms.length);
    for (Marginal m : ms) {
      a.add(FitJson.marginal(m));
    }
    return a;
  }

  private static Marginal[] marginals(JsonNode node) {
    ArrayNode a = array(node);
    Marginal[] ms = new Marginal[a.size()];
    for (int i = 0; i < ms.length; i++) {
      ms[i] = FitJson.marginal(a.get(i));
    }
    return ms;
  }

  @Override
  public TableModel read(JsonNode tree, String tableName, ForeignKeyGraph graph) {
    Schema schema = graph.schema();
    Table table = schema.table(tableName);
    List<String> attributeColumns = strings(need(tree, "attributeColumns"));
    for (String c : attributeColumns) {
      table.column(c);
    }
    int[] copulaIndex = ints(need(tree, "copulaIndex"));
    check(copulaIndex.length == attributeColumns.size(), "copulaIndex", "one per attribute column");
    JsonNode textsNode = need(tree, "texts");
    check(textsNode.isObject(), "texts", "an object");
    TextGenerator[] texts = new TextGenerator[attributeColumns.size()];
    for (Iterator<String> it = textsNode.fieldNames(); it.hasNext(); ) {
      String column = it.next();
      int i = attributeColumns.indexOf(column);
      check(i >= 0, "texts", "attribute columns only, not " + column);
      texts[i] = FitJson.text(textsNode.get(column));
    }
    int copulaAttributes = FitJson.integer(tree, "copulaAttributes");
    Marginal[] sampled = marginals(need(tree, "marginals"));
    for (int i = 0; i < copulaIndex.length; i++) {
      check(
          copulaIndex[i] < 0
              ? texts[i] != null
              : texts[i] == null && copulaIndex[i] < copulaAttributes,
          "copulaIndex",
          "a copula column below copulaAttributes or a text generator for every attribute column");
    }
    List<Relation> childRelations = new ArrayList<>();
    for (JsonNode r : array(need(tree, "childRelations"))) {
      Relation relation = FitJson.relation(r, schema);
      check(relation.parent().equals(tableName), "childRelations", "relations to this table");
      childRelations.add(relation);
    }
    JsonNode parentNode = need(tree, "parentRelation");
    Optional<Relation> parentRelation =
        parentNode.isNull() ? Optional.empty() : Optional.of(FitJson.relation(parentNode, schema));
    parentRelation.ifPresent(
        r -> check(r.child().equals(tableName), "parentRelation", "a relation of this table"));
    List<String> parentColumns = strings(need(tree, "parentColumns"));
    Marginal[] conditioning = marginals(need(tree, "conditioning"));
    JsonNode c = need(tree, "copula");
    int a = FitJson.integer(c, "a");
    int b = FitJson.integer(c, "b");
    check(
        a == sampled.length && a == copulaAttributes + childRelations.size(),
        "copula",
        "one sampled column per marginal (attributes, then child counts)");
    check(
        b == conditioning.length && b == parentColumns.size(), "copula", "b conditioning columns");
    for (int k = copulaAttributes; k < a; k++) {
      check(sampled[k] instanceof NumericMarginal, "marginals", "numeric child counts");
    }
    double[][] correlation = matrix(need(c, "correlation"));
    double[][] lowerA = matrix(need(c, "lowerA"));
    double[][] gain = matrix(need(c, "gain"));
    JsonNode conditional = need(c, "lowerConditional");
    double[][] lowerConditional = conditional.isNull() ? lowerA : matrix(conditional);
    square(correlation, a + b, "correlation");
    square(lowerA, a, "lowerA");
    square(lowerConditional, a, "lowerConditional");
    check(gain.length == a, "gain", a + " rows");
    for (double[] row : gain) {
      check(row.length == b, "gain", b + " columns");
    }
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
    List<int[]> orderings = new ArrayList<>();
    for (JsonNode o : array(need(tree, "orderings"))) {
      int[] pair = ints(o);
      check(
          pair.length == 2
              && pair[0] >= 0
              && pair[1] >= 0
              && pair[0] < attributeColumns.size()
              && pair[1] < attributeColumns.size(),
          "orderings",
          "pairs of attribute positions");
      orderings.add(pair);
    }
    return new StatisticalTableModel(
        table,
        FitJson.longInteger(tree, "sourceRows"),
        attributeColumns,
        copulaIndex,
        texts,
        sampled,
        copulaAttributes,
        childRelations,
        parentRelation,
        parentColumns,
        conditioning,
        new Copula(a, b, correlation, lowerA, gain, lowerConditional),
        keyFormats,
        nullRates,
        orderings,
        tree.hasNonNull("addresses")
            ? io.syndata.model.fit.AddressBlock.fromJson(tree.get("addresses"))
            : null);
  }

  private static void square(double[][] m, int n, String field) {
    check(m.length == n, field, n + " rows");
    for (double[] row : m) {
      check(row.length == n, field, n + " columns");
    }
  }

  private static void check(boolean ok, String field, String expected) {
    if (!ok) {
      throw new SynthException("\"" + field + "\" must hold " + expected);
    }
  }
}
