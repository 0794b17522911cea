package io.syndata.server;

import io.syndata.schema.SynthException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The embedded H2 database in the data directory: API keys (hashed) and job records. One
 * connection, used by one thread at a time; H2's auto-server mode lets {@code synth keys} change
 * keys while a server runs.
 */
final class Store implements AutoCloseable {
  // Options and progress are VARCHAR, not CLOB: H2 keeps a larger CLOB apart from its row, and
  // reading it back made every status request several times slower.
  private static final String DDL =
      """
      CREATE TABLE IF NOT EXISTS api_keys(
        id VARCHAR(40) PRIMARY KEY, name VARCHAR(200) NOT NULL, hash CHAR(64) NOT NULL UNIQUE,
        quota_rows BIGINT, created BIGINT NOT NULL, revoked BIGINT);
      CREATE TABLE IF NOT EXISTS jobs(
        id VARCHAR(40) PRIMARY KEY, key_id VARCHAR(40) NOT NULL, state VARCHAR(16) NOT NULL,
        source_kind VARCHAR(16) NOT NULL, source VARCHAR(2000) NOT NULL, options VARCHAR(1000000) NOT NULL,
        created BIGINT NOT NULL, started BIGINT, finished BIGINT, error VARCHAR(4000),
        progress VARCHAR(1000000), rows_read BIGINT DEFAULT 0 NOT NULL, rows_generated BIGINT DEFAULT 0 NOT NULL,
        compute_ms BIGINT DEFAULT 0 NOT NULL, held BOOLEAN DEFAULT FALSE NOT NULL,
        files_deleted BOOLEAN DEFAULT FALSE NOT NULL, deleted BOOLEAN DEFAULT FALSE NOT NULL);
      CREATE INDEX IF NOT EXISTS jobs_key ON jobs(key_id, created);
      """;

  private final Connection connection;

  private Store(Connection connection) {
    this.connection = connection;
  }

