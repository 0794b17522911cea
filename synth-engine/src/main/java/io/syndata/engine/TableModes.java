package io.syndata.engine;

import io.syndata.data.Progress;
import io.syndata.data.SchemaFilter;
import io.syndata.data.Source;
import io.syndata.schema.ColumnKind;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import io.syndata.schema.TableMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides each table's {@link TableMode}: the user's {@code --mask}/{@code --keep}/{@code
 * --synthesize} first, then the schema file's {@code "mode"}, else lookup detection; and widens
 * {@code --exclude} to the tables that depend on an excluded one when {@code --cascade} asks for
 * it.
 */
final class TableModes {
  /** A lookup table has at most this many rows. */
  static final long LOOKUP_MAX_ROWS = 250;

  /** ... and some table that references it has at least this many rows per lookup row. */
  static final long LOOKUP_MIN_FANOUT = 5;

  /**
   * ... and at most this many columns besides its key: a label, a code, a symbol. A wider table
   * (berka's district, with 15 demographic figures) is a dimension whose attributes condition its
   * children, so it stays their parent.
   */
  static final int LOOKUP_MAX_ATTRIBUTES = 4;

  private TableModes() {}

  /**
   * The filter with {@code --exclude} widened by every table that references an excluded table,
   * directly or through others, when {@code --cascade} is given; without it, such tables are an
   * error naming them. Reads the source's structure only when something is excluded.
   */
  static SchemaFilter cascade(SourceSpec spec, Source source, Progress progress) {
    SchemaFilter filter = spec.filter();
    if (filter.excludeTables().isEmpty()) {
      return filter;
    }
    Schema all =
        spec.schemaFile().isPresent()
            ? io.syndata.schema.SchemaFile.read(spec.schemaFile().get())
            : source.structure(
                new SchemaFilter(filter.schemas(), filter.includeTables(), List.of()));
    Set<String> excluded = new LinkedHashSet<>();
    for (Table t : all.tables()) {
      if (!filter.acceptsTable(t.name()) && accepted(filter.includeTables(), t.name())) {
        excluded.add(t.name());
      }
    }
    Map<String, String> dependents = dependents(all, excluded);
    if (dependents.isEmpty()) {
      return filter;
    }
    if (!spec.tables().cascade()) {
      throw new SynthException(
          "--exclude "
              + String.join(",", filter.excludeTables())
              + " leaves out tables that others reference: "
              + describe(dependents)
              + "; exclude those too, or add --cascade to leave them out with it");
    }
    progress.note(
        "--exclude --cascade also leaves out "
            + describe(dependents)
            + " ("
            + dependents.size()
            + " table"
            + (dependents.size() == 1 ? "" : "s")
            + ")");
    List<String> widened = new ArrayList<>(filter.excludeTables());
    widened.addAll(dependents.keySet());
    return new SchemaFilter(filter.schemas(), filter.includeTables(), widened);
  }

  private static boolean accepted(List<String> include, String name) {
    return include.isEmpty() || new SchemaFilter(List.of(), include, List.of()).acceptsTable(name);
  }

