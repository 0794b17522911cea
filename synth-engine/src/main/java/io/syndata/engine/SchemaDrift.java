package io.syndata.engine;

import io.syndata.connectors.Connectors;
import io.syndata.data.SchemaFilter;
import io.syndata.data.Source;
import io.syndata.data.Target;
import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * How a target database's existing tables differ from a model's schema, and how generation copes:
 * migrations change a test database faster than anyone retrains. A new column is filled (by its
 * database default when it has one, else with type-appropriate values derived from each row), a
 * column the target no longer has is not written, a widened type is accepted, and a table the model
 * does not know is left empty. Each difference is one line of {@link #lines()}.
 *
 * <pre>{@code
 * SchemaDrift drift = SchemaDrift.read(model.schema(), "jdbc:h2:./test");
 * drift.lines().forEach(System.out::println);
 * SynData.generate(model.synthModel(), drift.adapt(SynData.openTarget(url), seed), options, p);
 * }</pre>
 *
 * <p>A target without any of the model's tables has no drift: every table is created.
 */
public final class SchemaDrift {
  /** What changed, from the model's point of view. */
  public enum Kind {
    /** The target has a table the model does not know: it is left empty. */
    NEW_TABLE,
    /** A table of the model is absent from the target, which has others: it is created. */
    MISSING_TABLE,
    /** The target table has a column the model does not know: it is filled. */
    NEW_COLUMN,
    /** A column of the model is gone from the target table: it is not written. */
    DROPPED_COLUMN,
    /** The target column holds every value of the model's type (longer, more precise, wider). */
    WIDENED_TYPE,
    /** The target column's type is not a widening of the model's: values may not fit. */
    CHANGED_TYPE
  }

  /**
   * One difference.
   *
   * @param column empty for the table-level kinds
   * @param targetColumn the target's column, for {@link Kind#NEW_COLUMN} and the type changes
   * @param hasDefault for a new column, whether the database fills it with a declared default
   */
  public record Difference(
      Kind kind,
      String table,
      Optional<String> column,
      Optional<Column> targetColumn,
      boolean hasDefault,
      String line) {}

  private final List<Difference> differences;

  private SchemaDrift(List<Difference> differences) {
    this.differences = List.copyOf(differences);
  }

  /** The differences, table by table in the model's order, new tables last. */
  public List<Difference> differences() {
    return differences;
  }

  public boolean isEmpty() {
    return differences.isEmpty();
  }

  /** One line per difference, saying what generation does about it. */
  public List<String> lines() {
    return differences.stream().map(Difference::line).toList();
  }

  /**
   * Reads the existing tables of the database at {@code targetUrl} and compares them with the
   * model's schema. A folder target (any location not starting with {@code jdbc:}) has no drift.
   */
  public static SchemaDrift read(Schema model, String targetUrl) {
    if (!SynData.isJdbc(targetUrl)) {
      return new SchemaDrift(List.of());
    }
    try (Connection c = DriverManager.getConnection(targetUrl)) {
      if (!holdsAny(c, model)) {
        return new SchemaDrift(List.of());
      }
      try (Source source = Connectors.source(targetUrl)) {
        return compare(model, source.introspect(SchemaFilter.ALL), defaults(c));
      }
    } catch (SQLException e) {
      throw new SynthException(
          "cannot read the tables of " + Connectors.redact(targetUrl) + ": " + e.getMessage(), e);
    }
  }

  /** As {@link #read(Schema, String)}, for the database behind a data source (not closed). */
  public static SchemaDrift read(Schema model, DataSource target) {
    try (Connection c = target.getConnection()) {
      if (!holdsAny(c, model)) {
        return new SchemaDrift(List.of());
      }
      try (Source source = Connectors.source(target, Optional.empty())) {
        return compare(model, source.introspect(SchemaFilter.ALL), defaults(c));
      }
    } catch (SQLException e) {
      throw new SynthException("cannot read the tables of the target: " + e.getMessage(), e);
    }
  }

  /**
   * Compares a model's schema with a target's.
   *
   * @param withDefault the target's columns that declare a default, as {@code table.column} in
   *     lower case
   */
  public static SchemaDrift compare(Schema model, Schema target, Set<String> withDefault) {
    Map<String, Table> existing = new HashMap<>();
    target.tables().forEach(t -> existing.put(lower(t.name()), t));
    boolean anyKnown = model.tables().stream().anyMatch(t -> existing.containsKey(lower(t.name())));
    if (!anyKnown) {
      return new SchemaDrift(List.of());
    }
    List<Difference> found = new ArrayList<>();
    Set<String> known = new HashSet<>();
    for (Table m : model.tables()) {
      known.add(lower(m.name()));
      Table t = existing.get(lower(m.name()));
      if (t == null) {
        found.add(
            new Difference(
                Kind.MISSING_TABLE,
                m.name(),
                Optional.empty(),
                Optional.empty(),
                false,
                "table " + m.name() + " of the model is not in the target: it is created"));
      } else {
        compareColumns(m, t, withDefault, found);
      }
    }
    for (Table t : target.tables()) {
      if (!known.contains(lower(t.name()))) {
        found.add(
            new Difference(
                Kind.NEW_TABLE,
                t.name(),
                Optional.empty(),
                Optional.empty(),
                false,
                "table "
                    + t.name()
                    + " is new in the target (not in the model): it is left empty"));
      }
    }
    return new SchemaDrift(found);
  }

  private static void compareColumns(
      Table model, Table target, Set<String> withDefault, List<Difference> found) {
    Map<String, Column> byName = new HashMap<>();
    target.columns().forEach(c -> byName.put(lower(c.name()), c));
    Set<String> modelled = new HashSet<>();
    for (Column mc : model.writtenColumns()) {
      modelled.add(lower(mc.name()));
      Column tc = byName.get(lower(mc.name()));
      String where = model.name() + "." + mc.name();
      if (tc == null) {
        if (model.isKeyColumn(mc.name())) {
          throw new SynthException(
              "column "
                  + where
                  + " belongs to a key of the model but is gone from the target:"
                  + " retrain the model on the migrated schema");
        }
        found.add(
            new Difference(
                Kind.DROPPED_COLUMN,
                model.name(),
                Optional.of(mc.name()),
                Optional.empty(),
                false,
                "column " + where + " is gone from the target: it is not written"));
      } else if (!sameType(mc, tc)) {
        boolean widened = widens(mc, tc);
        found.add(
            new Difference(
                widened ? Kind.WIDENED_TYPE : Kind.CHANGED_TYPE,
                model.name(),
                Optional.of(mc.name()),
                Optional.of(tc),
                false,
                "column "
                    + where
                    + " changed from "
                    + describe(mc)
                    + " to "
                    + describe(tc)
                    + (widened
                        ? ": widened, accepted"
                        : ": not a widening, values of the model may not fit")));
      }
    }
    for (Column tc : target.columns()) {
      if (modelled.contains(lower(tc.name()))) {
        continue;
      }
      boolean hasDefault = withDefault.contains(lower(target.name() + "." + tc.name()));
      String where = model.name() + "." + tc.name();
      found.add(
          new Difference(
              Kind.NEW_COLUMN,
              model.name(),
              Optional.of(tc.name()),
              Optional.of(tc),
              hasDefault,
              "column "
                  + where
                  + " ("
                  + describe(tc)
                  + (tc.nullable() ? "" : " NOT NULL")
                  + ") is new in the target: "
                  + (hasDefault
                      ? "filled by its default"
                      : tc.nullable()
                          ? "filled with type-appropriate values"
                          : "filled by the fallback generator")));
    }
  }

  /**
   * The target as generation should see it: the model's tables without the dropped columns, with
   * the new columns that have no default, whose values are derived from each row and {@code seed}.
   * Without drift the target itself is returned.
   */
  public Target adapt(Target target, long seed) {
    if (differences.stream()
        .noneMatch(d -> d.kind() == Kind.NEW_COLUMN || d.kind() == Kind.DROPPED_COLUMN)) {
      return target;
    }
    return new DriftTarget(target, differences, seed);
  }

  private static boolean sameType(Column a, Column b) {
    return a.type() == b.type() && a.length() == b.length() && sameNumber(a, b);
  }

  private static boolean sameNumber(Column a, Column b) {
    return a.type() != DataType.DECIMAL
        || (a.precision() == b.precision() && a.scale() == b.scale());
  }

  /** Whether every value of the model's column fits the target's. */
  static boolean widens(Column from, Column to) {
    if (from.type() == to.type()) {
      boolean longer = to.length() == 0 || (from.length() > 0 && to.length() >= from.length());
      if (from.type() == DataType.DECIMAL) {
        return longer
            && to.scale() >= from.scale()
            && (to.precision() == 0
                || to.precision() - to.scale() >= from.precision() - from.scale());
      }
      return longer;
    }
    return switch (from.type()) {
      case INTEGER -> to.type() == DataType.DECIMAL || to.type() == DataType.FLOAT;
      case DECIMAL -> to.type() == DataType.FLOAT;
      case DATE -> to.type() == DataType.TIMESTAMP || to.type() == DataType.TIMESTAMP_TZ;
      case TIMESTAMP -> to.type() == DataType.TIMESTAMP_TZ;
      default -> false;
    };
  }

  private static String describe(Column c) {
    String sql = c.sqlType().isEmpty() ? c.type().name().toLowerCase(Locale.ROOT) : c.sqlType();
    if (c.type() == DataType.DECIMAL && c.precision() > 0) {
      return sql + "(" + c.precision() + "," + c.scale() + ")";
    }
    return c.length() > 0 && c.type() == DataType.STRING ? sql + "(" + c.length() + ")" : sql;
  }

  /**
   * Whether the database has any of the model's tables. Checked on a plain connection first, so
   * that a new embedded database (SQLite, DuckDB), which a read-only source could not open, is not
   * drift.
   */
  private static boolean holdsAny(Connection c, Schema model) throws SQLException {
    Set<String> names = new HashSet<>();
    model.tables().forEach(t -> names.add(lower(t.name())));
    try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", null)) {
      while (rs.next()) {
        if (names.contains(lower(rs.getString("TABLE_NAME")))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The columns that declare a default, as lower-case {@code table.column}. */
  private static Set<String> defaults(Connection c) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    Set<String> result = new HashSet<>();
    try (ResultSet rs = md.getColumns(c.getCatalog(), c.getSchema(), "%", "%")) {
      while (rs.next()) {
        String def = rs.getString("COLUMN_DEF");
        String auto = rs.getString("IS_AUTOINCREMENT");
        if ((def != null && !def.isBlank() && !def.trim().equalsIgnoreCase("NULL"))
            || "YES".equalsIgnoreCase(auto)) {
          result.add(lower(rs.getString("TABLE_NAME") + "." + rs.getString("COLUMN_NAME")));
        }
      }
    }
    return result;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
