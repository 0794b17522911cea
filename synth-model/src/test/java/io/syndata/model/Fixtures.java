package io.syndata.model;

import io.syndata.data.InMemorySource;
import io.syndata.data.InMemoryTarget;
import io.syndata.data.Progress;
import io.syndata.model.fit.RelationalFit;
import io.syndata.schema.Column;
import io.syndata.schema.ColumnKind;
import io.syndata.schema.DataType;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Databases built in code with a known answer. */
final class Fixtures {
  private Fixtures() {}

  static Column col(String name, DataType type, boolean nullable) {
    return Column.of(name, type, nullable);
  }

  static Column col(String name, DataType type, boolean nullable, ColumnKind kind) {
    return new Column(name, type, "", 0, 0, 0, nullable, kind, Optional.empty(), false);
  }

  static Column pii(String name, String pii, int length) {
    return new Column(
        name,
        DataType.STRING,
        "varchar",
        length,
        0,
        0,
        false,
        ColumnKind.PII,
        Optional.of(pii),
        false);
  }

  static Column decimal(String name, int scale, boolean nullable) {
    return new Column(
        name,
        DataType.DECIMAL,
        "numeric",
        0,
        12,
        scale,
        nullable,
        ColumnKind.NUMERIC,
        Optional.empty(),
        false);
  }

  static ForeignKey fk(String name, String column, String parent, String parentColumn) {
    return new ForeignKey(name, List.of(column), parent, List.of(parentColumn), false);
  }

  static Table table(String name, List<Column> columns, List<String> pk, List<ForeignKey> fks) {
    return new Table(name, Optional.empty(), columns, pk, List.of(), fks, 0);
  }

