package io.syndata.connectors;

import io.syndata.data.RowBatch;
import io.syndata.schema.Column;
import io.syndata.schema.SynthException;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Set;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes row batches into tables over one connection: COPY on PostgreSQL, multi-row INSERT
 * elsewhere, with the last full-size INSERT statement kept prepared. One per connection: the
 * target's own, and one per parallel writer.
 */
final class RowWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RowWriter.class);

  /** Bind parameters per INSERT statement: below every driver's and server's limit. */
  private static final int MAX_PARAMETERS = 30_000;

  static final int MAX_ROWS_PER_INSERT = 1_000;

  private final Database db;
  private final Dialect dialect;
  private final Connection connection;
  private PreparedStatement cachedInsert;
  private String cachedInsertKey = "";

  RowWriter(Database db, Connection connection) {
    this.db = db;
    this.dialect = db.dialect();
    this.connection = connection;
  }

  void write(TargetTable t, RowBatch batch) {
    if (batch.size() == 0) {
      return;
    }
    if (!t.computed().isEmpty()) {
      batch = withoutComputed(batch, t.computed());
    }
    try {
      if (dialect.copiesRows()) {
        copy(t, batch);
      } else {
        insert(t, batch);
      }
    } catch (SQLException | IOException e) {
      throw new SynthException("writing table " + t.name() + " failed: " + db.explain(e), e);
    }
  }

  /** The batch without the columns the target computes itself. */
  private static RowBatch withoutComputed(RowBatch batch, Set<String> computed) {
    List<String> kept = batch.columns().stream().filter(c -> !computed.contains(c)).toList();
    Object[][] values = new Object[kept.size()][];
    for (int i = 0; i < kept.size(); i++) {
      values[i] = batch.values()[batch.columnIndex(kept.get(i))];
    }
    return new RowBatch(batch.table(), kept, values, batch.size());
  }

  private List<String> quotedColumns(TargetTable t, List<String> columns) {
    return columns.stream().map(c -> dialect.quote(t.column(c))).toList();
  }

  private void copy(TargetTable t, RowBatch batch) throws SQLException, IOException {
    String sql =
        "COPY "
            + dialect.quote(t.name())
            + " ("
            + String.join(", ", quotedColumns(t, batch.columns()))
            + ") FROM STDIN (FORMAT csv)";
    StringBuilder csv = new StringBuilder(batch.size() * batch.columns().size() * 8);
    for (int r = 0; r < batch.size(); r++) {
      for (int c = 0; c < batch.columns().size(); c++) {
        if (c > 0) {
          csv.append(',');
        }
        Object v = batch.value(c, r);
        if (v instanceof String s) {
          // Quoted, so that an empty string stays distinct from NULL (an unquoted empty field).
          csv.append('"').append(s.replace("\"", "\"\"")).append('"');
        } else if (v != null) {
          csv.append(TextValues.format(v));
        }
      }
      csv.append('\n');
    }
    connection
        .unwrap(PGConnection.class)
        .getCopyAPI()
        .copyIn(sql, new StringReader(csv.toString()));
  }

  private void insert(TargetTable t, RowBatch batch) throws SQLException {
    int width = Math.max(1, batch.columns().size());
    int perStatement = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, MAX_PARAMETERS / width));
    String head =
        "INSERT INTO "
            + dialect.quote(t.name())
            + " ("
            + String.join(", ", quotedColumns(t, batch.columns()))
            + ") VALUES ";
    Column[] columns =
        batch.columns().stream().map(c -> t.table().column(c)).toArray(Column[]::new);
    String row =
        "("
            + String.join(", ", java.util.Arrays.stream(columns).map(dialect::placeholder).toList())
            + ")";
    for (int from = 0; from < batch.size(); from += perStatement) {
      int rows = Math.min(perStatement, batch.size() - from);
      PreparedStatement ps;
      boolean cached = rows == perStatement;
      if (cached) {
        String key = head + rows;
        if (!key.equals(cachedInsertKey)) {
          close();
          cachedInsert =
              connection.prepareStatement(
                  head + String.join(", ", java.util.Collections.nCopies(rows, row)));
          cachedInsertKey = key;
        }
        ps = cachedInsert;
      } else {
        ps =
            connection.prepareStatement(
                head + String.join(", ", java.util.Collections.nCopies(rows, row)));
      }
      try {
        int p = 1;
        for (int r = from; r < from + rows; r++) {
          for (int c = 0; c < batch.columns().size(); c++) {
            bind(ps, p++, columns[c], batch.value(c, r));
          }
        }
        ps.executeUpdate();
      } finally {
        if (!cached) {
          ps.close();
        }
      }
    }
  }

  /**
   * Sets the non-key columns of rows found by the key columns (the deferred foreign keys of a
   * cycle), in JDBC batches.
   */
  void update(TargetTable t, RowBatch batch, List<String> keyColumns) {
    List<String> setColumns =
        batch.columns().stream().filter(c -> !keyColumns.contains(c)).toList();
    if (setColumns.isEmpty() || batch.size() == 0) {
      return;
    }
    String sql =
        "UPDATE "
            + dialect.quote(t.name())
            + " SET "
            + String.join(
                ", ", setColumns.stream().map(c -> dialect.quote(t.column(c)) + " = ?").toList())
            + " WHERE "
            + String.join(
                " AND ",
                keyColumns.stream().map(c -> dialect.quote(t.column(c)) + " = ?").toList());
    int[] setIndex = setColumns.stream().mapToInt(batch::columnIndex).toArray();
    int[] keyIndex = keyColumns.stream().mapToInt(batch::columnIndex).toArray();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int r = 0; r < batch.size(); r++) {
        int p = 1;
        for (int c : setIndex) {
          bind(ps, p++, batch.value(c, r));
        }
        for (int c : keyIndex) {
          bind(ps, p++, batch.value(c, r));
        }
        ps.addBatch();
        if ((r + 1) % RowWriter.MAX_ROWS_PER_INSERT == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new SynthException("updating table " + t.name() + " failed: " + db.explain(e), e);
    }
  }

  void bind(PreparedStatement ps, int index, Object value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.NULL);
    } else {
      ps.setObject(index, dialect.bindable(value));
    }
  }

  private void bind(PreparedStatement ps, int index, Column column, Object value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.NULL);
    } else {
      ps.setObject(index, dialect.bindable(column, value));
    }
  }

  /** Closes the kept statement; the connection stays open. */
  @Override
  public void close() {
    if (cachedInsert != null) {
      try {
        cachedInsert.close();
      } catch (SQLException e) {
        LOG.debug("closing a statement failed", e);
      }
      cachedInsert = null;
      cachedInsertKey = "";
    }
  }
}
