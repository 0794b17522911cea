package io.syndata.cli;

import io.syndata.schema.SynthException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Builds the demo's sample shop in an embedded H2 database, from a documented random process with
 * known skews and correlations (docs/demo.md):
 *
 * <ul>
 *   <li>customers: segment consumer 70 %, business 20 %, premium 10 %; country Zipf-skewed over
 *       eight countries; age normal(38, 11) clipped to 18–90, premium customers 8 years older; 30 %
 *       were referred by an earlier customer (a self-reference);
 *   <li>products: SKU {@code P-00001…}; five categories; price log-normal with a per-category
 *       median;
 *   <li>orders: per customer Poisson(2) for consumers, Poisson(4) business, Poisson(7) premium; an
 *       order date after sign-up; 20 % carry a coupon;
 *   <li>order_lines: 1 + Geometric(0.5) lines per order, keyed (order_id, line_no); products chosen
 *       Zipf-skewed; cheaper products are bought in larger quantities; coupons lower the price.
 * </ul>
 */
final class DemoShop {
  private static final String[] COUNTRIES = {"DE", "FR", "GB", "US", "ES", "IT", "NL", "PL"};
  private static final String[] CATEGORIES = {"books", "games", "garden", "electronics", "kitchen"};
  private static final double[] CATEGORY_MEDIAN = {14, 45, 30, 220, 35};
  private static final String[] FIRST_NAMES = {
    "Anna", "Ben", "Clara", "David", "Ella", "Finn", "Greta", "Hugo", "Ida", "Jonas", "Kira",
    "Lukas", "Mia", "Noah", "Olivia", "Paul"
  };

  private DemoShop() {}

