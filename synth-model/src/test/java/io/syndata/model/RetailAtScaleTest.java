package io.syndata.model;

import static io.syndata.model.Fixtures.col;
import static io.syndata.model.Fixtures.decimal;
import static io.syndata.model.Fixtures.fk;
import static io.syndata.model.Fixtures.pii;
import static io.syndata.model.Fixtures.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.data.InMemorySource;
import io.syndata.data.InMemoryTarget;
import io.syndata.schema.ColumnKind;
import io.syndata.schema.DataType;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A retail schema with every relational shape the partitioned generator must handle at once, made
 * large enough to be cut into several partitions: a lookup root, a NOT NULL/nullable cycle (a
 * store's manager works in a store), a self-reference, secondary foreign keys into other stages, a
 * composite key numbered within its parent, a one-to-one child, a junction table and a unique
 * personal column.
 */
class RetailAtScaleTest {
  static InMemorySource source;
  static SynthModel model;

  @BeforeAll
  static void fit() {
    source = retail(new Random(3));
    model = Fixtures.fit(source, FitOptions.defaults(1));
  }

  static InMemorySource retail(Random random) {
    Table currencies =
        table(
            "currencies",
            List.of(
                col("code", DataType.STRING, false, ColumnKind.ID),
                col("name", DataType.STRING, false)),
            List.of("code"),
            List.of());
    Table stores =
        table(
            "stores",
            List.of(
                col("id", DataType.INTEGER, false),
                col("city", DataType.STRING, false),
                col("manager_id", DataType.INTEGER, true)),
            List.of("id"),
            List.of(fk("fk_store_manager", "manager_id", "staff", "id")));
    Table staff =
        table(
            "staff",
            List.of(
                col("id", DataType.INTEGER, false),
                col("store_id", DataType.INTEGER, false),
                col("grade", DataType.STRING, false)),
            List.of("id"),
            List.of(fk("fk_staff_store", "store_id", "stores", "id")));
    Table customers =
        new Table(
            "customers",
            java.util.Optional.empty(),
            List.of(
                col("id", DataType.INTEGER, false),
                col("segment", DataType.STRING, false),
                decimal("income", 2, false),
                pii("email", "email", 60),
                col("referred_by", DataType.INTEGER, true)),
            List.of("id"),
            List.of(List.of("email")),
            List.of(fk("fk_referrer", "referred_by", "customers", "id")),
            0);
    Table products =
        table(
            "products",
            List.of(
                col("id", DataType.INTEGER, false),
                decimal("price", 2, false),
                col("currency", DataType.STRING, false)),
            List.of("id"),
            List.of(fk("fk_product_currency", "currency", "currencies", "code")));
    Table tags =
        table(
            "tags",
            List.of(col("id", DataType.INTEGER, false), col("label", DataType.STRING, false)),
            List.of("id"),
            List.of());
    Table productTags =
        table(
            "product_tags",
            List.of(
                col("product_id", DataType.INTEGER, false), col("tag_id", DataType.INTEGER, false)),
            List.of("product_id", "tag_id"),
            List.of(
                fk("fk_pt_product", "product_id", "products", "id"),
                fk("fk_pt_tag", "tag_id", "tags", "id")));
    Table orders =
        table(
            "orders",
            List.of(
                col("id", DataType.INTEGER, false),
                col("customer_id", DataType.INTEGER, false),
                col("store_id", DataType.INTEGER, false),
                col("clerk_id", DataType.INTEGER, true),
                col("placed", DataType.DATE, false)),
            List.of("id"),
            List.of(
                fk("fk_order_customer", "customer_id", "customers", "id"),
                fk("fk_order_store", "store_id", "stores", "id"),
                fk("fk_order_clerk", "clerk_id", "staff", "id")));
    Table lines =
        table(
            "order_lines",
            List.of(
                col("order_id", DataType.INTEGER, false),
                col("line_no", DataType.INTEGER, false),
                col("product_id", DataType.INTEGER, false),
                col("quantity", DataType.INTEGER, false)),
            List.of("order_id", "line_no"),
            List.of(
                fk("fk_line_order", "order_id", "orders", "id"),
                fk("fk_line_product", "product_id", "products", "id")));
    Table payments =
        table(
            "payments",
            List.of(
                col("order_id", DataType.INTEGER, false),
                decimal("amount", 2, false),
                col("method", DataType.STRING, false)),
            List.of("order_id"),
            List.of(fk("fk_payment_order", "order_id", "orders", "id")));

    Map<String, List<Object[]>> rows = new LinkedHashMap<>();
    List<Object[]> cur = new ArrayList<>();
    for (String code : List.of("EUR", "USD", "GBP", "CHF", "JPY")) {
      cur.add(new Object[] {code, code.toLowerCase()});
    }
    List<Object[]> st = new ArrayList<>();
    List<Object[]> sf = new ArrayList<>();
    long staffId = 1;
    for (long s = 1; s <= 12; s++) {
      long first = staffId;
      for (int k = 0; k < 3 + random.nextInt(5); k++) {
        sf.add(new Object[] {staffId++, s, random.nextBoolean() ? "senior" : "junior"});
      }
      st.add(new Object[] {s, "city" + (s % 4), s % 5 == 0 ? null : first});
    }
    List<Object[]> cu = new ArrayList<>();
    for (long c = 1; c <= 1500; c++) {
      cu.add(
          new Object[] {
            c,
            random.nextInt(3) == 0 ? "business" : "private",
            BigDecimal.valueOf(20_000 + random.nextInt(80_000), 0).setScale(2),
            "c" + c + "@example.com",
            c > 10 && random.nextInt(4) == 0 ? (long) (1 + random.nextInt((int) c - 1)) : null
          });
    }
    List<Object[]> pr = new ArrayList<>();
    for (long p = 1; p <= 200; p++) {
      pr.add(
          new Object[] {
            p, BigDecimal.valueOf(100 + random.nextInt(10_000), 2), cur.get(random.nextInt(3))[0]
          });
    }
    List<Object[]> tg = new ArrayList<>();
    for (long t = 1; t <= 15; t++) {
      tg.add(new Object[] {t, "tag" + t});
    }
    List<Object[]> pt = new ArrayList<>();
    for (long p = 1; p <= 200; p++) {
      Set<Long> seen = new HashSet<>();
      for (int k = random.nextInt(4); k > 0; k--) {
        long t = 1 + random.nextInt(15);
        if (seen.add(t)) {
          pt.add(new Object[] {p, t});
        }
      }
    }
    List<Object[]> or = new ArrayList<>();
    List<Object[]> li = new ArrayList<>();
    List<Object[]> pa = new ArrayList<>();
    long orderId = 1;
    for (long c = 1; c <= 1500; c++) {
      for (int k = random.nextInt(5); k > 0; k--) {
        long store = 1 + random.nextInt(12);
        Object clerk =
            random.nextInt(3) == 0 ? null : (Object) (long) (1 + random.nextInt(sf.size()));
        or.add(
            new Object[] {
              orderId, c, store, clerk, LocalDate.of(2024, 1, 1).plusDays(random.nextInt(365))
            });
        int n = 1 + random.nextInt(4);
        for (long l = 1; l <= n; l++) {
          li.add(new Object[] {orderId, l, 1L + random.nextInt(200), 1L + random.nextInt(5)});
        }
        if (random.nextInt(10) < 9) {
          pa.add(
              new Object[] {
                orderId,
                BigDecimal.valueOf(500 + random.nextInt(50_000), 2),
                random.nextBoolean() ? "card" : "cash"
              });
        }
        orderId++;
      }
    }
    rows.put("currencies", cur);
    rows.put("stores", st);
    rows.put("staff", sf);
    rows.put("customers", cu);
    rows.put("products", pr);
    rows.put("tags", tg);
    rows.put("product_tags", pt);
    rows.put("orders", or);
    rows.put("order_lines", li);
    rows.put("payments", pa);
    return InMemorySource.ofRows(
        new Schema(
            List.of(
                currencies,
                stores,
                staff,
                customers,
                products,
                tags,
                productTags,
                orders,
                lines,
                payments)),
        rows);
  }

  static List<List<Object>> rows(InMemoryTarget t, String table) {
    return t.rows(table).stream().map(Arrays::asList).toList();
  }

  @Test
  void everyShapeHoldsAcrossPartitionsAndThreads() {
    GenerationOptions one = new GenerationOptions(16, Map.of(), 5, 1);
    GenerationPlan plan = GenerationPlan.of(model, one);
    int customerStage = plan.table("customers").stage();
    assertThat(plan.stages().get(customerStage).partitions())
        .as("customers and their orders must span several partitions")
        .isGreaterThan(3);
    InMemoryTarget single = Fixtures.generate(model, one);
    InMemoryTarget parallel = Fixtures.generate(model, one.withThreads(3));
    Integrity.check(source.schema(), single);
    for (String table : single.tables()) {
      assertThat(rows(parallel, table).equals(rows(single, table)))
          .as(table + " on 3 threads")
          .isTrue();
    }
    // Planned counts are exact for roots and for children of few parents alike.
    for (GenerationPlan.TablePlan t : plan.tables()) {
      if (!t.table().equals("product_tags")) {
        assertThat((long) single.rowCount(t.table())).as(t.table()).isEqualTo(t.rows());
      }
    }
    assertThat(single.rowCount("customers")).isEqualTo(24_000);
    // A deferred manager works in the store he manages.
    Map<Object, Object> storeOfStaff = new java.util.HashMap<>();
    for (List<Object> s : rows(single, "staff")) {
      storeOfStaff.put(s.get(0), s.get(1));
    }
    long managed = 0;
    for (List<Object> s : rows(single, "stores")) {
      if (s.get(2) != null) {
        managed++;
        assertThat(storeOfStaff.get(s.get(2))).isEqualTo(s.get(0));
      }
    }
    assertThat(managed).isPositive();
    // Order lines are numbered 1, 2, ... within each order, and products keep a long tail.
    Map<Object, Long> linesPerOrder = new java.util.HashMap<>();
    for (List<Object> l : rows(single, "order_lines")) {
      long next = linesPerOrder.merge(l.get(0), 1L, Long::sum);
      assertThat(l.get(1)).isEqualTo(next);
    }
    long referred =
        single.column("customers", "referred_by").stream().filter(Objects::nonNull).count();
    assertThat(referred).isBetween(24_000L / 8, 24_000L / 3);
  }
}
