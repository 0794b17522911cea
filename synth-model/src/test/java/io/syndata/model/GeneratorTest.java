package io.syndata.model;

import static io.syndata.model.Fixtures.mean;
import static io.syndata.model.Fixtures.pearson;
import static io.syndata.model.Fixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.syndata.data.InMemorySource;
import io.syndata.data.InMemoryTarget;
import io.syndata.data.Progress;
import io.syndata.schema.SynthException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GeneratorTest {
  static InMemorySource source;
  static SynthModel model;
  static InMemoryTarget synthetic;

  @BeforeAll
  static void fitAndGenerate() {
    source = Fixtures.shop(7, 1500);
    model = Fixtures.fit(source, FitOptions.defaults(1));
    synthetic = Fixtures.generate(model, Fixtures.seed(42));
  }

  @Test
  void keepsKeysUniqueForeignKeysResolvedAndNotNull() {
    Integrity.check(source.schema(), synthetic);
  }

  @Test
  void keepsPatternedKeyFormat() {
    assertThat(synthetic.column("customers", "id"))
        .allSatisfy(id -> assertThat((String) id).matches("C-\\d{6}"));
    assertThat(synthetic.column("customers", "id").get(0)).isEqualTo("C-000101");
    assertThat(synthetic.column("orders", "id").get(0)).isEqualTo(5001L);
  }

  @Test
  void numbersCompositeKeyWithinParentLikeTheSource() {
    Map<Object, List<Object>> lineNumbers = new HashMap<>();
    for (Map<String, Object> row : rows(synthetic, "order_lines")) {
      lineNumbers
          .computeIfAbsent(row.get("order_id"), k -> new ArrayList<>())
          .add(row.get("line_no"));
    }
    assertThat(lineNumbers.values()).allSatisfy(nos -> assertThat(nos.get(0)).isEqualTo(1L));
  }

  @Test
  void keepsMarginals() {
    assertThat(synthetic.rowCount("customers")).isEqualTo(1500);
    double realBusiness = share(rows(source, "customers"), "segment", "business");
    assertThat(share(rows(synthetic, "customers"), "segment", "business"))
        .isCloseTo(realBusiness, within(0.05));
    double realIncome = mean(column(rows(source, "customers"), "income"));
    assertThat(mean(column(rows(synthetic, "customers"), "income")))
        .isCloseTo(realIncome, within(realIncome * 0.05));
    assertThat(synthetic.column("customers", "income"))
        .allSatisfy(v -> assertThat(((BigDecimal) v).scale()).isEqualTo(2));
    assertThat(synthetic.column("customers", "age"))
        .allSatisfy(v -> assertThat((Long) v).isBetween(20L, 69L));
    double realQty = mean(column(rows(source, "order_lines"), "qty"));
    assertThat(mean(column(rows(synthetic, "order_lines"), "qty")))
        .isCloseTo(realQty, within(0.15));
  }

  @Test
  void keepsCorrelationWithinTable() {
    List<Map<String, Object>> real = rows(source, "customers");
    List<Map<String, Object>> fake = rows(synthetic, "customers");
    double r = pearson(array(real, "age"), array(real, "income"));
    double s = pearson(array(fake, "age"), array(fake, "income"));
    assertThat(r).isGreaterThan(0.5);
    assertThat(s).isCloseTo(r, within(0.15));
  }

  @Test
  void childCountsFollowParentAttributes() {
    double realMean = synthCountMean(rows(source, "customers"), rows(source, "orders"), null);
    double fakeMean = synthCountMean(rows(synthetic, "customers"), rows(synthetic, "orders"), null);
    assertThat(fakeMean).isCloseTo(realMean, within(realMean * 0.15));
    double business =
        synthCountMean(rows(synthetic, "customers"), rows(synthetic, "orders"), "business");
    double retail =
        synthCountMean(rows(synthetic, "customers"), rows(synthetic, "orders"), "retail");
    assertThat(business).isGreaterThan(2 * retail);
  }

  @Test
  void parentAttributesConditionChildren() {
    assertThat(joinedCorrelation(synthetic)).isGreaterThan(0.4);
  }

  @Test
  void secondaryParentCountsAreRespected() {
    Map<Object, Boolean> popular = new HashMap<>();
    for (Map<String, Object> p : rows(synthetic, "products")) {
      popular.put(p.get("id"), (Boolean) p.get("popular"));
    }
    Map<Boolean, Integer> lines = new HashMap<>();
    for (Map<String, Object> l : rows(synthetic, "order_lines")) {
      lines.merge(popular.get(l.get("product_id")), 1, Integer::sum);
    }
    long popularProducts = popular.values().stream().filter(b -> b).count();
    double perPopular = lines.getOrDefault(true, 0) / (double) popularProducts;
    double perOther = lines.getOrDefault(false, 0) / (double) (popular.size() - popularProducts);
    // The source has 4x; without secondary child counts it would be 1x.
    assertThat(perPopular).isGreaterThan(2 * perOther);
  }

  @Test
  void oneToOneTableHasAtMostOneRowPerParent() {
    List<Object> ids = synthetic.column("profiles", "customer_id");
    assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
    double share = ids.size() / (double) synthetic.rowCount("customers");
    assertThat(share)
        .isCloseTo(source.schema().table("profiles").rowCount() / 1500.0, within(0.06));
  }

  @Test
  void tableWithoutPrimaryKeyKeepsForeignKeyNullRate() {
    List<Object> real = rows(source, "events").stream().map(r -> r.get("customer_id")).toList();
    List<Object> fake = synthetic.column("events", "customer_id");
    double realNull = real.stream().filter(v -> v == null).count() / (double) real.size();
    double fakeNull = fake.stream().filter(v -> v == null).count() / (double) fake.size();
    assertThat(fakeNull).isCloseTo(realNull, within(0.04));
    assertThat(fake.size()).isCloseTo(real.size(), within((int) (real.size() * 0.15)));
  }

  @Test
  void sameSeedGivesSameRowsAndAnotherSeedOthers() {
    InMemoryTarget again =
        Fixtures.generate(Fixtures.fit(source, FitOptions.defaults(1)), Fixtures.seed(42));
    InMemoryTarget other = Fixtures.generate(model, Fixtures.seed(43));
    for (String table : synthetic.tables()) {
      assertThat(again.rows(table))
          .as(table)
          .usingRecursiveComparison()
          .isEqualTo(synthetic.rows(table));
    }
    assertThat(other.column("customers", "income"))
        .isNotEqualTo(synthetic.column("customers", "income"));
    assertThat(other.column("customers", "email"))
        .isNotEqualTo(synthetic.column("customers", "email"));
  }

  @Test
  void neverCopiesARealRow() {
    List<String> attributes = List.of("segment", "income", "age", "signup");
    Set<List<Object>> real =
        rows(source, "customers").stream()
            .map(r -> Integrity.tuple(r, attributes))
            .collect(Collectors.toSet());
    assertThat(rows(synthetic, "customers"))
        .noneMatch(r -> real.contains(Integrity.tuple(r, attributes)));
    List<String> orderAttributes = List.of("amount", "ordered_at", "status");
    Set<List<Object>> realOrders =
        rows(source, "orders").stream()
            .map(r -> Integrity.tuple(r, orderAttributes))
            .collect(Collectors.toSet());
    assertThat(rows(synthetic, "orders"))
        .noneMatch(r -> realOrders.contains(Integrity.tuple(r, orderAttributes)));
  }

  @Test
  void neverEmitsRealPersonalDataOrText() {
    for (String[] tc :
        new String[][] {{"customers", "email"}, {"customers", "notes"}, {"profiles", "bio"}}) {
      Set<Object> real =
          rows(source, tc[0]).stream()
              .map(r -> r.get(tc[1]))
              .filter(v -> v != null)
              .collect(Collectors.toSet());
      List<Object> fake = synthetic.column(tc[0], tc[1]);
      assertThat(fake).as(tc[0] + "." + tc[1]).doesNotContainAnyElementsOf(real);
    }
    assertThat(synthetic.column("customers", "email"))
        .allSatisfy(e -> assertThat((String) e).contains("@"));
    assertThat(synthetic.column("customers", "notes"))
        .filteredOn(v -> v != null)
        .allSatisfy(v -> assertThat((String) v).matches("[A-Z][a-z]{2} [A-Z]{2}-\\d{5}"));
    double realNotesNull =
        rows(source, "customers").stream().filter(r -> r.get("notes") == null).count() / 1500.0;
    double fakeNotesNull =
        synthetic.column("customers", "notes").stream().filter(v -> v == null).count() / 1500.0;
    assertThat(fakeNotesNull).isCloseTo(realNotesNull, within(0.04));
  }

  @Test
  void scaleMultipliesRootsAndChildrenFollow() {
    InMemoryTarget half = Fixtures.generate(model, new GenerationOptions(0.5, Map.of(), 42));
    assertThat(half.rowCount("customers")).isEqualTo(750);
    assertThat(half.rowCount("products")).isEqualTo(20);
    assertThat((double) half.rowCount("orders"))
        .isCloseTo(synthetic.rowCount("orders") / 2.0, within(synthetic.rowCount("orders") * 0.1));
    Integrity.check(source.schema(), half);
  }

  @Test
  void rowOverridesAreExact() {
    InMemoryTarget t =
        Fixtures.generate(
            model, new GenerationOptions(1, Map.of("customers", 200L, "orders", 777L), 5));
    assertThat(t.rowCount("customers")).isEqualTo(200);
    assertThat(t.rowCount("orders")).isEqualTo(777);
    Integrity.check(source.schema(), t);
    double business = synthCountMean(rows(t, "customers"), rows(t, "orders"), "business");
    double retail = synthCountMean(rows(t, "customers"), rows(t, "orders"), "retail");
    assertThat(business).isGreaterThan(2 * retail);
  }

  @Test
  void rejectsOverrideOfUnknownTable() {
    assertThatThrownBy(
            () -> Fixtures.generate(model, new GenerationOptions(1, Map.of("custmers", 5L), 1)))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("custmers")
        .hasMessageContaining("customers");
  }

  @Test
  void tinyScaleKeepsOneRootRowAndWarns() {
    List<String> warnings = new ArrayList<>();
    InMemoryTarget t = new InMemoryTarget();
    Generator.generate(
        model,
        new GenerationOptions(0.01, Map.of(), 1),
        t,
        new Progress() {
          @Override
          public void warn(String message) {
            warnings.add(message);
          }
        });
    assertThat(t.rowCount("products")).isEqualTo(1);
    assertThat(warnings).anyMatch(w -> w.contains("products"));
  }

  @Test
  void recordsProvenance() {
    assertThat(model.provenance().kind()).isEqualTo("auto");
    assertThat(model.provenance().tableKinds()).containsEntry("customers", "statistical");
    assertThat(model.provenance().schemaHash()).hasSize(64);
    assertThat(model.provenance().sourceRows()).containsEntry("customers", 1500L);
    assertThat(model.provenance().trainingRows()).containsEntry("customers", 1500L);
    assertThat(model.table("orders").parentColumns()).contains("segment", "income");
  }

  static double joinedCorrelation(InMemoryTarget t) {
    Map<Object, Double> income = new HashMap<>();
    for (Map<String, Object> c : rows(t, "customers")) {
      income.put(c.get("id"), ((BigDecimal) c.get("income")).doubleValue());
    }
    List<Map<String, Object>> orders = rows(t, "orders");
    double[] x = new double[orders.size()];
    double[] y = new double[orders.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = income.get(orders.get(i).get("customer_id"));
      y[i] = (Double) orders.get(i).get("amount");
    }
    return pearson(x, y);
  }

  static double synthCountMean(
      List<Map<String, Object>> customers, List<Map<String, Object>> orders, String segment) {
    Map<Object, Integer> counts = new HashMap<>();
    for (Map<String, Object> o : orders) {
      counts.merge(o.get("customer_id"), 1, Integer::sum);
    }
    return customers.stream()
        .filter(c -> segment == null || c.get("segment").equals(segment))
        .mapToInt(c -> counts.getOrDefault(c.get("id"), 0))
        .average()
        .orElseThrow();
  }

  static double share(List<Map<String, Object>> rows, String column, Object value) {
    return rows.stream().filter(r -> value.equals(r.get(column))).count() / (double) rows.size();
  }

  static List<Double> column(List<Map<String, Object>> rows, String column) {
    return rows.stream().map(r -> ((Number) r.get(column)).doubleValue()).toList();
  }

  static double[] array(List<Map<String, Object>> rows, String column) {
    return rows.stream().mapToDouble(r -> ((Number) r.get(column)).doubleValue()).toArray();
  }
}
