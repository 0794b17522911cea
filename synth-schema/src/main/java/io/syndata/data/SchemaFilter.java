package io.syndata.data;

import io.syndata.schema.SynthException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which source schemas and tables to take. Patterns are matched case-insensitively and may use
 * {@code *} and {@code ?}. An empty include list means everything.
 */
public record SchemaFilter(
    List<String> schemas, List<String> includeTables, List<String> excludeTables) {
  public static final SchemaFilter ALL = new SchemaFilter(List.of(), List.of(), List.of());

  public SchemaFilter {
    schemas = List.copyOf(schemas);
    includeTables = List.copyOf(includeTables);
    excludeTables = List.copyOf(excludeTables);
  }

  public boolean acceptsSchema(String schema) {
    return schemas.isEmpty() || schemas.stream().anyMatch(p -> matches(p, schema));
  }

  public boolean acceptsTable(String table) {
    return (includeTables.isEmpty() || includeTables.stream().anyMatch(p -> matches(p, table)))
        && excludeTables.stream().noneMatch(p -> matches(p, table));
  }

  /**
   * Fails when a pattern without wildcards names no table: a typo in a filter must not silently
   * produce an empty or different database.
   */
  public void checkAllNamed(Collection<String> tableNames, Collection<String> schemaNames) {
    check("--include", includeTables, tableNames);
    check("--exclude", excludeTables, tableNames);
    check("--schemas", schemas, schemaNames);
  }

  private static void check(String option, List<String> patterns, Collection<String> names) {
    for (String p : patterns) {
      if (names.stream().noneMatch(n -> matches(p, n))) {
        throw new SynthException(
            option
                + " names '"
                + p
                + "', which matches nothing in the source; it has "
                + names.stream().sorted().toList());
      }
    }
  }

  static boolean matches(String pattern, String name) {
    String regex =
        Pattern.quote(pattern.toLowerCase(Locale.ROOT))
            .replace("*", "\\E.*\\Q")
            .replace("?", "\\E.\\Q");
    return name.toLowerCase(Locale.ROOT).matches(regex);
  }
}
