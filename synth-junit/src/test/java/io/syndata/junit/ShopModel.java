package io.syndata.junit;

import io.syndata.engine.Model;
import io.syndata.engine.SynData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * A small model file, trained once per test JVM from a shop built in code (no real data), written
 * to target/test-classes so that {@code classpath:junit-shop.synth} finds it.
 */
final class ShopModel {
  static final String RESOURCE = "classpath:junit-shop.synth";
  private static final String SOURCE =
      "jdbc:h2:mem:junit_shop_source;DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
  private static boolean trained;

  private ShopModel() {}

  static synchronized void ensure() throws Exception {
    if (trained) {
      return;
    }
    Path file = Path.of("target", "test-classes", "junit-shop.synth");
    Files.createDirectories(file.getParent());
    try (Connection c = DriverManager.getConnection(SOURCE);
        Statement s = c.createStatement()) {
      s.execute("DROP ALL OBJECTS");
      s.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, age INT)");
      s.execute(
          "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL REFERENCES"
              + " customers(id), amount DECIMAL(8,2))");
      s.execute(
          "INSERT INTO customers SELECT \"X\", 'c' || MOD(\"X\", 9), 18 + MOD(\"X\", 50)"
              + " FROM SYSTEM_RANGE(1, 200)");
      s.execute(
          "INSERT INTO orders SELECT \"X\", 1 + MOD(\"X\" * 13, 200), MOD(\"X\", 97) + 0.5"
              + " FROM SYSTEM_RANGE(1, 600)");
    }
    try (Model model = SynData.from(SOURCE).seed(1).fit()) {
      model.save(file);
    }
    trained = true;
  }

  static long scalar(javax.sql.DataSource ds, String query) throws Exception {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static long orphans(javax.sql.DataSource ds) throws Exception {
    return scalar(
        ds,
        "SELECT COUNT(*) FROM orders o LEFT JOIN customers c ON o.customer_id = c.id"
            + " WHERE c.id IS NULL");
  }
}
