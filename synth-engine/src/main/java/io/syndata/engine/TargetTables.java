package io.syndata.engine;

import io.syndata.connectors.Connectors;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Empties a target database's copies of a model's tables, so that a test database can be seeded
 * again: rows are deleted, children before parents, in one transaction. Nothing is dropped, and a
 * table that is not in the model is never touched.
 */
public final class TargetTables {
  private TargetTables() {}

  /**
   * Deletes every row of the tables of {@code schema} that exist in the database at {@code
   * jdbcUrl}; tables that do not exist are skipped.
   *
   * @return the emptied tables with the rows each held, in the order they were emptied
   */
  public static Map<String, Long> empty(String jdbcUrl, Schema schema) {
    try (Connection c = DriverManager.getConnection(jdbcUrl)) {
      return empty(c, schema);
    } catch (SQLException e) {
      throw new SynthException(
          "cannot empty the tables of " + Connectors.redact(jdbcUrl) + ": " + e.getMessage(), e);
    }
  }

  /** As {@link #empty(String, Schema)}, for the database behind a data source (not closed). */
  public static Map<String, Long> empty(DataSource dataSource, Schema schema) {
    try (Connection c = dataSource.getConnection()) {
      return empty(c, schema);
    } catch (SQLException e) {
      throw new SynthException("cannot empty the tables of the target: " + e.getMessage(), e);
    }
  }

  private static Map<String, Long> empty(Connection c, Schema schema) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    String quote = md.getIdentifierQuoteString().trim();
    Map<String, String> existing = new HashMap<>();
    try (ResultSet rs = md.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME");
        existing.put(name.toLowerCase(Locale.ROOT), name);
      }
    }
    List<Table> order = new ArrayList<>(ForeignKeyGraph.of(schema).generationOrder());
    java.util.Collections.reverse(order);
    Map<String, Long> emptied = new java.util.LinkedHashMap<>();
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      for (Table t : order) {
        String actual = existing.get(t.name().toLowerCase(Locale.ROOT));
        if (actual != null) {
          String quoted = quote + actual.replace(quote, quote + quote) + quote;
          try {
            emptied.put(actual, (long) st.executeUpdate("DELETE FROM " + quoted));
          } catch (SQLException e) {
            throw new SynthException(
                "cannot empty table "
                    + actual
                    + " (rows of a table outside the model may refer to it): "
                    + e.getMessage(),
                e);
          }
        }
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
    return emptied;
  }
}
