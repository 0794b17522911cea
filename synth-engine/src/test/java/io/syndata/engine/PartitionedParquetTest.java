package io.syndata.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.data.Progress;
import io.syndata.export.ExportOptions;
import io.syndata.model.GenerationPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator's partitions reach a Parquet export as part files, and read back as a source. */
class PartitionedParquetTest {
  @TempDir Path dir;

  private static JdbcDataSource shop() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:partitioned_parquet;DB_CLOSE_DELAY=-1");
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP ALL OBJECTS");
      s.execute("CREATE TABLE customers (id INT PRIMARY KEY, age INT NOT NULL)");
      s.execute(
          "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL REFERENCES"
              + " customers(id), amount INT)");
      s.execute("INSERT INTO customers SELECT x, 20 + MOD(x, 50) FROM SYSTEM_RANGE(1, 400)");
      s.execute(
          "INSERT INTO orders SELECT x, 1 + MOD(x * 7, 400), MOD(x, 90) FROM SYSTEM_RANGE(1, 900)");
    }
    return ds;
  }

  @Test
  void writesAPartFilePerPlanPartitionThatDuckDbAndTheFolderSourceRead() throws Exception {
    Path out = dir.resolve("out");
    try (Model model = SynData.from(shop()).seed(5).fit()) {
      Generation generation = model.generate().scale(100).seed(3).threads(2);
      GenerationPlan plan = generation.plan();
      int partitions = plan.stages().get(0).partitions();
      assertThat(partitions).isGreaterThan(1);
      RunReport run =
          generation.to(
              SynData.openTarget(
                  out.toString(),
                  List.of("parquet"),
                  ExportOptions.DEFAULTS.with("parquet.per-partition", "true")));
      long orders = run.writtenRows().get("ORDERS");
      try (Stream<Path> files = Files.list(out.resolve("ORDERS"))) {
        assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
            .hasSize(partitions)
            .first()
            .isEqualTo("part-00000.parquet");
      }
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
          Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT count(*), count(DISTINCT o.id), count(cu.id) FROM read_parquet('"
                      + out.resolve("ORDERS").resolve("*.parquet")
                      + "') o LEFT JOIN read_parquet('"
                      + out.resolve("CUSTOMERS").resolve("*.parquet")
                      + "') cu ON cu.id = o.customer_id")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(orders);
        assertThat(rs.getLong(2)).isEqualTo(orders); // keys unique across the part files
        assertThat(rs.getLong(3)).isEqualTo(orders); // every order's customer is there
      }
      // the folder reads back as a source, a table from its part files
      {
        assertThat(SynData.introspect(SourceSpec.of(out.toString()), Progress.NONE).tables())
            .anySatisfy(
                t -> {
                  assertThat(t.name()).isEqualTo("ORDERS");
                  assertThat(t.rowCount()).isEqualTo(orders);
                });
      }
    }
  }
}
