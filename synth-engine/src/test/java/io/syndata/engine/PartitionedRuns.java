package io.syndata.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.data.ForwardingPartitionedTarget;
import io.syndata.data.PartitionedTarget;
import io.syndata.data.RowBatch;
import io.syndata.schema.SynthException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Fixtures of the partitioned-write tests: a small shop fitted once (a lookup-like product table
 * referenced by a secondary key, customers with orders, staff with a self-referencing manager), a
 * target wrapper that fails or blocks after some partitions, and the target's rows read back.
 */
final class PartitionedRuns {
  /** Scale at which the customers' stage is cut into several partitions. */
  static final double SCALE = 150;

  private PartitionedRuns() {}

  /** Fits the shop and saves its model, so that every run (and process) uses the same model. */
  static Path model(Path dir) throws SQLException {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:partitioned_shop;DB_CLOSE_DELAY=-1");
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP ALL OBJECTS");
      s.execute("CREATE TABLE products (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL)");
      s.execute(
          "CREATE TABLE staff (id INT PRIMARY KEY, manager_id INT REFERENCES staff(id),"
              + " grade INT NOT NULL)");
      s.execute(
          "CREATE TABLE customers (id INT PRIMARY KEY, country VARCHAR(2) NOT NULL, age INT)");
      s.execute(
          "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL REFERENCES"
              + " customers(id), product_id INT NOT NULL REFERENCES products(id),"
              + " amount DECIMAL(8,2) NOT NULL, status VARCHAR(8))");
      try (PreparedStatement pp = c.prepareStatement("INSERT INTO products VALUES (?, ?)");
          PreparedStatement ps = c.prepareStatement("INSERT INTO staff VALUES (?, ?, ?)");
          PreparedStatement pc = c.prepareStatement("INSERT INTO customers VALUES (?, ?, ?)");
          PreparedStatement po = c.prepareStatement("INSERT INTO orders VALUES (?, ?, ?, ?, ?)")) {
        for (int i = 1; i <= 30; i++) {
          pp.setInt(1, i);
          pp.setString(2, "product " + (char) ('a' + i % 26));
          pp.addBatch();
          ps.setInt(1, i);
          ps.setObject(2, i == 1 ? null : 1 + (i - 2) / 4);
          ps.setInt(3, i % 5);
          ps.addBatch();
        }
        int order = 0;
        for (int i = 1; i <= 400; i++) {
          pc.setInt(1, i);
          pc.setString(2, i % 3 == 0 ? "DE" : "FR");
          pc.setInt(3, 20 + i % 50);
          pc.addBatch();
          for (int k = 0; k < i % 4; k++) {
            po.setInt(1, ++order);
            po.setInt(2, i);
            po.setInt(3, 1 + (i * 7 + k) % 30);
            po.setBigDecimal(4, new BigDecimal((i * 7 + k * 13) % 90 + ".25"));
            po.setString(5, k % 2 == 0 ? "paid" : "open");
            po.addBatch();
          }
        }
        pp.executeBatch();
        ps.executeBatch();
        pc.executeBatch();
        po.executeBatch();
      }
    }
    Path file = dir.resolve("shop.synth");
    try (Model model = SynData.from(ds).seed(5).fit()) {
      model.save(file);
    }
    return file;
  }

  /**
   * A partitioned target that, after {@code after} partitions were handed to its writers, fails
   * (throws) or blocks forever before writing the next one — an interrupted run, in this process or
   * in one to be killed.
   */
  static final class Interrupting extends ForwardingPartitionedTarget {
    private final int after;
    private final boolean block;
    private final AtomicInteger written = new AtomicInteger();
    private final Runnable onStop;

    Interrupting(PartitionedTarget delegate, int after, boolean block, Runnable onStop) {
      super(delegate);
      this.after = after;
      this.block = block;
      this.onStop = onStop;
    }

    @Override
    public PartitionWriter openWriter() {
      PartitionWriter w = partitioned.openWriter();
      return new PartitionWriter() {
        @Override
        public void write(Committed partition, List<RowBatch> batches) {
          if (written.getAndIncrement() >= after) {
            onStop.run();
            if (block) {
              while (true) {
                try {
                  Thread.sleep(60_000);
                } catch (InterruptedException e) {
                  // killed from outside; until then this writer holds its partition back
                }
              }
            }
            throw new SynthException("injected failure before partition " + partition);
          }
          w.write(partition, batches);
        }

        @Override
        public void close() {
          w.close();
        }
      };
    }
  }

  /** Every table of the target (lower-case name) with its rows as sorted text lines. */
  static Map<String, List<String>> rows(String url) throws SQLException {
    Map<String, List<String>> tables = new TreeMap<>();
    boolean postgres = url.startsWith("jdbc:postgresql:");
    try (Connection c = DriverManager.getConnection(url)) {
      List<String> names = new ArrayList<>();
      try (ResultSet rs =
          c.getMetaData()
              .getTables(c.getCatalog(), postgres ? "public" : null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          names.add(rs.getString("TABLE_NAME"));
        }
      }
      for (String name : names) {
        String quoted = postgres ? "\"" + name + "\"" : "`" + name + "`";
        List<String> lines = new ArrayList<>();
        try (Statement st = c.createStatement();
            ResultSet rs = st.executeQuery("SELECT * FROM " + quoted)) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            StringBuilder line = new StringBuilder();
            for (int i = 1; i <= n; i++) {
              line.append(rs.getString(i)).append('|');
            }
            lines.add(line.toString());
          }
        }
        lines.sort(null);
        tables.put(name.toLowerCase(Locale.ROOT), lines);
      }
    }
    return tables;
  }

  /** The run every test of partitioned writes makes: the same plan, on two threads. */
  static Generation generation(Model model) {
    return model.generate().scale(SCALE).seed(9).threads(2);
  }

  /** A run with two writers into {@code target} that fails before its fourth partition. */
  static void interruptedRun(Model model, PartitionedTarget target) {
    assertThatThrownBy(
            () -> generation(model).writers(2).to(new Interrupting(target, 3, false, () -> {})))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("injected failure");
  }

  /**
   * Runs {@link #main} with {@code args} in a child JVM and kills it with SIGKILL once it says it
   * blocks after 2 partitions.
   */
  static void killedRun(String... args) throws Exception {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(System.getProperty("java.home") + "/bin/java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                PartitionedRuns.class.getName()));
    command.addAll(List.of(args));
    Process child =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    assertThat(lines.readLine()).isEqualTo("interrupted");
    child.destroyForcibly().waitFor();
  }

  /**
   * A child process that runs into {@code url} (a JDBC URL, or a folder written in the format given
   * as a third argument) with two writers and blocks after 2 partitions.
   */
  public static void main(String[] args) throws Exception {
    String url = args[0];
    Path model = Path.of(args[1]);
    try (Model m = SynData.load(model)) {
      PartitionedTarget target =
          (PartitionedTarget)
              (args.length > 2
                  ? SynData.openTarget(
                      url, List.of(args[2]), io.syndata.export.ExportOptions.DEFAULTS)
                  : io.syndata.connectors.Connectors.jdbcTarget(url));
      generation(m)
          .threads(1)
          .writers(2)
          .to(
              new Interrupting(
                  target,
                  2,
                  true,
                  () -> {
                    synchronized (System.out) {
                      System.out.println("interrupted");
                      System.out.flush();
                    }
                  }));
    }
  }
}
