package io.syndata.model;

import io.syndata.data.InMemoryTarget;
import io.syndata.schema.Column;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks what every generated database must satisfy: unique keys, resolvable foreign keys, NOT
 * NULL.
 */
final class Integrity {
  private Integrity() {}

  static void check(Schema schema, InMemoryTarget target) {
    for (Table t : schema.tables()) {
      List<Map<String, Object>> rows = Fixtures.rows(target, t.name());
      if (!t.primaryKey().isEmpty()) {
        Set<List<Object>> keys = new HashSet<>();
        for (Map<String, Object> row : rows) {
          List<Object> key = tuple(row, t.primaryKey());
          if (!keys.add(key)) {
            throw new AssertionError("primary key " + key + " of " + t.name() + " repeats");
          }
        }
      }
      for (List<String> unique : t.uniqueKeys()) {
        Set<List<Object>> seen = new HashSet<>();
        for (Map<String, Object> row : rows) {
          List<Object> key = tuple(row, unique);
          if (!key.contains(null)) {
            if (!seen.add(key)) {
              throw new AssertionError("unique " + key + " of " + t.name() + " repeats");
            }
          }
        }
      }
      for (Column c : t.writtenColumns()) {
        if (!c.nullable()) {
          for (Map<String, Object> row : rows) {
            if (row.get(c.name()) == null) {
              throw new AssertionError("NOT NULL " + t.name() + "." + c.name() + " is null");
            }
          }
        }
      }
      for (ForeignKey fk : t.foreignKeys()) {
        Set<List<Object>> parents = new HashSet<>();
        for (Map<String, Object> p : Fixtures.rows(target, fk.parentTable())) {
          parents.add(tuple(p, fk.parentColumns()));
        }
        for (Map<String, Object> row : rows) {
          List<Object> value = tuple(row, fk.columns());
          if (!value.contains(null)) {
            if (!parents.contains(value)) {
              throw new AssertionError(fk.describe(t.name()) + " does not resolve: " + value);
            }
          }
        }
      }
    }
  }

  static List<Object> tuple(Map<String, Object> row, List<String> columns) {
    List<Object> t = new ArrayList<>();
    for (String c : columns) {
      t.add(row.get(c));
    }
    return t;
  }
}
