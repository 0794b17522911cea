package io.syndata.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.data.RowBatch;
import io.syndata.data.SchemaFilter;
import io.syndata.data.Source;
import io.syndata.schema.ColumnKind;
import io.syndata.schema.DataType;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Relation;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What introspecting any database must find in the same fixture: composite keys, a self-reference,
 * a two-table cycle, several keys to one parent, a 1:1 key, unique constraints, a table without a
 * primary key, mixed-case and reserved names. Each database's test supplies a fresh empty database.
 */
abstract class IntrospectionContract {
  enum CycleStyle {
    ALTER,
    INLINE_FORWARD,
    NONE
  }

  /** A JDBC URL of a fresh, empty database; called once per test. */
  abstract String createDatabase() throws Exception;

  abstract void dropDatabase() throws Exception;

  String quote() {
    return "\"";
  }

  CycleStyle cycleStyle() {
    return CycleStyle.ALTER;
  }

  /** A binary type the database has, which SynData does not model. */
  String binaryType() {
    return "BLOB";
  }

  /** Whether the database keeps VARCHAR lengths (DuckDB ignores them). */
  boolean keepsStringLengths() {
    return true;
  }

  /** The precision reported for DECIMAL(10,2). */
  int reportedPrecisionOfDecimal10() {
    return 10;
  }

  String url;

  /**
   * The fixture's DDL and rows, with identifiers quoted by {@code quote}: customer (self-reference,
   * unique email), customer_profile (1:1), warehouse (composite key), order (two keys to customer,
   * a composite key to warehouse), event_log (no primary key), department and employee (a cycle).
   */
  static String[] fixture(CycleStyle cycleStyle, String quote) {
    List<String> ddl =
        new ArrayList<>(
            List.of(
                "CREATE TABLE customer (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL, referrer_id INTEGER,"
                    + " CONSTRAINT uq_customer_email UNIQUE (email),"
                    + " CONSTRAINT fk_customer_referrer FOREIGN KEY (referrer_id) REFERENCES customer (id))",
                "CREATE TABLE customer_profile (customer_id INTEGER PRIMARY KEY, \"birthDate\" DATE,"
                    + " CONSTRAINT fk_profile_customer FOREIGN KEY (customer_id) REFERENCES customer (id))",
                "CREATE TABLE warehouse (code VARCHAR(10) NOT NULL, region INTEGER NOT NULL, name VARCHAR(50),"
                    + " PRIMARY KEY (code, region))",
                "CREATE TABLE \"order\" (id INTEGER PRIMARY KEY, buyer_id INTEGER NOT NULL, payer_id INTEGER,"
                    + " wh_code VARCHAR(10), wh_region INTEGER, amount DECIMAL(10,2), placed TIMESTAMP,"
                    + " CONSTRAINT fk_order_buyer FOREIGN KEY (buyer_id) REFERENCES customer (id),"
                    + " CONSTRAINT fk_order_payer FOREIGN KEY (payer_id) REFERENCES customer (id),"
                    + " CONSTRAINT fk_order_warehouse FOREIGN KEY (wh_code, wh_region) REFERENCES warehouse (code, region))",
                "CREATE TABLE event_log (happened TIMESTAMP, message VARCHAR(200), \"Level\" INTEGER,"
                    + " CONSTRAINT uq_event UNIQUE (happened, message))"));
    switch (cycleStyle) {
      case ALTER ->
          ddl.addAll(
              List.of(
                  "CREATE TABLE department (id INTEGER PRIMARY KEY, manager_id INTEGER)",
                  "CREATE TABLE employee (id INTEGER PRIMARY KEY, department_id INTEGER NOT NULL,"
                      + " CONSTRAINT fk_employee_department FOREIGN KEY (department_id) REFERENCES department (id))",
                  "ALTER TABLE department ADD CONSTRAINT fk_department_manager FOREIGN KEY (manager_id) REFERENCES employee (id)"));
      case INLINE_FORWARD ->
          ddl.addAll(
              List.of(
                  "CREATE TABLE department (id INTEGER PRIMARY KEY, manager_id INTEGER,"
                      + " CONSTRAINT fk_department_manager FOREIGN KEY (manager_id) REFERENCES employee (id))",
                  "CREATE TABLE employee (id INTEGER PRIMARY KEY, department_id INTEGER NOT NULL,"
                      + " CONSTRAINT fk_employee_department FOREIGN KEY (department_id) REFERENCES department (id))"));
      case NONE ->
          ddl.addAll(
              List.of(
                  "CREATE TABLE department (id INTEGER PRIMARY KEY, manager_id INTEGER)",
                  "CREATE TABLE employee (id INTEGER PRIMARY KEY, department_id INTEGER NOT NULL,"
                      + " CONSTRAINT fk_employee_department FOREIGN KEY (department_id) REFERENCES department (id))"));
    }
    ddl.addAll(
        List.of(
            "INSERT INTO customer (id, email, referrer_id) VALUES (1, 'a@x.org', NULL)",
            "INSERT INTO customer (id, email, referrer_id) VALUES (2, 'b@x.org', 1)",
            "INSERT INTO warehouse (code, region, name) VALUES ('W1', 7, 'North')",
            "INSERT INTO \"order\" (id, buyer_id, payer_id, wh_code, wh_region, amount, placed) VALUES"
                + " (11, 2, NULL, 'W1', 7, 12.50, '2024-03-01 10:15:30'), (10, 1, 2, NULL, NULL, 0.99, NULL)"));
    if (cycleStyle != CycleStyle.NONE) {
      ddl.addAll(
          List.of(
              "INSERT INTO department (id, manager_id) VALUES (1, NULL)",
              "INSERT INTO employee (id, department_id) VALUES (100, 1)",
              "UPDATE department SET manager_id = 100 WHERE id = 1"));
    }
    return ddl.stream().map(s -> s.replace("\"", quote)).toArray(String[]::new);
  }

