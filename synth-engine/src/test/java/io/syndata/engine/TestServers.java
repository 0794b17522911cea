package io.syndata.engine;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the test servers and shared datasets are. Missing ones skip a test with a message on a
 * developer's machine, and fail it when {@code CI=true}: CI must never pass by skipping. Shared
 * with synth-junit's tests through this module's test jar.
 */
public final class TestServers {
  private static final Pattern URL = Pattern.compile("^(jdbc:[a-z]+://[^/?]+/)([^?]*)(\\?.*)?$");

  private TestServers() {}

  public static String postgres() {
    return required("SYNTH_PG_URL", "a PostgreSQL server (run .ci/run, or: . .ci/servers)");
  }

  public static String mariadb() {
    return required("SYNTH_MARIADB_URL", "a MariaDB server (run .ci/run, or: . .ci/servers)");
  }

  public static Path datasets() {
    String env = System.getenv("SYNTH_SHARED_DATASETS");
    Path dir = env != null ? Path.of(env) : findUp(Path.of("").toAbsolutePath());
    if (dir == null || !Files.isDirectory(dir)) {
      missing(
          "the shared datasets (../shared/datasets beside the repository, or SYNTH_SHARED_DATASETS)");
    }
    return dir;
  }

  private static Path findUp(Path from) {
    for (Path p = from; p != null; p = p.getParent()) {
      Path candidate = p.resolveSibling("shared").resolve("datasets");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static String required(String variable, String what) {
    String value = System.getenv(variable);
    if (value == null || value.isBlank()) {
      missing(what + " named by " + variable);
    }
    return value;
  }

  /**
   * Skips the calling test with a message naming what it needs, or fails it when {@code CI=true}:
   * for tests that need a tool (a browser) rather than a server.
   */
  public static void missing(String what) {
    String message = "this test needs " + what;
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message + ", and CI=true forbids skipping");
    }
    Assumptions.abort(message + "; skipped");
  }

  /** Creates a fresh database on the server of {@code serverUrl} and returns its URL. */
  public static String createDatabase(String serverUrl, String prefix) {
    String name = prefix + "_" + Long.toHexString(System.nanoTime()).toLowerCase(Locale.ROOT);
    try (Connection c = DriverManager.getConnection(serverUrl);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name + " on " + serverUrl, e);
    }
    Matcher m = URL.matcher(serverUrl);
    if (!m.matches()) {
      throw new IllegalStateException("cannot place a database name into " + serverUrl);
    }
    return m.group(1) + name + (m.group(3) == null ? "" : m.group(3));
  }

  public static void dropDatabase(String serverUrl, String databaseUrl) {
    Matcher m = URL.matcher(databaseUrl);
    if (!m.matches()) {
      return;
    }
    try (Connection c = DriverManager.getConnection(serverUrl);
        Statement s = c.createStatement()) {
      if (serverUrl.startsWith("jdbc:postgresql")) {
        s.execute("DROP DATABASE IF EXISTS " + m.group(2) + " WITH (FORCE)");
      } else {
        s.execute("DROP DATABASE IF EXISTS " + m.group(2));
      }
    } catch (SQLException e) {
      // best effort: a leftover test database does no harm
    }
  }
}
