package io.syndata.engine;

import static io.syndata.engine.PostgresTypesPipelineIT.generate;
import static io.syndata.engine.PostgresTypesPipelineIT.scalar;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A MariaDB schema with ENUM, SET, YEAR, unsigned integers, BIT, JSON, spatial, TEXT and BLOB
 * variants, each NOT NULL and nullable, a NOT NULL two-table cycle, CHECK constraints,
 * AUTO_INCREMENT keys and a generated column, generated with no options into MariaDB: the types
 * come back identical, the cycle is loaded with key checks suspended and verified, counters end
 * above the keys.
 */
class MariaDbTypesPipelineIT {
  private static final List<String> DDL =
      List.of(
          "SET foreign_key_checks = 0",
          "CREATE TABLE store (id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,"
              + " manager_id INT UNSIGNED NOT NULL, name VARCHAR(40) NOT NULL DEFAULT 'shop'"
              + " COMMENT 'what the sign says', UNIQUE KEY (manager_id)) COMMENT = 'one shop'",
          "CREATE TABLE staff (id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,"
              + " store_id INT UNSIGNED NOT NULL, first_name VARCHAR(30) NOT NULL,"
              + " FOREIGN KEY (store_id) REFERENCES store(id))",
          "ALTER TABLE store ADD CONSTRAINT store_manager_fk FOREIGN KEY (manager_id) REFERENCES staff(id)",
          "CREATE TABLE item (id INT NOT NULL PRIMARY KEY, store_id INT UNSIGNED NOT NULL,"
              + " size ENUM('s','m','l') NOT NULL, size2 ENUM('s','m','l'),"
              + " perks SET('a','b','c') NOT NULL, perks2 SET('a','b','c'),"
              + " made YEAR NOT NULL, made2 YEAR, qty SMALLINT UNSIGNED NOT NULL, big BIGINT UNSIGNED,"
              + " flags BIT(8) NOT NULL, flags2 BIT(4), doc JSON NOT NULL, doc2 JSON,"
              + " loc POINT NOT NULL, shape GEOMETRY, route LINESTRING, note TINYTEXT NOT NULL, body MEDIUMTEXT,"
              + " story LONGTEXT, pic BLOB NOT NULL, thumb TINYBLOB, raw VARBINARY(16),"
              + " amount DECIMAL(10,2) NOT NULL, status VARCHAR(10) NOT NULL,"
              + " starts DATE NOT NULL, ends DATE NOT NULL,"
              + " total DECIMAL(12,2) AS (amount * 2) STORED,"
              + " CONSTRAINT item_amount CHECK (amount BETWEEN 0 AND 1000),"
              + " CONSTRAINT item_status CHECK (status IN ('new', 'done')),"
              + " CONSTRAINT item_period CHECK (ends >= starts),"
              + " FOREIGN KEY (store_id) REFERENCES store(id))",
          "SET foreign_key_checks = 1");

  private static final List<String> DATA =
      List.of(
          "SET foreign_key_checks = 0",
          "INSERT INTO store (id, manager_id, name) SELECT seq, seq * 10 - 9, CONCAT('Shop ', seq % 4)"
              + " FROM seq_1_to_12",
          "INSERT INTO staff (id, store_id, first_name) SELECT seq, 1 + (seq - 1) DIV 10,"
              + " ELT(1 + seq % 5, 'Ann', 'Bob', 'Cid', 'Dan', 'Eve') FROM seq_1_to_120",
          "SET foreign_key_checks = 1",
          "INSERT INTO item (id, store_id, size, size2, perks, perks2, made, made2, qty, big, flags, flags2,"
              + " doc, doc2, loc, shape, route, note, body, story, pic, thumb, raw, amount, status, starts, ends)"
              + " SELECT seq, 1 + seq % 12, ELT(1 + seq % 3, 's', 'm', 'l'), IF(seq % 2 = 0, NULL, 'm'),"
              + " ELT(1 + seq % 3, 'a', 'a,b', 'b,c'), IF(seq % 2 = 0, NULL, 'c'), 1990 + seq % 30,"
              + " IF(seq % 3 = 0, NULL, 2001), 40000 + seq, IF(seq % 2 = 0, NULL, 18000000000000000000 + seq),"
              + " seq % 256, IF(seq % 2 = 0, NULL, b'1010'),"
              + " JSON_OBJECT('name', ELT(1 + seq % 3, 'red', 'blue', 'green'), 'size', seq % 10),"
              + " IF(seq % 4 = 0, NULL, JSON_ARRAY(seq % 5, 'x')),"
              + " POINT(seq * 0.5, seq * 0.25), IF(seq % 2 = 0, NULL, POINT(1, 2)),"
              + " IF(seq % 2 = 0, NULL, LINESTRING(POINT(seq, 1), POINT(seq + 1, 2))),"
              + " CONCAT('note ', seq % 9), IF(seq % 3 = 0, NULL, CONCAT('body text ', seq)),"
              + " IF(seq % 2 = 0, NULL, REPEAT('long story ', 20)), UNHEX(LPAD(HEX(seq), 8, '0')),"
              + " IF(seq % 2 = 0, NULL, UNHEX('FF00')), IF(seq % 3 = 0, NULL, UNHEX('0102')),"
              + " ROUND(RAND(seq) * 999, 2), ELT(1 + seq % 2, 'new', 'done'),"
              + " DATE '2023-01-01' + INTERVAL (seq % 300) DAY,"
              + " DATE '2023-01-01' + INTERVAL (seq % 300 + seq % 20) DAY FROM seq_1_to_400");