  @BeforeEach
  void createFixture() throws Exception {
    url = createDatabase();
    TestServers.exec(url, fixture(cycleStyle(), quote()));
  }

  @AfterEach
  void dropFixture() throws Exception {
    dropDatabase();
  }

  Schema introspect() {
    try (Source source = Connectors.source(url)) {
      return source.introspect(SchemaFilter.ALL);
    }
  }

  @Test
  void findsEveryTableOfTheDefaultNamespace() {
    assertThat(introspect().tables())
        .extracting(Table::name)
        .containsExactlyInAnyOrder(
            "customer",
            "customer_profile",
            "department",
            "employee",
            "event_log",
            "order",
            "warehouse");
  }

  @Test
  void readsCompositePrimaryAndForeignKeysInKeyOrder() {
    Schema schema = introspect();
    assertThat(schema.table("warehouse").primaryKey()).containsExactly("code", "region");
    ForeignKey fk = foreignKey(schema.table("order"), "wh_code");
    assertThat(fk.columns()).containsExactly("wh_code", "wh_region");
    assertThat(fk.parentTable()).isEqualTo("warehouse");
    assertThat(fk.parentColumns()).containsExactly("code", "region");
    assertThat(fk.inferred()).isFalse();
  }

  @Test
  void readsSelfReferenceAndSeveralKeysToTheSameParent() {
    Schema schema = introspect();
    assertThat(foreignKey(schema.table("customer"), "referrer_id").parentTable())
        .isEqualTo("customer");
    Table order = schema.table("order");
    assertThat(foreignKey(order, "buyer_id").parentTable()).isEqualTo("customer");
    assertThat(foreignKey(order, "payer_id").parentTable()).isEqualTo("customer");
    assertThat(order.foreignKeys()).hasSize(3);
  }

  @Test
  void readsPrimaryKeyThatIsAlsoForeignKey() {
    Table profile = introspect().table("customer_profile");
    assertThat(profile.primaryKey()).containsExactly("customer_id");
    assertThat(foreignKey(profile, "customer_id").parentColumns()).containsExactly("id");
    assertThat(profile.column("customer_id").kind()).isEqualTo(ColumnKind.ID);
  }

  @Test
  void readsBothEdgesOfATwoTableCycle() {
    Schema schema = introspect();
    assertThat(foreignKey(schema.table("employee"), "department_id").parentTable())
        .isEqualTo("department");
    if (cycleStyle() == CycleStyle.NONE) {
      return;
    }
    assertThat(foreignKey(schema.table("department"), "manager_id").parentTable())
        .isEqualTo("employee");
    ForeignKeyGraph graph = ForeignKeyGraph.of(schema);
    assertThat(graph.deferred()).extracting(Relation::child).contains("department");
  }

