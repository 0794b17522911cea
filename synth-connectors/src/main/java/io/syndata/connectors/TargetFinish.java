package io.syndata.connectors;

import io.syndata.schema.ForeignKey;
import io.syndata.schema.SynthException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a database target does once every row is in: finds rows whose foreign key matches no parent
 * (where key checks were suspended during the load), and sets sequences, identity and
 * auto-increment counters above the largest key written, so that the application's own inserts do
 * not collide with generated rows.
 */
final class TargetFinish {
  private static final Logger LOG = LoggerFactory.getLogger(TargetFinish.class);

  private TargetFinish() {}

  /**
   * Fails naming the foreign key and the count when a written row references no parent row.
   *
   * @param keys per child table (target name), its foreign keys with target names
   */
  static void verifyNoOrphans(Connection c, Dialect d, Map<String, List<TableDdl.NamedKey>> keys)
      throws SQLException {
    try (Statement st = c.createStatement()) {
      for (Map.Entry<String, List<TableDdl.NamedKey>> e : keys.entrySet()) {
        for (TableDdl.NamedKey k : e.getValue()) {
          ForeignKey fk = k.key();
          List<String> on = new ArrayList<>();
          List<String> present = new ArrayList<>();
          for (int i = 0; i < fk.columns().size(); i++) {
            on.add(
                "p." + d.quote(fk.parentColumns().get(i)) + " = c." + d.quote(fk.columns().get(i)));
            present.add("c." + d.quote(fk.columns().get(i)) + " IS NOT NULL");
          }
          String sql =
              "SELECT COUNT(*) FROM "
                  + d.quote(e.getKey())
                  + " c LEFT JOIN "
                  + d.quote(k.parentTable())
                  + " p ON "
                  + String.join(" AND ", on)
                  + " WHERE "
                  + String.join(" AND ", present)
                  + " AND p."
                  + d.quote(fk.parentColumns().get(0))
                  + " IS NULL";
          try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            long orphans = rs.getLong(1);
            if (orphans > 0) {
              throw new SynthException(
                  "foreign key "
                      + fk.describe(e.getKey())
                      + ": "
                      + orphans
                      + " written rows reference no parent row; nothing was committed");
            }
          }
        }
      }
    }
  }

  /**
   * Sets the counters of the written tables' identity, serial and auto-increment columns above the
   * largest value written; returns one line per counter set, for the log.
   */
  static List<String> resetCounters(Connection c, Dialect d, List<String> tables)
      throws SQLException {
    List<String> done = new ArrayList<>();
    switch (d) {
      case POSTGRES -> {
        String sql =
            "SELECT a.attname, pg_get_serial_sequence(quote_ident(c.relname), a.attname)"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                + " WHERE c.oid = to_regclass(quote_ident(?)) AND a.attnum > 0 AND NOT a.attisdropped"
                + " AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL";
        for (String table : tables) {
          List<String[]> sequences = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                sequences.add(new String[] {rs.getString(1), rs.getString(2)});
              }
            }
          }
          for (String[] s : sequences) {
            // setval(seq, max, true): the next value is max + 1; an empty table restarts at 1
            String set =
                "SELECT setval(?, COALESCE((SELECT MAX("
                    + d.quote(s[0])
                    + ") FROM "
                    + d.quote(table)
                    + "), 0) + 1, false)";
            try (PreparedStatement ps = c.prepareStatement(set)) {
              ps.setString(1, s[1]);
              try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                done.add(s[1] + " next " + rs.getLong(1));
              }
            }
          }
        }
      }
      case MARIADB, MYSQL -> {
        String sql =
            "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_NAME = ? AND EXTRA LIKE '%auto_increment%'";
        for (String table : tables) {
          String column = null;
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
              column = rs.next() ? rs.getString(1) : null;
            }
          }
          if (column == null) {
            continue;
          }
          long next;
          try (Statement st = c.createStatement();
              ResultSet rs =
                  st.executeQuery(
                      "SELECT COALESCE(MAX("
                          + d.quote(column)
                          + "), 0) + 1 FROM "
                          + d.quote(table))) {
            rs.next();
            next = rs.getLong(1);
          }
          try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE " + d.quote(table) + " AUTO_INCREMENT = " + next);
          }
          done.add(table + "." + column + " next " + next);
        }
      }
      default -> {}
    }
    done.forEach(line -> LOG.debug("counter {}", line));
    return done;
  }
}