  private static String server;
  private static String source;
  private static final List<String[]> created = new ArrayList<>();

  @BeforeAll
  static void createSource() throws SQLException {
    server = TestServers.mariadb();
    source = TestServers.createDatabase(server, "synth_types_mariasrc");
    created.add(new String[] {server, source});
    try (Connection c = DriverManager.getConnection(source);
        Statement s = c.createStatement()) {
      for (String sql : DDL) {
        s.execute(sql);
      }
      for (String sql : DATA) {
        s.execute(sql);
      }
    }
  }

  @AfterAll
  static void dropDatabases() {
    for (String[] db : created) {
      TestServers.dropDatabase(db[0], db[1]);
    }
  }

  @Test
  void mariadbToMariadbRecreatesTypesExactlyAndEveryConstraintHolds() throws SQLException {
    String target = TestServers.createDatabase(server, "synth_types_mariadst");
    created.add(new String[] {server, target});

    RunReport report = generate(source, target);

    assertThat(report.writtenRows()).containsKeys("store", "staff", "item");
    assertThat(columns(target)).isEqualTo(columns(source));
    try (Connection c = DriverManager.getConnection(target);
        Statement s = c.createStatement()) {
      assertThat(
              scalar(
                  s, "SELECT COUNT(*) FROM store WHERE manager_id NOT IN (SELECT id FROM staff)"))
          .isZero();
      assertThat(
              scalar(s, "SELECT COUNT(*) FROM staff WHERE store_id NOT IN (SELECT id FROM store)"))
          .isZero();
      assertThat(
              scalar(
                  s,
                  "SELECT COUNT(*) FROM information_schema.CHECK_CONSTRAINTS"
                      + " WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'item'"))
          .isGreaterThanOrEqualTo(3);
      assertThat(scalar(s, "SELECT COUNT(*) FROM item WHERE ends < starts")).isZero();
      assertThat(scalar(s, "SELECT COUNT(*) FROM item WHERE total <> amount * 2")).isZero();
      assertThat(
              scalar(
                  s,
                  "SELECT AUTO_INCREMENT FROM information_schema.TABLES"
                      + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'staff'"))
          .isGreaterThan(scalar(s, "SELECT MAX(id) FROM staff"));
      assertThat(scalar(s, "SELECT COUNT(*) FROM item WHERE JSON_VALID(doc) = 0")).isZero();
      assertThat(scalar(s, "SELECT COUNT(*) FROM item WHERE JSON_EXISTS(doc, '$.name')"))
          .isGreaterThan(300);
      assertThat(scalar(s, "SELECT COUNT(*) FROM item WHERE ST_X(loc) IS NULL")).isZero();
      assertThat(scalar(s, "SELECT COUNT(*) FROM item WHERE ST_GeometryType(route) = 'LINESTRING'"))
          .isPositive();
      assertThat(scalar(s, "SELECT COUNT(*) FROM item WHERE LENGTH(pic) = 4")).isGreaterThan(300);
      assertThat(scalar(s, "SELECT MIN(qty) FROM item")).isGreaterThanOrEqualTo(0);
      assertThat(scalar(s, "SELECT COUNT(DISTINCT size) FROM item")).isEqualTo(3);
      assertThat(scalar(s, "SELECT COUNT(*) FROM item WHERE made < 1990 OR made > 2019")).isZero();
    }
  }

  @Test
  void mariadbToPostgresTakesTheClosestTypesAndKeepsTheCycleIntact() throws SQLException {
    String pg = TestServers.postgres();
    String target = TestServers.createDatabase(pg, "synth_types_mariapg");
    created.add(new String[] {pg, target});

    RunReport report = generate(source, target);

    assertThat(report.writtenRows()).containsKeys("store", "staff", "item");
    try (Connection c = DriverManager.getConnection(target);
        Statement s = c.createStatement()) {
      assertThat(
              scalar(
                  s, "SELECT COUNT(*) FROM store WHERE manager_id NOT IN (SELECT id FROM staff)"))
          .isZero();
      assertThat(scalar(s, "SELECT COUNT(*) FROM item WHERE doc ? 'name'")).isGreaterThan(300);
      assertThat(scalar(s, "SELECT COUNT(*) FROM item WHERE length(pic) = 4")).isGreaterThan(300);
      assertThat(scalar(s, "SELECT COUNT(*) FROM item WHERE size NOT IN ('s', 'm', 'l')")).isZero();
      assertThat(scalar(s, "SELECT COUNT(*) FROM item WHERE amount < 0 OR amount > 1000")).isZero();
    }
  }

  /** Every column's exact type, nullability, default, extra and comment, by table. */
  private static String columns(String url) throws SQLException {
    StringBuilder sb = new StringBuilder();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA,"
                    + " COLUMN_COMMENT, GENERATION_EXPRESSION FROM information_schema.COLUMNS"
                    + " WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
      while (rs.next()) {
        for (int i = 1; i <= 8; i++) {
          sb.append(rs.getString(i)).append(i == 8 ? "\n" : " | ");
        }
      }
    }
    return sb.toString();
  }
}
