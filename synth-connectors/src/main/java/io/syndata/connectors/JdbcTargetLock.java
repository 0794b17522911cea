package io.syndata.connectors;

import io.syndata.data.TargetLock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Takes a run's lock on a database target, held by the target's own session for the whole run: an
 * advisory lock on PostgreSQL (per schema), {@code GET_LOCK} on MariaDB and MySQL (per database), a
 * hidden lock file beside an embedded database's file ({@code .shop.db.syndata.lock}), and an
 * in-process lock for in-memory and other databases. A server releases a session's lock when the
 * session ends, so a killed run blocks no one.
 */
final class JdbcTargetLock {
  /** PostgreSQL advisory lock class: "SYND". */
  private static final int PG_CLASS = 0x53594E44;

  private JdbcTargetLock() {}

  /**
   * Locks the target of {@code db} through {@code c}, the session that writes it.
   *
   * @throws io.syndata.schema.SynthException naming the target and the holder when it is in use
   */
  static TargetLock acquire(Database db, Connection c) throws SQLException {
    String target = db.maskedUrl();
    return switch (db.dialect()) {
      case POSTGRES -> postgres(c, target);
      case MARIADB, MYSQL -> mariadb(c, target);
      default -> {
        Optional<Path> file = db.embeddedFile();
        if (file.isPresent()) {
          yield TargetLock.file(
              file.get().resolveSibling("." + file.get().getFileName() + ".syndata.lock"), target);
        }
        yield db.identity()
            .map(id -> TargetLock.inProcess("jdbc:" + id, target))
            .orElse(TargetLock.none());
      }
    };
  }

  private static TargetLock postgres(Connection c, String target) throws SQLException {
    int key = String.valueOf(c.getSchema()).hashCode();
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
      ps.setInt(1, PG_CLASS);
      ps.setInt(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          throw TargetLock.inUse(target, postgresHolder(c, key));
        }
      }
    }
    return TargetLock.held(
        () -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            ps.setInt(1, PG_CLASS);
            ps.setInt(2, key);
            ps.execute();
          }
        });
  }

  private static String postgresHolder(Connection c, int key) {
    String sql =
        "SELECT a.pid, a.client_addr, a.backend_start FROM pg_locks l"
            + " JOIN pg_stat_activity a ON a.pid = l.pid"
            + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2"
            + " AND l.classid::bigint = ? AND l.objid::bigint = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, Integer.toUnsignedLong(PG_CLASS));
      ps.setLong(2, Integer.toUnsignedLong(key));
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          String from = rs.getString(2);
          return "PostgreSQL backend pid "
              + rs.getInt(1)
              + (from == null ? "" : " from " + from)
              + ", connected since "
              + rs.getTimestamp(3).toInstant();
        }
      }
    } catch (SQLException e) {
      // who holds it is a courtesy; that it is held is what counts
    }
    return "";
  }

  private static TargetLock mariadb(Connection c, String target) throws SQLException {
    String name = "syndata:" + c.getCatalog();
    String lock = name.length() <= 64 ? name : name.substring(0, 64);
    try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, 0)")) {
      ps.setString(1, lock);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (rs.getInt(1) != 1) {
          throw TargetLock.inUse(target, mariadbHolder(c, lock));
        }
      }
    }
    return TargetLock.held(
        () -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            ps.setString(1, lock);
            ps.execute();
          }
        });
  }

  private static String mariadbHolder(Connection c, String lock) {
    try (PreparedStatement ps = c.prepareStatement("SELECT IS_USED_LOCK(?)")) {
      ps.setString(1, lock);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next() && rs.getObject(1) != null) {
          return "connection " + rs.getLong(1) + " holds lock '" + lock + "'";
        }
      }
    } catch (SQLException e) {
      // a courtesy, as above
    }
    return "";
  }
}