  /** Tables not in {@code gone} that reference one of them, transitively: table → its reason. */
  private static Map<String, String> dependents(Schema schema, Set<String> gone) {
    Map<String, String> out = new LinkedHashMap<>();
    Set<String> removed = new LinkedHashSet<>(gone);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Table t : schema.tables()) {
        if (removed.contains(t.name())) {
          continue;
        }
        for (ForeignKey fk : t.foreignKeys()) {
          if (removed.contains(fk.parentTable())) {
            out.put(t.name(), t.name() + " references " + fk.parentTable());
            removed.add(t.name());
            grew = true;
            break;
          }
        }
      }
    }
    return out;
  }

  private static String describe(Map<String, String> dependents) {
    return String.join(", ", dependents.values());
  }

  /**
   * Gives every table its mode and leaves out those whose mode is {@code exclude}, noting each
   * table it detects as a lookup table.
   *
   * @throws SynthException when a pattern names no table, an excluded table is referenced by a
   *     table that stays (without {@code --cascade}), or a kept table references a synthesized one
   */
  static Schema resolve(Schema schema, TableChoices choices, Progress progress) {
    List<String> names = schema.tables().stream().map(Table::name).toList();
    check("--keep", choices.keep(), names);
    check("--synthesize", choices.synthesize(), names);
    check("--mask", choices.mask(), names);
    List<Table> tables = new ArrayList<>();
    for (Table t : schema.tables()) {
      Optional<TableMode> chosen =
          matches(choices.mask(), t.name())
              ? Optional.of(TableMode.MASK)
              : matches(choices.keep(), t.name())
                  ? Optional.of(TableMode.KEEP)
                  : matches(choices.synthesize(), t.name())
                      ? Optional.of(TableMode.SYNTHESIZE)
                      : t.mode();
      TableMode mode =
          chosen.orElseGet(
              () ->
                  !choices.counted().contains(t.name()) && isLookup(schema, t)
                      ? TableMode.KEEP
                      : null);
      if (chosen.isEmpty() && mode == TableMode.KEEP) {
        progress.note(
            "table "
                + t.name()
                + " ("
                + t.rowCount()
                + " rows, referenced by "
                + String.join(", ", referencing(schema, t.name()))
                + ") is a lookup table: kept as it is; --synthesize "
                + t.name()
                + " generates it instead");
      }
      tables.add(mode == null ? t : t.withMode(mode));
    }
    Set<String> excluded = new LinkedHashSet<>();
    tables.stream()
        .filter(t -> t.mode().equals(Optional.of(TableMode.EXCLUDE)))
        .forEach(t -> excluded.add(t.name()));
    if (!excluded.isEmpty()) {
      Map<String, String> dependents = dependents(new Schema(tables), excluded);
      if (!dependents.isEmpty() && !choices.cascade()) {
        throw new SynthException(
            "tables "
                + excluded
                + " have mode exclude, but "
                + describe(dependents)
                + "; exclude those too, or add --cascade to leave them out with it");
      }
      if (!dependents.isEmpty()) {
        progress.note("mode exclude with --cascade also leaves out " + describe(dependents));
      }
      excluded.addAll(dependents.keySet());
      tables = tables.stream().filter(t -> !excluded.contains(t.name())).toList();
    }
    Schema resolved = new Schema(tables);
    for (Table t : resolved.tables()) {
      for (ForeignKey fk : t.foreignKeys()) {
        if (t.isKept() && !resolved.table(fk.parentTable()).isKept()) {
          throw new SynthException(
              "table "
                  + t.name()
                  + " is kept but references "
                  + fk.parentTable()
                  + ", which is synthesized: keep "
                  + fk.parentTable()
                  + " too (--keep), or synthesize "
                  + t.name());
        }
      }
    }
    return resolved;
  }

  /**
   * A lookup table: small and narrow, with no parent of its own and no personal column, referenced
   * by a table that has many rows per lookup row, and keyed by one column (the children draw that
   * key).
   */
  static boolean isLookup(Schema schema, Table t) {
    if (t.rowCount() <= 0
        || t.rowCount() > LOOKUP_MAX_ROWS
        || !t.foreignKeys().isEmpty()
        || t.primaryKey().size() != 1
        || t.columns().size() - 1 > LOOKUP_MAX_ATTRIBUTES
        || t.columns().stream().anyMatch(c -> c.kind() == ColumnKind.PII)) {
      return false;
    }
    for (Table child : schema.tables()) {
      for (ForeignKey fk : child.foreignKeys()) {
        if (fk.parentTable().equals(t.name())
            && !child.name().equals(t.name())
            && child.rowCount() >= LOOKUP_MIN_FANOUT * t.rowCount()) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<String> referencing(Schema schema, String table) {
    return schema.tables().stream()
        .filter(c -> c.foreignKeys().stream().anyMatch(fk -> fk.parentTable().equals(table)))
        .map(Table::name)
        .toList();
  }

  private static boolean matches(List<String> patterns, String name) {
    return !patterns.isEmpty()
        && new SchemaFilter(List.of(), patterns, List.of()).acceptsTable(name);
  }

  private static void check(String option, List<String> patterns, List<String> names) {
    for (String p : patterns) {
      if (names.stream().noneMatch(n -> matches(List.of(p), n))) {
        throw new SynthException(
            option
                + " names '"
                + p.toLowerCase(Locale.ROOT)
                + "', which matches no table to generate; the tables are "
                + names);
      }
    }
  }
}
