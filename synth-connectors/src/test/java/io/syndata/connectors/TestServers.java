package io.syndata.connectors;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The servers and data the integration tests use, from the environment ({@code SYNTH_PG_URL},
 * {@code SYNTH_MARIADB_URL}, {@code SYNTH_SHARED_DATASETS}). A missing one skips the test on a
 * developer machine and fails it when {@code CI=true}.
 */
final class TestServers {
  private TestServers() {}

  static String postgres() {
    return required("SYNTH_PG_URL", "a PostgreSQL server (see .ci/servers)");
  }

  static String mariadb() {
    return required("SYNTH_MARIADB_URL", "a MariaDB server (see .ci/servers)");
  }

  /**
   * The shared datasets folder: SYNTH_SHARED_DATASETS, else ../shared/datasets from the repository
   * root.
   */
  static Path datasets() {
    String env = System.getenv("SYNTH_SHARED_DATASETS");
    Path dir =
        env != null && !env.isBlank()
            ? Path.of(env)
            : repositoryRoot().resolveSibling("shared").resolve("datasets");
    if (!Files.isDirectory(dir)) {
      unavailable("the shared datasets folder " + dir + " is missing (set SYNTH_SHARED_DATASETS)");
    }
    return dir;
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir.getParent() != null && !Files.isDirectory(dir.resolve(".git"))) {
      dir = dir.getParent();
    }
    return dir;
  }

  private static String required(String variable, String what) {
    String value = System.getenv(variable);
    if (value == null || value.isBlank()) {
      unavailable(variable + " is not set, so there is no " + what);
    }
    return value;
  }

  private static void unavailable(String why) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(why + "; CI=true requires it");
    }
    assumeTrue(false, "skipped: " + why);
  }

  /** A fresh database on a server, dropped on close. */
  record FreshDatabase(String adminUrl, String url, String name) implements AutoCloseable {
    static FreshDatabase on(String adminUrl) {
      String name =
          "synth_"
              + UUID.randomUUID()
                  .toString()
                  .replace("-", "")
                  .substring(0, 12)
                  .toLowerCase(Locale.ROOT);
      exec(adminUrl, "CREATE DATABASE " + name);
      // jdbc:<driver>://host:port/<db>?params: put the new database in place of the URL's
      String url = adminUrl.replaceFirst("^(jdbc:[a-z]+://[^/?]+)/?([^?]*)", "$1/" + name);
      return new FreshDatabase(adminUrl, url, name);
    }

    @Override
    public void close() {
      exec(
          adminUrl,
          adminUrl.startsWith("jdbc:postgresql:")
              ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
              : "DROP DATABASE IF EXISTS " + name);
    }
  }

  static void exec(String url, String... statements) {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          e.getMessage() + " running " + String.join("; ", statements), e);
    }
  }
}
