package io.syndata.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.data.InMemoryTarget;
import io.syndata.schema.SynthException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FluentApiTest {
  @TempDir Path dir;

  private static JdbcDataSource h2(String name) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    return ds;
  }

  private static JdbcDataSource shop() throws Exception {
    JdbcDataSource ds = h2("fluent_shop");
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP ALL OBJECTS");
      s.execute(
          "CREATE TABLE customers (id INT PRIMARY KEY, country VARCHAR(2) NOT NULL, age INT)");
      s.execute(
          "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL REFERENCES"
              + " customers(id), amount DECIMAL(8,2) NOT NULL, status VARCHAR(8))");
      try (PreparedStatement pc = c.prepareStatement("INSERT INTO customers VALUES (?, ?, ?)");
          PreparedStatement po = c.prepareStatement("INSERT INTO orders VALUES (?, ?, ?, ?)")) {
        int order = 0;
        for (int i = 1; i <= 400; i++) {
          pc.setInt(1, i);
          pc.setString(2, i % 3 == 0 ? "DE" : "FR");
          pc.setInt(3, 20 + i % 50);
          pc.addBatch();
          for (int k = 0; k < i % 4; k++) {
            po.setInt(1, ++order);
            po.setInt(2, i);
            po.setBigDecimal(3, new java.math.BigDecimal((i * 7 + k * 13) % 90 + ".25"));
            po.setString(4, k % 2 == 0 ? "paid" : "open");
            po.addBatch();
          }
        }
        pc.executeBatch();
        po.executeBatch();
      }
    }
    return ds;
  }

  private static List<List<Object>> rows(JdbcDataSource ds, String table) throws Exception {
    List<List<Object>> out = new ArrayList<>();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        out.add(row);
      }
    }
    return out;
  }

  @Test
  void fitsFromADataSourceSavesLoadsAndGeneratesTheSameRowsOnAnyThreads() throws Exception {
    JdbcDataSource source = shop();
    Path file = dir.resolve("shop.synth");
    try (Model model = SynData.from(source).seed(5).fit()) {
      model.save(file);
      assertThat(model.provenance().tableKinds()).containsEntry("ORDERS", "statistical");
    }
    JdbcDataSource one = h2("fluent_one");
    JdbcDataSource two = h2("fluent_two");
    try (Model loaded = SynData.load(file)) {
      RunReport a = loaded.generate().scale(100).seed(9).threads(1).to(one);
      RunReport b = loaded.generate().scale(100).seed(9).threads(2).to(two);
      assertThat(a.writtenRows()).containsEntry("CUSTOMERS", 40_000L);
      assertThat(b.writtenRows()).isEqualTo(a.writtenRows());
      assertThat(loaded.generate().scale(100).plan().stages().get(0).partitions()).isGreaterThan(1);
      InMemoryTarget memory = loaded.generate().scale(0.5).seed(9).toMemory();
      assertThat(memory.rowCount("CUSTOMERS")).isEqualTo(200);
    }
    assertThat(rows(two, "customers")).isEqualTo(rows(one, "customers"));
    assertThat(rows(two, "orders")).isEqualTo(rows(one, "orders"));
    // The caller's data source is still usable: SynData does not close it.
    assertThat(rows(source, "customers")).hasSize(400);
  }

  @Test
  void wrongOptionsFailBeforeTheSourceIsRead() {
    assertThatThrownBy(() -> SynData.from(dir.resolve("nowhere")).model("gpt").fit())
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("--model gpt");
  }
}
