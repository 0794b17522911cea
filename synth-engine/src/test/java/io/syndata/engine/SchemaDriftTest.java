package io.syndata.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.SynthException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class SchemaDriftTest {
  private static final String SOURCE = "jdbc:h2:mem:drift_source;DB_CLOSE_DELAY=-1";
  private static final String TARGET = "jdbc:h2:mem:drift_target;DB_CLOSE_DELAY=-1";

  private static void sql(String url, String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      for (String q : statements) {
        s.execute(q);
      }
    }
  }

  private static long scalar(String url, String query) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Model trainedShop() throws Exception {
    sql(
        SOURCE,
        "DROP ALL OBJECTS",
        "CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, age INT)",
        "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL REFERENCES"
            + " customers(id), note VARCHAR(10))",
        "INSERT INTO customers SELECT x, 'name' || MOD(x, 7), 20 + MOD(x, 40)"
            + " FROM SYSTEM_RANGE(1, 200)",
        "INSERT INTO orders SELECT x, 1 + MOD(x * 7, 200), 'n' || MOD(x, 3)"
            + " FROM SYSTEM_RANGE(1, 500)");
    return SynData.from(SOURCE).seed(3).fit();
  }

  @Test
  void migratedTargetIsReportedLineByLineAndStillSeeded() throws Exception {
    try (Model model = trainedShop()) {
      // A migration after training: a wider name, a new NOT NULL column, a new nullable one with
      // a default, a dropped column and a new table.
      sql(
          TARGET,
          "DROP ALL OBJECTS",
          "CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(200) NOT NULL, age INT,"
              + " tier VARCHAR(4) NOT NULL, score DECIMAL(5,2), active BOOLEAN DEFAULT TRUE)",
          "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL REFERENCES"
              + " customers(id))",
          "CREATE TABLE audit_log (id INT PRIMARY KEY)");
      SchemaDrift drift = SchemaDrift.read(model.schema(), TARGET);

      assertThat(drift.lines())
          .containsExactlyInAnyOrder(
              "column CUSTOMERS.NAME changed from CHARACTER VARYING(20) to CHARACTER VARYING(200):"
                  + " widened, accepted",
              "column CUSTOMERS.TIER (CHARACTER VARYING(4) NOT NULL) is new in the target:"
                  + " filled by the fallback generator",
              "column CUSTOMERS.SCORE (DECIMAL(5,2)) is new in the target:"
                  + " filled with type-appropriate values",
              "column CUSTOMERS.ACTIVE (BOOLEAN) is new in the target: filled by its default",
              "column ORDERS.NOTE is gone from the target: it is not written",
              "table AUDIT_LOG is new in the target (not in the model): it is left empty");

      RunReport run =
          SynData.generate(
              model.synthModel(),
              drift.adapt(SynData.openTarget(TARGET), 5),
              model.generate().seed(5).threads(2).options(),
              io.syndata.data.Progress.NONE);
      assertThat(run.writtenRows()).containsEntry("CUSTOMERS", 200L).containsEntry("ORDERS", 500L);
      assertThat(scalar(TARGET, "SELECT COUNT(*) FROM customers WHERE tier IS NULL")).isZero();
      assertThat(scalar(TARGET, "SELECT COUNT(*) FROM customers WHERE score IS NULL")).isZero();
      assertThat(scalar(TARGET, "SELECT COUNT(*) FROM customers WHERE active")).isEqualTo(200);
      assertThat(scalar(TARGET, "SELECT MAX(LENGTH(tier)) FROM customers")).isLessThanOrEqualTo(4);
      assertThat(scalar(TARGET, "SELECT COUNT(DISTINCT tier) FROM customers")).isGreaterThan(50);
      assertThat(scalar(TARGET, "SELECT COUNT(*) FROM audit_log")).isZero();
    }
  }

  @Test
  void targetWithoutTheModelsTablesHasNoDrift() throws Exception {
    try (Model model = trainedShop()) {
      sql(TARGET, "DROP ALL OBJECTS", "CREATE TABLE unrelated (id INT)");
      assertThat(SchemaDrift.read(model.schema(), TARGET).isEmpty()).isTrue();
    }
  }

  @Test
  void aNewEmbeddedDatabaseHasNoDriftAndIsCreatedAsBefore(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    try (Model model = trainedShop()) {
      for (String url :
          java.util.List.of(
              "jdbc:sqlite:" + dir.resolve("new.sqlite"),
              "jdbc:duckdb:" + dir.resolve("new.duckdb"),
              "jdbc:h2:" + dir.resolve("new-h2"))) {
        assertThat(SchemaDrift.read(model.schema(), url).isEmpty()).as(url).isTrue();
        assertThat(model.generate().seed(1).to(url).writtenRows())
            .as(url)
            .containsEntry("ORDERS", 500L);
      }
    }
  }

  @Test
  void cleanEmptiesOnlyTheModelsTables() throws Exception {
    try (Model model = trainedShop()) {
      sql(
          TARGET,
          "DROP ALL OBJECTS",
          "CREATE TABLE keep_me (id INT)",
          "INSERT INTO keep_me VALUES (1)");
      model.generate().seed(1).to(TARGET);
      assertThat(TargetTables.empty(TARGET, model.schema()))
          .containsExactly(
              java.util.Map.entry("ORDERS", 500L), java.util.Map.entry("CUSTOMERS", 200L));
      assertThat(scalar(TARGET, "SELECT COUNT(*) FROM customers")).isZero();
      assertThat(scalar(TARGET, "SELECT COUNT(*) FROM keep_me")).isEqualTo(1);
      // Emptied tables are seeded again.
      assertThat(model.generate().seed(1).to(TARGET).writtenRows()).containsEntry("ORDERS", 500L);
    }
  }

  @Test
  void aDroppedKeyColumnAsksForRetraining() throws Exception {
    try (Model model = trainedShop()) {
      sql(
          TARGET,
          "DROP ALL OBJECTS",
          "CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, age INT)",
          "CREATE TABLE orders (id INT PRIMARY KEY, note VARCHAR(10))");
      assertThatThrownBy(() -> SchemaDrift.read(model.schema(), TARGET))
          .isInstanceOf(SynthException.class)
          .hasMessage(
              "column ORDERS.CUSTOMER_ID belongs to a key of the model but is gone from the"
                  + " target: retrain the model on the migrated schema");
    }
  }

  @Test
  void widensOnlyWhereEveryValueFits() {
    Column int4 = Column.of("a", DataType.INTEGER, true);
    Column dec = Column.of("a", DataType.DECIMAL, true).withType(DataType.DECIMAL, 0, 8, 2);
    assertThat(SchemaDrift.widens(int4, dec.withType(DataType.DECIMAL, 0, 0, 0))).isTrue();
    assertThat(SchemaDrift.widens(dec, dec.withType(DataType.DECIMAL, 0, 10, 2))).isTrue();
    assertThat(SchemaDrift.widens(dec, dec.withType(DataType.DECIMAL, 0, 7, 2))).isFalse();
    Column text = Column.of("a", DataType.STRING, true).withType(DataType.STRING, 10, 0, 0);
    assertThat(SchemaDrift.widens(text, text.withType(DataType.STRING, 5, 0, 0))).isFalse();
    assertThat(SchemaDrift.widens(text, text.withType(DataType.STRING, 0, 0, 0))).isTrue();
    assertThat(SchemaDrift.widens(text, int4)).isFalse();
    assertThat(DriftTarget.fallback(dec, 123_456_789L)).isEqualTo(new BigDecimal("456789.00"));
  }
}