  @Test
  void readsUniqueConstraintsButNotThePrimaryKeyAsUnique() {
    Schema schema = introspect();
    assertThat(schema.table("customer").uniqueKeys()).containsExactly(List.of("email"));
    Table log = schema.table("event_log");
    assertThat(log.primaryKey()).isEmpty();
    assertThat(log.uniqueKeys()).containsExactly(List.of("happened", "message"));
    assertThat(schema.table("warehouse").uniqueKeys()).isEmpty();
  }

  @Test
  void keepsMixedCaseAndReservedNamesAndMapsTypes() {
    Schema schema = introspect();
    assertThat(schema.table("customer_profile").column("birthDate").type())
        .isEqualTo(DataType.DATE);
    assertThat(schema.table("event_log").column("Level").type()).isEqualTo(DataType.INTEGER);
    Table order = schema.table("order");
    assertThat(order.column("amount").type()).isEqualTo(DataType.DECIMAL);
    assertThat(order.column("amount").precision()).isEqualTo(reportedPrecisionOfDecimal10());
    assertThat(order.column("amount").scale()).isEqualTo(2);
    assertThat(order.column("placed").type()).isEqualTo(DataType.TIMESTAMP);
    assertThat(order.column("buyer_id").nullable()).isFalse();
    assertThat(order.column("payer_id").nullable()).isTrue();
    assertThat(schema.table("customer").column("email").type()).isEqualTo(DataType.STRING);
    assertThat(schema.table("customer").column("email").length())
        .isEqualTo(keepsStringLengths() ? 100 : 0);
    assertThat(order.rowCount()).isEqualTo(2);
  }

  @Test
  void scansByPrimaryKeyAsCanonicalValues() {
    List<Object[]> rows = new ArrayList<>();
    try (Source source = Connectors.source(url)) {
      Table order = source.introspect(SchemaFilter.ALL).table("order");
      long read =
          source.scan(
              order, List.of("id", "amount", "placed", "payer_id"), batch -> collect(batch, rows));
      assertThat(read).isEqualTo(2);
    }
    assertThat(rows.get(0)).containsExactly(10L, new BigDecimal("0.99"), null, 2L);
    assertThat(rows.get(1))
        .containsExactly(
            11L, new BigDecimal("12.50"), LocalDateTime.of(2024, 3, 1, 10, 15, 30), null);
  }

  @Test
  void refusesAFilterThatNamesNoTable() {
    try (Source source = Connectors.source(url)) {
      assertThatThrownBy(
              () -> source.introspect(new SchemaFilter(List.of(), List.of(), List.of("custmer"))))
          .isInstanceOf(SynthException.class)
          .hasMessageContaining("custmer");
    }
  }

  @Test
  void excludesATableAndItsDependentsWhenAsked() {
    try (Source source = Connectors.source(url)) {
      Schema schema =
          source.introspect(
              new SchemaFilter(List.of(), List.of("warehouse", "event_log"), List.of()));
      assertThat(schema.tables()).extracting(Table::name).containsExactly("event_log", "warehouse");
    }
  }

  @Test
  void readsBinaryColumnsAsBytesWhetherNullableOrNot() {
    TestServers.exec(
        url,
        "CREATE TABLE photo (id INTEGER PRIMARY KEY, picture "
            + binaryType()
            + ", image "
            + binaryType()
            + " NOT NULL)");
    Table photo = introspect().table("photo");
    assertThat(photo.column("picture").format()).isEqualTo(io.syndata.schema.ValueFormat.BYTES);
    assertThat(photo.column("image").format()).isEqualTo(io.syndata.schema.ValueFormat.BYTES);
    assertThat(photo.writtenColumns())
        .extracting(c -> c.name())
        .containsExactly("id", "picture", "image");
  }

  static ForeignKey foreignKey(Table table, String firstColumn) {
    return table.foreignKeys().stream()
        .filter(fk -> fk.columns().get(0).equals(firstColumn))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no foreign key on "
                        + table.name()
                        + "."
                        + firstColumn
                        + ": "
                        + table.foreignKeys()));
  }

  static void collect(RowBatch batch, List<Object[]> rows) {
    for (int r = 0; r < batch.size(); r++) {
      Object[] row = new Object[batch.columns().size()];
      for (int c = 0; c < row.length; c++) {
        row[c] = batch.value(c, r);
      }
      rows.add(row);
    }
  }

  static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }
}