  static Store open(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
      Connection c =
          DriverManager.getConnection(
              "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("syndata") + ";AUTO_SERVER=TRUE",
              "sa",
              "");
      try (Statement s = c.createStatement()) {
        s.execute(DDL);
      }
      return new Store(c);
    } catch (java.io.IOException | SQLException e) {
      throw new SynthException(
          "cannot open the server's database in " + dataDir + ": " + e.getMessage(), e);
    }
  }

  synchronized void insertKey(ApiKeys.ApiKey key, String hash) {
    update(
        "INSERT INTO api_keys(id, name, hash, quota_rows, created) VALUES (?, ?, ?, ?, ?)",
        key.id(),
        key.name(),
        hash,
        key.quotaRows().orElse(null),
        key.created());
  }

  synchronized List<ApiKeys.ApiKey> keys() {
    return query("SELECT * FROM api_keys ORDER BY created", Store::key);
  }

  synchronized Optional<ApiKeys.ApiKey> keyByHash(String hash) {
    return query("SELECT * FROM api_keys WHERE hash = ? AND revoked IS NULL", Store::key, hash)
        .stream()
        .findFirst();
  }

  synchronized int revokeKey(String idOrName, long now) {
    return update(
        "UPDATE api_keys SET revoked = ? WHERE (id = ? OR name = ?) AND revoked IS NULL",
        now,
        idOrName,
        idOrName);
  }

  synchronized void insertJob(JobRecord job) {
    update(
        "INSERT INTO jobs(id, key_id, state, source_kind, source, options, created, held)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        job.id(),
        job.keyId(),
        job.state(),
        job.sourceKind(),
        job.source(),
        job.options(),
        job.created(),
        job.held());
  }

  /** Saves everything about a job that changes while it runs. */
  synchronized void saveJob(JobRecord job) {
    update(
        "UPDATE jobs SET state = ?, started = ?, finished = ?, error = ?, progress = ?,"
            + " rows_read = ?, rows_generated = ?, compute_ms = ?, held = ?, files_deleted = ?,"
            + " deleted = ? WHERE id = ?",
        job.state(),
        job.started(),
        job.finished(),
        job.error(),
        job.progress(),
        job.rowsRead(),
        job.rowsGenerated(),
        job.computeMillis(),
        job.held(),
        job.filesDeleted(),
        job.deleted(),
        job.id());
  }

  synchronized void saveOptions(String id, String options) {
    update("UPDATE jobs SET options = ? WHERE id = ?", options, id);
  }

  synchronized Optional<JobRecord> job(String id) {
    return query("SELECT * FROM jobs WHERE id = ? AND NOT deleted", Store::job, id).stream()
        .findFirst();
  }

  synchronized List<JobRecord> jobs(String keyId) {
    return query(
        "SELECT * FROM jobs WHERE key_id = ? AND NOT deleted ORDER BY created DESC",
        Store::job,
        keyId);
  }

  synchronized List<JobRecord> jobsInState(String... states) {
    List<JobRecord> all = new ArrayList<>();
    for (String s : states) {
      all.addAll(query("SELECT * FROM jobs WHERE state = ?", Store::job, s));
    }
    return all;
  }

  /** Jobs finished before {@code before} whose files are still on disk. */
  synchronized List<JobRecord> expired(long before) {
    return query(
        "SELECT * FROM jobs WHERE finished IS NOT NULL AND finished < ? AND NOT files_deleted",
        Store::job,
        before);
  }

  /** Rows generated, rows read and compute milliseconds of a key's jobs finished since a time. */
  synchronized long[] usage(String keyId, long since) {
    return query(
            "SELECT COALESCE(SUM(rows_generated), 0), COALESCE(SUM(rows_read), 0),"
                + " COALESCE(SUM(compute_ms), 0), COUNT(*) FROM jobs"
                + " WHERE key_id = ? AND finished >= ?",
            r -> new long[] {r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)},
            keyId,
            since)
        .get(0);
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new SynthException("closing the server's database failed: " + e.getMessage(), e);
    }
  }

  private static ApiKeys.ApiKey key(ResultSet r) throws SQLException {
    long quota = r.getLong("quota_rows");
    Optional<Long> q = r.wasNull() ? Optional.empty() : Optional.of(quota);
    long revoked = r.getLong("revoked");
    Optional<Long> rev = r.wasNull() ? Optional.empty() : Optional.of(revoked);
    return new ApiKeys.ApiKey(r.getString("id"), r.getString("name"), q, r.getLong("created"), rev);
  }

  private static JobRecord job(ResultSet r) throws SQLException {
    return new JobRecord(
        r.getString("id"),
        r.getString("key_id"),
        r.getString("state"),
        r.getString("source_kind"),
        r.getString("source"),
        r.getString("options"),
        r.getLong("created"),
        (Long) r.getObject("started"),
        (Long) r.getObject("finished"),
        r.getString("error"),
        r.getString("progress"),
        r.getLong("rows_read"),
        r.getLong("rows_generated"),
        r.getLong("compute_ms"),
        r.getBoolean("held"),
        r.getBoolean("files_deleted"),
        r.getBoolean("deleted"));
  }

  private interface RowMapper<T> {
    T map(ResultSet r) throws SQLException;
  }

  private <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
    try (PreparedStatement ps = prepare(sql, args);
        ResultSet r = ps.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (r.next()) {
        out.add(mapper.map(r));
      }
      return out;
    } catch (SQLException e) {
      throw new SynthException("the server's database failed: " + e.getMessage(), e);
    }
  }

  private int update(String sql, Object... args) {
    try (PreparedStatement ps = prepare(sql, args)) {
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new SynthException("the server's database failed: " + e.getMessage(), e);
    }
  }

  private PreparedStatement prepare(String sql, Object... args) throws SQLException {
    PreparedStatement ps = connection.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      if (args[i] == null) {
        ps.setNull(i + 1, Types.OTHER);
      } else {
        ps.setObject(i + 1, args[i]);
      }
    }
    return ps;
  }
}
