package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.syndata.junit.SynthDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** An embedded database seeded with half the sample's customers, before these tests run. */
@SynthDatabase(model = "classpath:shop.synth", scale = 0.5, seed = 1)
class ShopTest {
  private static long count(DataSource db, String sql) throws Exception {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void seedsHalfTheSamplesCustomers(DataSource db) throws Exception {
    assertEquals(30, count(db, "SELECT COUNT(*) FROM customers"));
    assertTrue(count(db, "SELECT COUNT(*) FROM orders") > 0);
  }

  @Test
  void everyOrderBelongsToACustomer(DataSource db) throws Exception {
    assertEquals(
        0,
        count(
            db,
            "SELECT COUNT(*) FROM orders o LEFT JOIN customers c ON o.customer_id = c.id"
                + " WHERE c.id IS NULL"));
  }
}
