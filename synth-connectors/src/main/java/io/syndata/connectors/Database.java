package io.syndata.connectors;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.syndata.schema.SynthException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A small connection pool on one database, with its dialect and a password-free name for messages.
 * Opening fails fast, naming the URL (without password) and the driver's reason.
 */
final class Database implements AutoCloseable {
  private final HikariDataSource pool;
  private final Dialect dialect;
  private final String maskedUrl;
  private final Secrets secrets;
  private final Optional<String> identity;

  private Database(
      HikariDataSource pool,
      Dialect dialect,
      String maskedUrl,
      Secrets secrets,
      Optional<String> identity) {
    this.pool = pool;
    this.dialect = dialect;
    this.maskedUrl = maskedUrl;
    this.secrets = secrets;
    this.identity = identity;
  }

  static Database open(String url, boolean readOnly) {
    String masked = JdbcUrls.mask(url);
    Dialect dialect = Dialect.of(url);
    try {
      Driver driver = DriverManager.getDriver(url);
      if (driver == null) {
        throw new SQLException("no driver");
      }
    } catch (SQLException e) {
      throw new SynthException(
          "cannot connect to "
              + masked
              + ": no JDBC driver for this URL on the class path"
              + " (built in: PostgreSQL, MariaDB/MySQL, H2, SQLite, DuckDB; add other drivers to the class path)");
    }
    HikariConfig config = config(dialect, readOnly);
    config.setJdbcUrl(url);
    if (readOnly) {
      config.setReadOnly(true);
      dialect.readOnlyProperties().forEach(config::addDataSourceProperty);
    }
    try {
      return new Database(
          new HikariDataSource(config), dialect, masked, Secrets.of(url), Locations.identity(url));
    } catch (RuntimeException e) {
      // Drivers echo parts of the URL in their messages, the password too (MariaDB's "Incorrect
      // port value : S3cretPW@host"): the message and the causes are masked.
      Secrets secrets = Secrets.of(url);
      throw new SynthException(
          "cannot connect to " + masked + ": " + secrets.mask(reason(e, url)), secrets.mask(e));
    }
  }

  /**
   * A database reached through the caller's {@link javax.sql.DataSource} (pooled or not): its
   * dialect is read from the connection's URL. Closing this does not close the caller's source.
   */
  static Database of(javax.sql.DataSource dataSource, boolean readOnly) {
    String url;
    try (Connection c = dataSource.getConnection()) {
      url = c.getMetaData().getURL();
    } catch (SQLException e) {
      throw new SynthException(
          "cannot connect through the given DataSource: " + oneLine(String.valueOf(e.getMessage())),
          e);
    }
    String masked = JdbcUrls.mask(url);
    Dialect dialect = Dialect.of(url);
    HikariConfig config = config(dialect, readOnly);
    config.setDataSource(dataSource);
    config.setReadOnly(readOnly);
    Secrets secrets = Secrets.of(url);
    try {
      return new Database(
          new HikariDataSource(config), dialect, masked, secrets, Locations.identity(url));
    } catch (RuntimeException e) {
      throw new SynthException(
          "cannot connect to " + masked + ": " + secrets.mask(reason(e, url)), secrets.mask(e));
    }
  }

  private static HikariConfig config(Dialect dialect, boolean readOnly) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(readOnly ? "syndata-source" : "syndata-target");
    config.setMaximumPoolSize(dialect.poolSize());
    config.setMinimumIdle(1);
    config.setInitializationFailTimeout(1);
    config.setConnectionTimeout(60_000);
    return config;
  }

  /** The driver's own explanation: the first SQL exception in the chain, else the root cause. */
  static String reason(Throwable e, String url) {
    Throwable reason = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException) {
        reason = t;
        break;
      }
      reason = t;
    }
    String message =
        reason.getMessage() == null ? reason.getClass().getSimpleName() : reason.getMessage();
    return oneLine(message.replace(url, JdbcUrls.mask(url)));
  }

  static String oneLine(String message) {
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  /**
   * Grows the pool by one connection per call, for a parallel writer beside the connections already
   * lent out (the target's own, and the other writers).
   */
  synchronized void ensurePoolSize() {
    var mx = pool.getHikariConfigMXBean();
    mx.setMaximumPoolSize(mx.getMaximumPoolSize() + 1);
  }

  Connection connection() {
    try {
      return pool.getConnection();
    } catch (SQLException e) {
      throw new SynthException(
          "cannot connect to " + maskedUrl + ": " + explain(e), secrets.mask(e));
    }
  }

  /** A driver's message for display: one line, passwords masked. */
  String explain(Throwable e) {
    return secrets.mask(oneLine(String.valueOf(e.getMessage())));
  }

  /** What the URL points at, however spelled ({@link Locations#identity}). */
  Optional<String> identity() {
    return identity;
  }

  /** The file of an embedded database, empty for server and in-memory ones. */
  Optional<java.nio.file.Path> embeddedFile() {
    return identity.flatMap(id -> Locations.embeddedFile("jdbc:" + id));
  }

  Dialect dialect() {
    return dialect;
  }

  String maskedUrl() {
    return maskedUrl;
  }

  @Override
  public void close() {
    pool.close();
  }
}
