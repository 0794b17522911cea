package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Runs against the database that synth:generate seeded in pre-integration-test. */
class ShopIT {
  private static long count(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(System.getProperty("test.db"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void theTestDatabaseIsSeededAtTheAskedScale() throws Exception {
    // sample-data holds 60 customers; root tables scale, children follow. -Dsynth.rows=customers=N
    // asks for N exactly.
    String rows = System.getProperty("synth.rows", "");
    long expected =
        rows.startsWith("customers=")
            ? Long.parseLong(rows.substring("customers=".length()))
            : Math.round(60 * Double.parseDouble(System.getProperty("synth.scale", "1")));
    assertEquals(expected, count("SELECT COUNT(*) FROM customers"));
    assertTrue(count("SELECT COUNT(*) FROM orders") > 0);
  }

  @Test
  void everyOrderBelongsToACustomer() throws Exception {
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM orders o LEFT JOIN customers c ON o.customer_id = c.id"
                + " WHERE c.id IS NULL"));
  }
}