  /**
   * A shop: customers (30% business, income rising with age), orders (business customers have about
   * 6, retail about 2; amount rising with the customer's income), products (a third popular), order
   * lines (popular products in 4x as many lines), a 1:1 profile for 60% of customers, and an event
   * log without primary key whose customer is null 10% of the time.
   */
  static InMemorySource shop(long seed, int customers) {
    Random random = new Random(seed);
    Table tCustomers =
        new Table(
            "customers",
            Optional.empty(),
            List.of(
                col("id", DataType.STRING, false, ColumnKind.ID),
                col("segment", DataType.STRING, false),
                decimal("income", 2, false),
                col("age", DataType.INTEGER, false),
                col("signup", DataType.DATE, false),
                pii("email", "email", 60),
                new Column(
                    "notes",
                    DataType.STRING,
                    "varchar",
                    30,
                    0,
                    0,
                    true,
                    ColumnKind.TEXT,
                    Optional.empty(),
                    false)),
            List.of("id"),
            List.of(List.of("email")),
            List.of(),
            0);
    Table tProducts =
        table(
            "products",
            List.of(
                col("id", DataType.INTEGER, false),
                col("popular", DataType.BOOLEAN, false),
                decimal("price", 2, false)),
            List.of("id"),
            List.of());
    Table tOrders =
        table(
            "orders",
            List.of(
                col("id", DataType.INTEGER, false),
                col("customer_id", DataType.STRING, false),
                col("amount", DataType.FLOAT, false),
                col("ordered_at", DataType.TIMESTAMP, false),
                col("status", DataType.STRING, false)),
            List.of("id"),
            List.of(fk("fk_orders_customer", "customer_id", "customers", "id")));
    Table tLines =
        table(
            "order_lines",
            List.of(
                col("order_id", DataType.INTEGER, false),
                col("line_no", DataType.INTEGER, false),
                col("product_id", DataType.INTEGER, false),
                col("qty", DataType.INTEGER, false)),
            List.of("order_id", "line_no"),
            List.of(
                fk("fk_lines_order", "order_id", "orders", "id"),
                fk("fk_lines_product", "product_id", "products", "id")));
    Table tProfiles =
        table(
            "profiles",
            List.of(
                col("customer_id", DataType.STRING, false),
                new Column(
                    "bio",
                    DataType.STRING,
                    "text",
                    0,
                    0,
                    0,
                    false,
                    ColumnKind.TEXT,
                    Optional.empty(),
                    false)),
            List.of("customer_id"),
            List.of(fk("fk_profile_customer", "customer_id", "customers", "id")));
    Table tEvents =
        table(
            "events",
            List.of(
                col("customer_id", DataType.STRING, true),
                col("kind", DataType.STRING, false),
                col("at", DataType.TIMESTAMP, false)),
            List.of(),
            List.of(fk("fk_events_customer", "customer_id", "customers", "id")));
    Schema schema = new Schema(List.of(tCustomers, tProducts, tOrders, tLines, tProfiles, tEvents));

    Map<String, List<Object[]>> rows = new LinkedHashMap<>();
    List<Object[]> cs = new ArrayList<>();
    for (int i = 0; i < customers; i++) {
      boolean business = random.nextDouble() < 0.3;
      long age = 20 + random.nextInt(50);
      double income =
          20_000 + 1_000 * age + random.nextGaussian() * 8_000 + (business ? 30_000 : 0);
      cs.add(
          new Object[] {
            String.format("C-%06d", 101 + i),
            business ? "business" : "retail",
            BigDecimal.valueOf(income).setScale(2, RoundingMode.HALF_UP),
            age,
            LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3000)),
            "real.person" + i + "@example-real.org",
            random.nextDouble() < 0.2
                ? null
                : "Ref "
                    + (char) ('A' + random.nextInt(26))
                    + "Q-"
                    + (10000 + random.nextInt(89999))
          });
    }
    rows.put("customers", cs);
    List<Object[]> ps = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ps.add(
          new Object[] {
            (long) (1 + i), i % 3 == 0, BigDecimal.valueOf(5 + random.nextInt(9500), 2)
          });
    }
    rows.put("products", ps);
    List<Object[]> os = new ArrayList<>();
    List<Object[]> ls = new ArrayList<>();
    List<Object[]> prof = new ArrayList<>();
    List<Object[]> ev = new ArrayList<>();
    long orderId = 5001;
    String[] statuses = {"new", "paid", "paid", "paid", "shipped", "shipped", "cancelled"};
    for (Object[] c : cs) {
      boolean business = c[1].equals("business");
      int orders = business ? 3 + random.nextInt(7) : random.nextInt(5);
      double income = ((BigDecimal) c[2]).doubleValue();
      for (int o = 0; o < orders; o++) {
        double amount =
            Math.round(income / 1000 * Math.exp(random.nextGaussian() * 0.3) * 100) / 100.0;
        os.add(
            new Object[] {
              orderId,
              c[0],
              amount,
              LocalDateTime.of(2022, 1, 1, 0, 0).plusSeconds(random.nextInt(60 * 86_400)),
              statuses[random.nextInt(statuses.length)]
            });
        int lines = 1 + random.nextInt(4);
        for (int l = 1; l <= lines; l++) {
          // Popular products (every third) are four times as likely.
          long product;
          do {
            product = 1 + random.nextInt(40);
          } while ((product - 1) % 3 != 0 && random.nextDouble() < 0.75);
          ls.add(new Object[] {orderId, (long) l, product, (long) (1 + random.nextInt(5))});
        }
        orderId++;
      }
      if (random.nextDouble() < 0.6) {
        prof.add(
            new Object[] {
              c[0],
              "Real biography of customer "
                  + c[0]
                  + " who likes long walks and tea "
                  + random.nextInt(1000)
            });
      }
      for (int e = random.nextInt(3); e > 0; e--) {
        ev.add(
            new Object[] {
              c[0],
              random.nextBoolean() ? "login" : "view",
              LocalDateTime.of(2023, 1, 1, 0, 0).plusSeconds(random.nextInt(86_400 * 30))
            });
      }
    }
    for (int e = 0; e < ev.size() / 9; e++) {
      ev.add(
          new Object[] {
            null, "view", LocalDateTime.of(2023, 2, 1, 0, 0).plusSeconds(random.nextInt(86_400))
          });
    }
    rows.put("orders", os);
    rows.put("order_lines", ls);
    rows.put("profiles", prof);
    rows.put("events", ev);
    return InMemorySource.ofRows(schema, rows);
  }

  static SynthModel fit(InMemorySource source, FitOptions options) {
    return RelationalFit.fit(ForeignKeyGraph.of(source.schema()), source, options, Progress.NONE);
  }

  static InMemoryTarget generate(SynthModel model, GenerationOptions options) {
    InMemoryTarget target = new InMemoryTarget();
    target.begin(model.graph().schema());
    Generator.generate(model, options, target, Progress.NONE);
    target.commit();
    return target;
  }

  static GenerationOptions seed(long seed) {
    return new GenerationOptions(1, Map.of(), seed);
  }

  /** Rows of a table as maps from column to value. */
  static List<Map<String, Object>> rows(InMemoryTarget target, String table) {
    List<String> columns = target.columns(table);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object[] row : target.rows(table)) {
      Map<String, Object> m = new HashMap<>();
      for (int c = 0; c < columns.size(); c++) {
        m.put(columns.get(c), row[c]);
      }
      out.add(m);
    }
    return out;
  }

  static List<Map<String, Object>> rows(InMemorySource source, String table) {
    Table t = source.schema().table(table);
    List<String> columns = t.columns().stream().map(Column::name).toList();
    List<Map<String, Object>> out = new ArrayList<>();
    source.scan(
        t,
        columns,
        batch -> {
          for (int r = 0; r < batch.size(); r++) {
            Map<String, Object> m = new HashMap<>();
            for (int c = 0; c < columns.size(); c++) {
              m.put(columns.get(c), batch.value(c, r));
            }
            out.add(m);
          }
        });
    return out;
  }

  static double mean(List<? extends Number> xs) {
    return xs.stream().mapToDouble(Number::doubleValue).average().orElse(Double.NaN);
  }

  static double pearson(double[] x, double[] y) {
    double mx = java.util.Arrays.stream(x).average().orElseThrow();
    double my = java.util.Arrays.stream(y).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }
}
