package io.syndata.engine;

import io.syndata.data.Progress;
import io.syndata.data.SchemaFilter;
import io.syndata.data.Source;
import io.syndata.schema.Column;
import io.syndata.schema.ColumnKind;
import io.syndata.schema.ColumnKinds;
import io.syndata.schema.DataType;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns an introspected structure into a schema whose column kinds fit the data. */
final class Profiler {
  private Profiler() {}

  /**
   * Reads the string columns that names and types left categorical and makes those with many
   * distinct values text, so that identifying values are regenerated rather than copied.
   */
  static Schema refineKinds(Schema schema, Source source, Progress progress) {
    List<Table> tables = new ArrayList<>();
    for (Table table : schema.tables()) {
      List<Column> candidates =
          table.columns().stream()
              .filter(
                  c ->
                      c.kind() == ColumnKind.CATEGORICAL
                          && c.type() == DataType.STRING
                          && !c.excluded())
              .toList();
      if (candidates.isEmpty() || table.rowCount() == 0) {
        tables.add(table);
        continue;
      }
      List<Map<Object, Integer>> distinct = new ArrayList<>();
      long[] nonNull = new long[candidates.size()];
      candidates.forEach(c -> distinct.add(new HashMap<>()));
      source.scan(
          table,
          candidates.stream().map(Column::name).toList(),
          batch -> {
            for (int c = 0; c < candidates.size(); c++) {
              Map<Object, Integer> seen = distinct.get(c);
              for (int r = 0; r < batch.size(); r++) {
                Object v = batch.value(c, r);
                if (v != null) {
                  nonNull[c]++;
                  if (seen.size() <= ColumnKinds.MAX_CATEGORIES || seen.containsKey(v)) {
                    seen.merge(v, 1, Integer::sum);
                  }
                }
              }
            }
          });
      List<Column> refined = new ArrayList<>();
      for (Column c : table.columns()) {
        int i = candidates.indexOf(c);
        long singletons = i < 0 ? 0 : distinct.get(i).values().stream().filter(n -> n == 1).count();
        refined.add(
            i < 0 ? c : ColumnKinds.refine(c, distinct.get(i).size(), nonNull[i], singletons));
      }
      tables.add(table.withColumns(refined));
    }
    return new Schema(tables);
  }

  /**
   * Checks an edited schema file against the source ({@link SchemaFileCheck}: tables, columns and
   * types) before anything is read. Row counts come from the source.
   */
  static Schema checkAgainstSource(Schema file, Source source, SchemaFilter filter, Path path) {
    List<String> names =
        file.tables().stream().map(Table::name).filter(filter::acceptsTable).toList();
    SchemaFileCheck.check(
        file.tables().stream().filter(t -> names.contains(t.name())).toList(),
        source,
        filter,
        path);
    Schema actual = source.introspect(new SchemaFilter(filter.schemas(), names, List.of()));
    List<Table> tables = new ArrayList<>();
    for (Table t : file.tables()) {
      if (!names.contains(t.name())) {
        continue;
      }
      Table real =
          actual
              .find(t.name())
              .orElseThrow(
                  () ->
                      new SynthException(
                          "schema file "
                              + path
                              + " names table "
                              + t.name()
                              + ", which the source does not have"));
      for (Column c : t.columns()) {
        if (!c.excluded() && real.findColumn(c.name()).isEmpty()) {
          throw new SynthException(
              "schema file "
                  + path
                  + " names column "
                  + t.name()
                  + "."
                  + c.name()
                  + ", which the source table does not have");
        }
      }
      tables.add(t.withRowCount(real.rowCount()));
    }
    Set<String> kept = new HashSet<>(names);
    for (Table t : tables) {
      t.foreignKeys().stream()
          .filter(fk -> !kept.contains(fk.parentTable()))
          .findFirst()
          .ifPresent(
              fk -> {
                throw new SynthException(
                    "table "
                        + t.name()
                        + " references "
                        + fk.parentTable()
                        + ", which the filter leaves out: include it too");
              });
    }
    return new Schema(tables);
  }
}
