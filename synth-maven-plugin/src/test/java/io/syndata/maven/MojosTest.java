package io.syndata.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goals driven as Maven drives them — fields set, then execute() — on embedded H2. */
class MojosTest {
  private static final String SHOP = "jdbc:h2:mem:mojo_shop;DB_CLOSE_DELAY=-1";
  @TempDir static Path dir;
  private static File model;

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

  @BeforeAll
  static void trainOnce() throws Exception {
    sql(
        SHOP,
        "CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, age INT)",
        "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL REFERENCES"
            + " customers(id), amount DECIMAL(8,2))",
        "INSERT INTO customers SELECT x, 'c' || MOD(x, 9), 18 + MOD(x, 50)"
            + " FROM SYSTEM_RANGE(1, 100)",
        "INSERT INTO orders SELECT x, 1 + MOD(x * 13, 100), MOD(x, 97) + 0.5"
            + " FROM SYSTEM_RANGE(1, 300)");
    model = dir.resolve("shop.synth").toFile();
    TrainMojo train = new TrainMojo();
    train.source = SHOP;
    train.modelFile = model;
    train.model = "auto";
    train.orphans = "fail";
    train.execute();
    assertThat(model).isFile();
  }

  private static GenerateMojo generate(String target) {
    GenerateMojo g = new GenerateMojo();
    g.target = target;
    g.modelFile = model;
    g.model = "auto";
    g.orphans = "fail";
    g.seed = 7;
    return g;
  }

  @Test
  void seedsFromTheModelFileWithIntactKeysAndCleansBeforeReseeding() throws Exception {
    String target = "jdbc:h2:mem:mojo_seed;DB_CLOSE_DELAY=-1";
    GenerateMojo g = generate(target);
    g.scale = 2;
    g.execute();
    assertThat(scalar(target, "SELECT COUNT(*) FROM customers")).isEqualTo(200);
    assertThat(
            scalar(
                target,
                "SELECT COUNT(*) FROM orders o LEFT JOIN customers c ON o.customer_id = c.id"
                    + " WHERE c.id IS NULL"))
        .isZero();
    // The tables now hold rows: a second run refuses them unless <clean> empties them first.
    assertThatThrownBy(generate(target)::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("already holds");
    GenerateMojo again = generate(target);
    again.clean = true;
    again.rows = List.of("CUSTOMERS=10");
    again.execute();
    assertThat(scalar(target, "SELECT COUNT(*) FROM customers")).isEqualTo(10);
  }

  @Test
  void misconfigurationFailsInOneLineNamingTheParameter() {
    GenerateMojo scale = generate("jdbc:h2:mem:x");
    scale.scale = 5000;
    assertThatThrownBy(scale::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("<scale> (-Dsynth.scale) must be between 0.01 and 1000.0, was 5000.0");
    GenerateMojo noTarget = generate(null);
    assertThatThrownBy(noTarget::execute)
        .hasMessage(
            "<target> (-Dsynth.target) is required: a JDBC URL of the database to seed, or a"
                + " folder");
    GenerateMojo both = generate("jdbc:h2:mem:x");
    both.source = SHOP;
    assertThatThrownBy(both::execute).hasMessage("give either <source> or <modelFile>, not both");
    GenerateMojo rows = generate("jdbc:h2:mem:x");
    rows.rows = List.of("orders:5");
    assertThatThrownBy(rows::execute).hasMessageStartingWith("<rows> (-Dsynth.rows) entries are");
    GenerateMojo format = generate(dir.resolve("out").toString());
    format.format = List.of("yaml");
    assertThatThrownBy(format::execute)
        .hasMessageStartingWith("<format> (-Dsynth.format) must be among [");
    GenerateMojo missing = generate("jdbc:h2:mem:x");
    missing.modelFile = dir.resolve("nope.synth").toFile();
    assertThatThrownBy(missing::execute)
        .hasMessageEndingWith("does not exist: run synth:train first, or point it at a model file");
  }

  @Test
  void skipsWithSkipAndWithTheTestSkippingFlags() throws Exception {
    GenerateMojo skipped = generate(null);
    skipped.skip = true;
    skipped.execute();
    GenerateMojo its = generate(null);
    its.skipITs = true;
    its.execute();
  }

  @Test
  void writesAFolderInAnExportFormat() throws Exception {
    GenerateMojo g = generate(dir.resolve("json-out").toString());
    g.format = List.of("jsonl");
    g.scale = 0.5;
    g.execute();
    assertThat(dir.resolve("json-out").toFile().list()).isNotEmpty();
  }

  @Test
  void credentialsComeFromSettingsServersOrTheParameters() throws Exception {
    Settings settings = new Settings();
    Server server = new Server();
    server.setId("testdb");
    server.setUsername("app");
    server.setPassword("p&ss");
    settings.addServer(server);
    Credentials c = Credentials.resolve("", "testdb", null, null, settings, null);
    assertThat(c.applyTo("jdbc:postgresql://h/db"))
        .isEqualTo("jdbc:postgresql://h/db?user=app&password=p%26ss");
    assertThat(c.applyTo("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x;USER=app;PASSWORD=p&ss");
    assertThat(c.applyTo("jdbc:mariadb://h/db?user=me")).isEqualTo("jdbc:mariadb://h/db?user=me");
    assertThatThrownBy(() -> Credentials.resolve("", "other", null, null, settings, null))
        .hasMessageStartingWith("<serverId> other names no <server> in settings.xml");
    assertThatThrownBy(() -> Credentials.resolve("source", "testdb", "u", null, settings, null))
        .hasMessage("give either <sourceServerId> or <sourceUser>/<sourcePassword>, not both");
  }

  @Test
  void reportComparesTheSeededDatabaseWithItsSource() throws Exception {
    String target = "jdbc:h2:mem:mojo_report;DB_CLOSE_DELAY=-1";
    generate(target).execute();
    ReportMojo report = new ReportMojo();
    report.source = SHOP;
    report.target = target;
    report.reportDirectory = dir.resolve("report").toFile();
    report.maxRows = 1_000;
    report.execute();
    assertThat(dir.resolve("report/report.html")).isNotEmptyFile();
    assertThat(dir.resolve("report/report.json")).isNotEmptyFile();
    assertThatThrownBy(report::execute)
        .hasMessageEndingWith(
            "report.html: set <force>true</force> (-Dsynth.force) to overwrite it");
  }

  @Test
  void introspectWritesTheSchemaFileAndKeepsAnEditedOne() throws Exception {
    IntrospectMojo m = new IntrospectMojo();
    m.source = SHOP;
    m.schemaOut = dir.resolve("schema/shop.schema.json").toFile();
    m.execute();
    assertThat(m.schemaOut).isFile();
    assertThatThrownBy(m::execute)
        .hasMessageEndingWith("exists: set <force>true</force> (-Dsynth.force) to overwrite it");
  }
}
