package io.syndata.connectors;

import io.syndata.data.RowBatch;
import io.syndata.data.RowBatchBuilder;
import io.syndata.data.Source;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a table's rows from a database for {@link JdbcSource#scan}: one query ordered by the key
 * (else by every column), or, for a large table with one integer key, ranges of the key over
 * several connections ({@link KeyRangeScan}), handed on in the same order.
 */
final class JdbcTableReader {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcTableReader.class);
  private final Database db;
  private final int readers;
  private final long minSplitRows;

  JdbcTableReader(Database db, int readers, long minSplitRows) {
    this.db = db;
    this.readers = readers;
    this.minSplitRows = minSplitRows;
  }

  /** Streams the columns of a table by its key, else by all columns, in batches. */
  long scan(Table table, String qualified, List<String> columns, Consumer<RowBatch> consumer) {
    Dialect d = db.dialect();
    List<String> order = table.primaryKey().isEmpty() ? columns : table.primaryKey();
    String select =
        "SELECT "
            + (columns.isEmpty()
                ? "1"
                : String.join(
                    ", ",
                    columns.stream()
                        .map(c -> d.readExpression(table.column(c), d.quote(c)))
                        .toList()))
            + " FROM "
            + qualified;
    String orderBy =
        order.isEmpty()
            ? ""
            : " ORDER BY " + String.join(", ", order.stream().map(d::quote).toList());
    Optional<String> key = splitKey(table);
    if (key.isPresent()) {
      Optional<long[]> bounds = keyBounds(table, qualified, key.get());
      if (bounds.isPresent()) {
        List<KeyRangeScan.Range> ranges =
            KeyRangeScan.ranges(
                bounds.get()[0], bounds.get()[1], readers * KeyRangeScan.RANGES_PER_READER);
        String k = d.quote(key.get());
        LOG.debug(
            "reading {} in {} key ranges over {} connections",
            table.name(),
            ranges.size(),
            readers);
        return KeyRangeScan.run(
            table.name(),
            ranges,
            readers,
            (range, batches) ->
                read(
                    table,
                    columns,
                    select + where(k, range) + orderBy,
                    batches,
                    " in the key range " + describe(range)),
            consumer);
      }
    }
    return read(table, columns, select + orderBy, consumer, "");
  }

  /**
   * The key a table is read in ranges of: its primary key when that is one integer column and the
   * table is large enough to gain from parallel reads on a database that allows several
   * connections.
   */
  private Optional<String> splitKey(Table table) {
    if (readers < 2
        || db.dialect().poolSize() < 2
        || table.rowCount() < minSplitRows
        || table.primaryKey().size() != 1) {
      return Optional.empty();
    }
    String key = table.primaryKey().get(0);
    return table.column(key).type() == io.syndata.schema.DataType.INTEGER
        ? Optional.of(key)
        : Optional.empty();
  }

  /** The least and greatest key, or empty when the table is empty or they are not integers. */
  private Optional<long[]> keyBounds(Table table, String qualified, String key) {
    String k = db.dialect().quote(key);
    try (Connection c = db.connection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT MIN(" + k + "), MAX(" + k + ") FROM " + qualified)) {
      rs.next();
      Object min = rs.getObject(1);
      Object max = rs.getObject(2);
      if (!(min instanceof Number lo) || !(max instanceof Number hi)) {
        return Optional.empty();
      }
      if (lo instanceof java.math.BigInteger
          || hi instanceof java.math.BigInteger
          || lo instanceof java.math.BigDecimal
          || hi instanceof java.math.BigDecimal) {
        try {
          return Optional.of(
              new long[] {
                new java.math.BigDecimal(lo.toString()).longValueExact(),
                new java.math.BigDecimal(hi.toString()).longValueExact()
              });
        } catch (ArithmeticException e) {
          return Optional.empty();
        }
      }
      return Optional.of(new long[] {lo.longValue(), hi.longValue()});
    } catch (SQLException e) {
      throw new SynthException(
          "reading the key range of table "
              + table.name()
              + " from "
              + db.maskedUrl()
              + " failed: "
              + db.explain(e),
          e);
    }
  }

  private static String where(String key, KeyRangeScan.Range range) {
    if (range.from() == null && range.to() == null) {
      return "";
    }
    if (range.from() == null) {
      return " WHERE " + key + " < " + range.to();
    }
    if (range.to() == null) {
      return " WHERE " + key + " >= " + range.from();
    }
    return " WHERE " + key + " >= " + range.from() + " AND " + key + " < " + range.to();
  }

  private static String describe(KeyRangeScan.Range range) {
    return "["
        + (range.from() == null ? "" : range.from())
        + ", "
        + (range.to() == null ? "" : range.to())
        + ")";
  }

  /** Runs one query of a scan, handing its rows on in batches; {@code where} names the range. */
  private long read(
      Table table, List<String> columns, String sql, Consumer<RowBatch> consumer, String where) {
    Dialect d = db.dialect();
    JdbcValues[] readers = new JdbcValues[columns.size()];
    for (int i = 0; i < readers.length; i++) {
      readers[i] = new JdbcValues(table.column(columns.get(i)), d);
    }
    long rows = 0;
    String at = "";
    try (Connection c = db.connection()) {
      c.setAutoCommit(false); // PostgreSQL streams through a cursor only inside a transaction
      try (Statement st =
          c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
        st.setFetchSize(Source.BATCH_SIZE);
        try (ResultSet rs = st.executeQuery(sql)) {
          RowBatchBuilder batches = new RowBatchBuilder(table.name(), columns, consumer);
          while (rs.next()) {
            for (int col = 0; col < readers.length; col++) {
              at = columns.get(col);
              batches.set(col, readers[col].read(rs, col + 1));
            }
            batches.endRow();
            rows++;
          }
          batches.finish();
        }
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new SynthException(
          "reading table "
              + table.name()
              + where
              + " from "
              + db.maskedUrl()
              + " failed: "
              + db.explain(e),
          e);
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new SynthException(
          "reading table "
              + table.name()
              + " from "
              + db.maskedUrl()
              + ": column "
              + at
              + " at row "
              + (rows + 1)
              + where
              + " holds a value that is not "
              + table.column(at).type()
              + ": "
              + e.getMessage(),
          e);
    }
    return rows;
  }
}
