package io.syndata.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.connectors.Connectors;
import io.syndata.data.Progress;
import io.syndata.data.SchemaFilter;
import io.syndata.data.Source;
import io.syndata.model.FitOptions;
import io.syndata.model.GenerationOptions;
import io.syndata.model.OrphanPolicy;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL to PostgreSQL and PostgreSQL to MariaDB on a schema with a composite primary and
 * foreign key, a self-reference, a two-table cycle, a table with several parents, a 1:1 extension
 * table and a table without a primary key. The targets keep their foreign keys on, so every row
 * they accept is referentially intact.
 */
class RelationalPipelineIT {
  private static final List<String> DDL =
      List.of(
          "CREATE TABLE region (code CHAR(2) NOT NULL, zone INTEGER NOT NULL, name VARCHAR(40) NOT NULL, PRIMARY KEY (code, zone))",
          "CREATE TABLE store (id SERIAL PRIMARY KEY, region_code CHAR(2) NOT NULL, region_zone INTEGER NOT NULL,"
              + " manager_id INTEGER, size_m2 INTEGER NOT NULL, opened DATE NOT NULL,"
              + " FOREIGN KEY (region_code, region_zone) REFERENCES region(code, zone))",
          "CREATE TABLE staff (id SERIAL PRIMARY KEY, store_id INTEGER NOT NULL REFERENCES store(id),"
              + " boss_id INTEGER REFERENCES staff(id), email VARCHAR(80) NOT NULL UNIQUE, salary NUMERIC(10,2) NOT NULL,"
              + " role VARCHAR(20) NOT NULL)",
          "ALTER TABLE store ADD CONSTRAINT store_manager_fk FOREIGN KEY (manager_id) REFERENCES staff(id)",
          "CREATE TABLE staff_badge (staff_id INTEGER PRIMARY KEY REFERENCES staff(id), badge_code VARCHAR(12) NOT NULL UNIQUE,"
              + " level INTEGER NOT NULL)",
          "CREATE TABLE product (sku VARCHAR(10) PRIMARY KEY, category VARCHAR(20) NOT NULL, price NUMERIC(8,2) NOT NULL)",
          "CREATE TABLE sale (id BIGSERIAL PRIMARY KEY, store_id INTEGER NOT NULL REFERENCES store(id),"
              + " staff_id INTEGER NOT NULL REFERENCES staff(id), sku VARCHAR(10) NOT NULL REFERENCES product(sku),"
              + " qty INTEGER NOT NULL, sold_at TIMESTAMP NOT NULL, paid_by VARCHAR(10))",
          "CREATE TABLE sale_event (sale_id BIGINT NOT NULL REFERENCES sale(id), kind VARCHAR(10) NOT NULL, at TIMESTAMP NOT NULL)");

  private static final List<String> DATA =
      List.of(
          "SELECT setseed(0.42)",
          "INSERT INTO region SELECT c, z, 'Region ' || c || z FROM (VALUES ('NO'),('SO'),('EA'),('WE')) v(c), generate_series(1,3) z",
          "INSERT INTO store (region_code, region_zone, size_m2, opened) SELECT r.code, r.zone, (200 + random()*800)::int,"
              + " DATE '2010-01-01' + (random()*3000)::int FROM region r, generate_series(1,3) ORDER BY 1, 2",
          "INSERT INTO staff (store_id, email, salary, role) SELECT s.id, 'staff' || s.id || '_' || g || '@shop.test',"
              + " round((30000 + random()*40000 + s.size_m2 * 20)::numeric, 2),"
              + " (ARRAY['clerk','clerk','clerk','lead','cashier'])[1 + floor(random()*5)::int]"
              + " FROM store s, generate_series(1, 4 + (s.id % 5)) g ORDER BY s.id, g",
          "UPDATE staff SET boss_id = (SELECT min(id) FROM staff s2 WHERE s2.store_id = staff.store_id)"
              + " WHERE id <> (SELECT min(id) FROM staff s2 WHERE s2.store_id = staff.store_id)",
          "UPDATE store SET manager_id = (SELECT min(id) FROM staff WHERE staff.store_id = store.id) WHERE id % 4 <> 0",
          "INSERT INTO staff_badge SELECT id, 'B-' || lpad(id::text, 6, '0'), 1 + (id % 3) FROM staff WHERE id % 3 <> 0",
          "INSERT INTO product SELECT 'SKU-' || lpad(g::text, 4, '0'), (ARRAY['food','tools','toys'])[1 + g % 3],"
              + " round((1 + random()*99)::numeric, 2) FROM generate_series(1, 60) g",
          "INSERT INTO sale (store_id, staff_id, sku, qty, sold_at, paid_by) SELECT st.store_id, st.id,"
              + " 'SKU-' || lpad((1 + floor(random()*60))::int::text, 4, '0'), 1 + floor(random()*5)::int,"
              + " TIMESTAMP '2023-01-01' + random() * INTERVAL '365 days',"
              + " CASE WHEN random() < 0.2 THEN NULL WHEN random() < 0.5 THEN 'card' ELSE 'cash' END"
              + " FROM staff st, generate_series(1, 10 + (st.id % 7)) g ORDER BY st.id, g",
          "INSERT INTO sale_event SELECT id, 'created', sold_at FROM sale",
          "INSERT INTO sale_event SELECT id, 'refund', sold_at + INTERVAL '2 days' FROM sale WHERE id % 10 = 0");