  /** Creates and fills the shop; returns the number of rows written. */
  static long build(String jdbcUrl, int customers, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    try (Connection c = DriverManager.getConnection(jdbcUrl)) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute(
            "CREATE TABLE customers (id INTEGER PRIMARY KEY, email VARCHAR(80) NOT NULL UNIQUE,"
                + " first_name VARCHAR(40) NOT NULL, country CHAR(2) NOT NULL, segment VARCHAR(10) NOT NULL,"
                + " age INTEGER NOT NULL, signup_date DATE NOT NULL, referred_by INTEGER REFERENCES customers(id))");
        s.execute(
            "CREATE TABLE products (id INTEGER PRIMARY KEY, sku VARCHAR(10) NOT NULL UNIQUE,"
                + " category VARCHAR(20) NOT NULL, price DECIMAL(10,2) NOT NULL, in_stock BOOLEAN NOT NULL)");
        s.execute(
            "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id),"
                + " order_date DATE NOT NULL, status VARCHAR(12) NOT NULL, channel VARCHAR(8) NOT NULL, coupon VARCHAR(12))");
        s.execute(
            "CREATE TABLE order_lines (order_id INTEGER NOT NULL REFERENCES orders(id), line_no INTEGER NOT NULL,"
                + " product_id INTEGER NOT NULL REFERENCES products(id), quantity INTEGER NOT NULL,"
                + " unit_price DECIMAL(10,2) NOT NULL, PRIMARY KEY (order_id, line_no))");
      }
      long rows = 0;
      int productCount = Math.max(20, customers / 15);
      double[] price = new double[productCount + 1];
      try (PreparedStatement p = c.prepareStatement("INSERT INTO products VALUES (?,?,?,?,?)")) {
        for (int id = 1; id <= productCount; id++) {
          int cat = zipf(rng, CATEGORIES.length, 0.8);
          price[id] =
              Math.round(CATEGORY_MEDIAN[cat] * Math.exp(0.5 * rng.nextGaussian()) * 100) / 100.0;
          p.setInt(1, id);
          p.setString(2, String.format("P-%05d", id));
          p.setString(3, CATEGORIES[cat]);
          p.setBigDecimal(
              4,
              java.math.BigDecimal.valueOf(price[id]).setScale(2, java.math.RoundingMode.HALF_UP));
          p.setBoolean(5, rng.nextDouble() < 0.85);
          p.addBatch();
          rows++;
        }
        p.executeBatch();
      }
      int orderId = 0;
      try (PreparedStatement cu =
              c.prepareStatement("INSERT INTO customers VALUES (?,?,?,?,?,?,?,?)");
          PreparedStatement o = c.prepareStatement("INSERT INTO orders VALUES (?,?,?,?,?,?)");
          PreparedStatement l = c.prepareStatement("INSERT INTO order_lines VALUES (?,?,?,?,?)")) {
        LocalDate start = LocalDate.of(2021, 1, 1);
        for (int id = 1; id <= customers; id++) {
          double u = rng.nextDouble();
          String segment = u < 0.7 ? "consumer" : u < 0.9 ? "business" : "premium";
          String name = FIRST_NAMES[rng.nextInt(FIRST_NAMES.length)];
          int age =
              (int)
                  Math.round(
                      Math.max(
                          18,
                          Math.min(
                              90,
                              38 + 11 * rng.nextGaussian() + (segment.equals("premium") ? 8 : 0))));
          LocalDate signup = start.plusDays(rng.nextInt(3 * 365));
          cu.setInt(1, id);
          cu.setString(2, name.toLowerCase() + "." + id + "@example.com");
          cu.setString(3, name);
          cu.setString(4, COUNTRIES[zipf(rng, COUNTRIES.length, 1.1)]);
          cu.setString(5, segment);
          cu.setInt(6, age);
          cu.setObject(7, signup);
          if (id > 1 && rng.nextDouble() < 0.3) {
            cu.setInt(8, 1 + rng.nextInt(id - 1));
          } else {
            cu.setNull(8, java.sql.Types.INTEGER);
          }
          cu.addBatch();
          rows++;
          int orders =
              poisson(rng, segment.equals("consumer") ? 2 : segment.equals("business") ? 4 : 7);
          for (int k = 0; k < orders; k++) {
            orderId++;
            double s = rng.nextDouble();
            String coupon = rng.nextDouble() < 0.2 ? "SAVE" + (5 * (1 + rng.nextInt(4))) : null;
            o.setInt(1, orderId);
            o.setInt(2, id);
            o.setObject(3, signup.plusDays((long) (-60 * Math.log(1 - rng.nextDouble()))));
            o.setString(
                4,
                s < 0.8 ? "delivered" : s < 0.9 ? "shipped" : s < 0.97 ? "cancelled" : "returned");
            o.setString(
                5,
                rng.nextDouble() < (segment.equals("premium") ? 0.6 : 0.25)
                    ? "app"
                    : rng.nextDouble() < 0.8 ? "web" : "store");
            o.setString(6, coupon);
            o.addBatch();
            rows++;
            int lines = 1;
            while (rng.nextDouble() < 0.5) {
              lines++;
            }
            double discount = coupon == null ? 0 : Integer.parseInt(coupon.substring(4)) / 100.0;
            for (int line = 1; line <= lines; line++) {
              int product = 1 + zipf(rng, productCount, 0.9);
              l.setInt(1, orderId);
              l.setInt(2, line);
              l.setInt(3, product);
              l.setInt(4, 1 + poisson(rng, Math.max(0.1, 3.0 - Math.log10(price[product]))));
              l.setBigDecimal(
                  5,
                  java.math.BigDecimal.valueOf(price[product] * (1 - discount))
                      .setScale(2, java.math.RoundingMode.HALF_UP));
              l.addBatch();
              rows++;
            }
          }
        }
        cu.executeBatch();
        o.executeBatch();
        l.executeBatch();
      }
      c.commit();
      return rows;
    } catch (SQLException e) {
      throw new SynthException(
          "cannot build the demo database at " + jdbcUrl + ": " + e.getMessage(), e);
    }
  }

  /** A Zipf-like draw in [0, n): weight 1/(k+1)^s. */
  private static int zipf(SplittableRandom rng, int n, double s) {
    double total = 0;
    for (int k = 0; k < n; k++) {
      total += 1 / Math.pow(k + 1, s);
    }
    double u = rng.nextDouble() * total;
    for (int k = 0; k < n; k++) {
      u -= 1 / Math.pow(k + 1, s);
      if (u <= 0) {
        return k;
      }
    }
    return n - 1;
  }

  private static int poisson(SplittableRandom rng, double mean) {
    double l = Math.exp(-mean);
    double p = 1;
    int k = 0;
    do {
      k++;
      p *= rng.nextDouble();
    } while (p > l);
    return k - 1;
  }
}
