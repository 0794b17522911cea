package io.syndata.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.engine.TestServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The extension against the test environment's PostgreSQL, in a database of its own. */
class SynthDatabasePostgresIT {
  private static final String PROPERTY = "synth.junit.it.pg";
  private static String server;
  private static String database;

  @BeforeAll
  static void createDatabase() throws Exception {
    ShopModel.ensure();
    server = TestServers.postgres();
    database = TestServers.createDatabase(server, "synth_plugin_junit");
    System.setProperty(PROPERTY, database);
  }

  @AfterAll
  static void dropDatabase() {
    System.clearProperty(PROPERTY);
    if (database != null) {
      TestServers.dropDatabase(server, database);
    }
  }

  @SynthDatabase(model = ShopModel.RESOURCE, scale = 2, seed = 4, url = "${" + PROPERTY + "}")
  static class Seeded {
    @Test
    void seedsThePostgresDatabaseWithIntactKeys(DataSource db) throws Exception {
      assertThat(ShopModel.scalar(db, "SELECT COUNT(*) FROM customers")).isEqualTo(400);
      assertThat(ShopModel.scalar(db, "SELECT COUNT(*) FROM orders")).isGreaterThan(400);
      assertThat(ShopModel.orphans(db)).isZero();
      try (var c = db.getConnection()) {
        assertThat(c.getMetaData().getURL()).startsWith("jdbc:postgresql:");
      }
    }
  }

  @Test
  void seedsBeforeTheClassAndEmptiesTheTablesAfterwithoutDroppingThem() throws Exception {
    assertThat(Classes.run(Seeded.class, 1)).isEmpty();
    try (Connection c = DriverManager.getConnection(database);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM customers")) {
      rs.next();
      assertThat(rs.getLong(1)).isZero();
    }
    // A second class seeds the emptied tables again.
    assertThat(Classes.run(Seeded.class, 1)).isEmpty();
  }
}
