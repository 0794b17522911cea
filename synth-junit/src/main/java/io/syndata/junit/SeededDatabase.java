package io.syndata.junit;

import io.syndata.connectors.Connectors;
import io.syndata.data.InMemoryTarget;
import io.syndata.data.RowBatch;
import io.syndata.data.Target;
import io.syndata.engine.Generation;
import io.syndata.engine.Model;
import io.syndata.engine.SchemaDrift;
import io.syndata.engine.SynData;
import io.syndata.engine.TargetTables;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One seeded database, alive for a test class: a connection is held open throughout, so that an
 * in-memory database or a Testcontainers container lives as long as the class does.
 */
final class SeededDatabase implements ExtensionContext.Store.CloseableResource {
  private static final Logger LOG = LoggerFactory.getLogger(SeededDatabase.class);
  private static final int BATCH = 1_000;
  private static final AtomicInteger EMBEDDED = new AtomicInteger();
  private static final Map<String, Model> MODELS = new ConcurrentHashMap<>();
  private static final Map<String, InMemoryTarget> ROWS = new ConcurrentHashMap<>();

  /** How many times rows were generated in this JVM (seeding again from the cache is not one). */
  static final AtomicInteger GENERATIONS = new AtomicInteger();

  private final String url;
  private final boolean embedded;
  private final Connection keeper;
  private final UrlDataSource dataSource;
  private final Schema schema;

  private SeededDatabase(String url, boolean embedded, Connection keeper, Schema schema) {
    this.url = url;
    this.embedded = embedded;
    this.keeper = keeper;
    this.dataSource = new UrlDataSource(url);
    this.schema = schema;
  }

  UrlDataSource dataSource() {
    return dataSource;
  }

  static SeededDatabase seed(SeedRequest request) {
    boolean embedded = request.url().isEmpty();
    String url =
        embedded
            ? "jdbc:h2:mem:synth_"
                + EMBEDDED.incrementAndGet()
                + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE"
            : request.url();
    checkDriver(url);
    Model model = MODELS.computeIfAbsent(request.model(), SeededDatabase::load);
    Connection keeper;
    try {
      keeper = DriverManager.getConnection(url);
    } catch (SQLException e) {
      throw new SynthException(
          "@SynthDatabase cannot connect to " + Connectors.redact(url) + ": " + e.getMessage(), e);
    }
    SeededDatabase db = new SeededDatabase(url, embedded, keeper, model.schema());
    try {
      if (!embedded) {
        TargetTables.empty(db.dataSource, model.schema());
      }
      SchemaDrift drift = SchemaDrift.read(model.schema(), db.dataSource);
      drift.lines().forEach(line -> LOG.warn("schema drift: {}", line));
      Target target = drift.adapt(Connectors.jdbcTarget(db.dataSource), request.seed());
      write(model, request, target);
      LOG.info(
          "seeded {} from {} (scale {}, seed {})",
          Connectors.redact(url),
          request.model(),
          request.scale(),
          request.seed());
      return db;
    } catch (RuntimeException | Error e) {
      db.close();
      throw e;
    }
  }

  private static void write(Model model, SeedRequest request, Target target) {
    Generation generation = model.generate().scale(request.scale()).seed(request.seed());
    request.rows().forEach(generation::rows);
    if (!ForeignKeyGraph.of(model.schema()).deferred().isEmpty()) {
      // A cycle's keys are filled in a second pass, which a replay of finished rows would violate.
      GENERATIONS.incrementAndGet();
      generation.to(target);
      return;
    }
    InMemoryTarget rows =
        ROWS.computeIfAbsent(
            request.rowsKey(),
            k -> {
              GENERATIONS.incrementAndGet();
              return generation.toMemory();
            });
    replay(rows, target);
  }

  /** Writes rows generated earlier, parents first, all or nothing. */
  private static void replay(InMemoryTarget rows, Target opened) {
    Schema schema = rows.schema().orElseThrow();
    try (Target target = opened) {
      try {
        target.begin(schema);
        for (Table t : ForeignKeyGraph.of(schema).generationOrder()) {
          if (!rows.tables().contains(t.name())) {
            continue;
          }
          List<String> columns = rows.columns(t.name());
          List<Object[]> data = rows.rows(t.name());
          for (int from = 0; from < data.size(); from += BATCH) {
            int n = Math.min(BATCH, data.size() - from);
            Object[][] values = new Object[columns.size()][n];
            for (int r = 0; r < n; r++) {
              Object[] row = data.get(from + r);
              for (int c = 0; c < columns.size(); c++) {
                values[c][r] = row[c];
              }
            }
            target.write(new RowBatch(t.name(), columns, values, n));
          }
        }
        target.commit();
      } catch (RuntimeException | Error e) {
        target.abort();
        throw e;
      }
    }
  }

  private static Model load(String location) {
    if (!location.startsWith("classpath:")) {
      Path file = Path.of(location);
      if (!Files.isRegularFile(file)) {
        throw new SynthException(
            "@SynthDatabase model "
                + location
                + ": no such file (from "
                + Path.of("").toAbsolutePath()
                + ")");
      }
      return SynData.load(file);
    }
    String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    URL url =
        (loader != null ? loader : SeededDatabase.class.getClassLoader()).getResource(resource);
    if (url == null) {
      throw new SynthException(
          "@SynthDatabase model " + location + ": no such resource on the test classpath");
    }
    try {
      if ("file".equals(url.getProtocol())) {
        return SynData.load(Path.of(url.toURI()));
      }
      Path copy = Files.createTempFile("synth-model-", ".synth");
      copy.toFile().deleteOnExit();
      try (InputStream in = url.openStream()) {
        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      }
      return SynData.load(copy);
    } catch (IOException | URISyntaxException e) {
      throw new SynthException("@SynthDatabase model " + location + ": " + e.getMessage(), e);
    }
  }

  private static void checkDriver(String url) {
    if (!url.startsWith("jdbc:tc:")) {
      return;
    }
    try {
      Class.forName(
          "org.testcontainers.jdbc.ContainerDatabaseDriver",
          false,
          SeededDatabase.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new SynthException(
          "@SynthDatabase url "
              + url
              + " needs Testcontainers on the test classpath: add"
              + " org.testcontainers:postgresql (test scope), and have Docker running");
    }
  }

  /** Empties the model's tables on a server, discards an embedded database. */
  @Override
  public void close() {
    try (Connection c = keeper) {
      if (embedded) {
        try (Statement st = c.createStatement()) {
          st.execute("SHUTDOWN");
        }
      } else {
        TargetTables.empty(dataSource, schema);
      }
    } catch (SQLException e) {
      LOG.warn("cleaning up {} failed: {}", Connectors.redact(url), e.getMessage());
    }
  }
}
