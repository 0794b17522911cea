package io.syndata.connectors;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a location (a JDBC URL or a folder) points at, however it is spelled: for refusing the
 * source as the target and for locking a target.
 */
public final class Locations {
  private static final Map<String, Integer> DEFAULT_PORTS =
      Map.of("postgresql", 5432, "mariadb", 3306, "mysql", 3306, "sqlserver", 1433);

  private Locations() {}

  /**
   * What a location points at, comparable across spellings; empty for a location that is a new
   * database every time it is opened (an unnamed in-memory database).
   */
  public static Optional<String> identity(String location) {
    if (!location.regionMatches(true, 0, "jdbc:", 0, 5)) {
      return Optional.of("folder:" + Path.of(location).toAbsolutePath().normalize());
    }
    String rest = location.substring(5);
    int colon = rest.indexOf(':');
    if (colon < 0) {
      return Optional.of(location);
    }
    String driver = rest.substring(0, colon).toLowerCase(Locale.ROOT);
    String body = rest.substring(colon + 1);
    return switch (driver) {
      case "h2" -> h2(body);
      case "sqlite", "duckdb" -> file(driver, body);
      default -> server(driver, body, location);
    };
  }

  private static Optional<String> h2(String body) {
    String name = body.split(";", 2)[0];
    if (name.startsWith("mem:")) {
      String db = name.substring(4);
      return db.isEmpty() ? Optional.empty() : Optional.of("h2:mem:" + db);
    }
    if (name.startsWith("file:")) {
      name = name.substring(5);
    }
    if (name.startsWith("tcp:") || name.startsWith("ssl:")) {
      return Optional.of("h2:" + name);
    }
    if (name.startsWith("~")) {
      name = System.getProperty("user.home") + name.substring(1);
    }
    return Optional.of("h2:file:" + Path.of(name).toAbsolutePath().normalize());
  }

  private static Optional<String> file(String driver, String body) {
    String name = body.split("[?;]", 2)[0];
    if (name.isEmpty() || name.equals(":memory:") || name.startsWith(":memory:")) {
      return Optional.empty();
    }
    if (name.startsWith("file:")) {
      name = name.substring(5);
    }
    return Optional.of(driver + ":" + Path.of(name).toAbsolutePath().normalize());
  }

  /** host, port (defaulted), database and the parameters that choose a schema. */
  private static Optional<String> server(String driver, String body, String location) {
    String family = driver.equals("mysql") ? "mariadb" : driver;
    try {
      URI uri = new URI(body.split(";", 2)[0]);
      if (uri.getHost() == null) {
        return Optional.of(location);
      }
      String host = uri.getHost().toLowerCase(Locale.ROOT);
      if (host.equals("localhost") || host.equals("[::1]") || host.equals("::1")) {
        host = "127.0.0.1";
      }
      int port = uri.getPort() > 0 ? uri.getPort() : DEFAULT_PORTS.getOrDefault(driver, -1);
      String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
      Map<String, String> schema = new TreeMap<>();
      if (uri.getQuery() != null) {
        for (String param : uri.getQuery().split("&")) {
          String[] kv = param.split("=", 2);
          String key = kv[0].toLowerCase(Locale.ROOT);
          if (key.equals("currentschema") || key.equals("searchpath")) {
            String value = kv.length > 1 ? kv[1] : "";
            if (!value.equalsIgnoreCase("public")) {
              schema.put(key, value);
            }
          }
        }
      }
      return Optional.of(
          family + "://" + host + ":" + port + "/" + database + (schema.isEmpty() ? "" : schema));
    } catch (URISyntaxException e) {
      return Optional.of(location);
    }
  }

  /**
   * The file of an embedded database (H2, SQLite, DuckDB) a URL names; empty for server and
   * in-memory databases.
   */
  public static Optional<Path> embeddedFile(String location) {
    Optional<String> id = identity(location);
    for (String prefix : List.of("h2:file:", "sqlite:", "duckdb:")) {
      if (id.isPresent() && id.get().startsWith(prefix)) {
        return Optional.of(Path.of(id.get().substring(prefix.length())));
      }
    }
    return Optional.empty();
  }
}