  private static String server;
  private static String source;
  private static final List<String[]> created = new ArrayList<>();

  @BeforeAll
  static void createSource() throws SQLException {
    server = TestServers.postgres();
    source = TestServers.createDatabase(server, "synth_it_src");
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

  private static GenerateRequest request(
      String target, double scale, Map<String, Long> rows, long seed) {
    return new GenerateRequest(
        SourceSpec.of(source),
        target,
        new FitOptions(seed, OrphanPolicy.FAIL, FitOptions.DEFAULT_MAX_FIT_ROWS),
        new GenerationOptions(scale, rows, seed),
        false);
  }

  @Test
  void postgresToPostgresKeepsKeysConstraintsAndScaledRowCounts() throws SQLException {
    String target = TestServers.createDatabase(server, "synth_it_pg");
    created.add(new String[] {server, target});

    RunReport report =
        SynData.generate(request(target, 2.0, Map.of("product", 100L), 42), Progress.NONE);

    assertThat(report.writtenRows()).containsEntry("region", 24L).containsEntry("product", 100L);
    assertIntact(target);
    assertSameStructure(target);
  }

  @Test
  void postgresToMariadbCreatesTheSchemaInTheOtherDialect() throws SQLException {
    String mariaServer = TestServers.mariadb();
    String target = TestServers.createDatabase(mariaServer, "synth_it_maria");
    created.add(new String[] {mariaServer, target});

    RunReport report = SynData.generate(request(target, 1.0, Map.of(), 7), Progress.NONE);

    assertThat(report.writtenRows()).containsEntry("region", 12L).containsEntry("product", 60L);
    assertIntact(target);
    assertSameStructure(target);
  }

  @Test
  void sameSeedGivesIdenticalTargetsAndAnotherSeedDoesNot() throws SQLException {
    String first = TestServers.createDatabase(server, "synth_it_det1");
    String second = TestServers.createDatabase(server, "synth_it_det2");
    String third = TestServers.createDatabase(server, "synth_it_det3");
    created.add(new String[] {server, first});
    created.add(new String[] {server, second});
    created.add(new String[] {server, third});

    SynData.generate(request(first, 1.0, Map.of(), 99), Progress.NONE);
    SynData.generate(request(second, 1.0, Map.of(), 99), Progress.NONE);
    SynData.generate(request(third, 1.0, Map.of(), 100), Progress.NONE);

    assertThat(dump(second)).isEqualTo(dump(first));
    assertThat(dump(third)).isNotEqualTo(dump(first));
  }

  @Test
  void sourceIsNotModified() throws SQLException {
    String before = dump(source);
    String target = TestServers.createDatabase(server, "synth_it_ro");
    created.add(new String[] {server, target});
    SynData.generate(request(target, 0.5, Map.of(), 1), Progress.NONE);
    assertThat(dump(source)).isEqualTo(before);
  }

  /** No orphan in any foreign key, no duplicate key, every table filled. */
  private static void assertIntact(String target) throws SQLException {
    Schema schema = schemaOf(source);
    try (Connection c = DriverManager.getConnection(target);
        Statement s = c.createStatement()) {
      for (Table t : schema.tables()) {
        assertThat(scalar(s, "SELECT COUNT(*) FROM " + t.name()))
            .as("rows of %s", t.name())
            .isPositive();
        if (!t.primaryKey().isEmpty()) {
          String pk = String.join(", ", t.primaryKey());
          assertThat(
                  scalar(
                      s,
                      "SELECT COUNT(*) FROM (SELECT "
                          + pk
                          + " FROM "
                          + t.name()
                          + " GROUP BY "
                          + pk
                          + " HAVING COUNT(*) > 1) d"))
              .as("duplicate keys in %s", t.name())
              .isZero();
        }
        for (ForeignKey fk : t.foreignKeys()) {
          StringBuilder join = new StringBuilder();
          for (int i = 0; i < fk.columns().size(); i++) {
            join.append(i == 0 ? "" : " AND ")
                .append("p.")
                .append(fk.parentColumns().get(i))
                .append(" = c.")
                .append(fk.columns().get(i));
          }
          String notNull = String.join(" IS NOT NULL AND c.", fk.columns());
          assertThat(
                  scalar(
                      s,
                      "SELECT COUNT(*) FROM "
                          + t.name()
                          + " c WHERE c."
                          + notNull
                          + " IS NOT NULL AND NOT EXISTS"
                          + " (SELECT 1 FROM "
                          + fk.parentTable()
                          + " p WHERE "
                          + join
                          + ")"))
              .as("orphans of %s", fk.describe(t.name()))
              .isZero();
        }
      }
      // The self-reference and the cycle were filled in the second pass, not left empty.
      assertThat(scalar(s, "SELECT COUNT(*) FROM staff WHERE boss_id IS NOT NULL")).isPositive();
      assertThat(scalar(s, "SELECT COUNT(*) FROM store WHERE manager_id IS NOT NULL")).isPositive();
      // The cycle: a store's manager works in that store, as in the source.
      assertThat(
              scalar(
                  s,
                  "SELECT COUNT(*) FROM store x JOIN staff st ON st.id = x.manager_id WHERE st.store_id <> x.id"))
          .as("stores managed by staff of another store")
          .isZero();
      // A diamond: a sale's store is its clerk's store, as in the source.
      assertThat(
              scalar(
                  s,
                  "SELECT COUNT(*) FROM sale x JOIN staff st ON st.id = x.staff_id WHERE st.store_id <> x.store_id"))
          .as("sales whose store is not their clerk's store")
          .isZero();
      // 1:1: a badge per staff member at most.
      assertThat(scalar(s, "SELECT COUNT(*) FROM staff_badge"))
          .isLessThanOrEqualTo(scalar(s, "SELECT COUNT(*) FROM staff"));
    }
  }

  private static void assertSameStructure(String target) {
    Schema real = schemaOf(source);
    Schema synthetic = schemaOf(target);
    for (Table t : real.tables()) {
      Table s = synthetic.table(t.name());
      assertThat(s.primaryKey()).as("primary key of %s", t.name()).isEqualTo(t.primaryKey());
      assertThat(
              s.foreignKeys().stream()
                  .map(fk -> fk.columns() + "->" + fk.parentTable() + fk.parentColumns())
                  .sorted()
                  .toList())
          .as("foreign keys of %s", t.name())
          .isEqualTo(
              t.foreignKeys().stream()
                  .map(fk -> fk.columns() + "->" + fk.parentTable() + fk.parentColumns())
                  .sorted()
                  .toList());
      assertThat(s.uniqueKeys())
          .as("unique keys of %s", t.name())
          .containsExactlyInAnyOrderElementsOf(t.uniqueKeys());
    }
  }

  private static Schema schemaOf(String url) {
    try (Source s = Connectors.source(url, Optional.empty())) {
      return s.introspect(SchemaFilter.ALL);
    }
  }

  private static long scalar(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Every table's rows as text, in a fixed order. */
  private static String dump(String url) throws SQLException {
    StringBuilder out = new StringBuilder();
    Schema schema = schemaOf(url);
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      for (Table t :
          schema.tables().stream().sorted(java.util.Comparator.comparing(Table::name)).toList()) {
        out.append("# ").append(t.name()).append('\n');
        String columns = String.join(", ", t.columns().stream().map(col -> col.name()).toList());
        try (ResultSet rs =
            s.executeQuery("SELECT " + columns + " FROM " + t.name() + " ORDER BY " + columns)) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= n; i++) {
              out.append(rs.getString(i)).append(i == n ? '\n' : '|');
            }
          }
        }
      }
    }
    return out.toString();
  }
}
