package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PgShopIT {
  private static long count(String sql) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                System.getProperty("pg.url"),
                System.getProperty("pg.user"),
                System.getProperty("pg.password"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void seedsThreeTimesTheSampleWithIntactKeys() throws Exception {
    assertEquals(90, count("SELECT COUNT(*) FROM customers"));
    assertTrue(count("SELECT COUNT(*) FROM orders") > 90);
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM orders o LEFT JOIN customers c ON o.customer_id = c.id"
                + " WHERE c.id IS NULL"));
  }
}
