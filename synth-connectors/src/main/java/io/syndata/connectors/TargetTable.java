package io.syndata.connectors;

import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.util.Map;
import java.util.Set;

/**
 * A schema table as found or created in a database target, with the target's spelling of its names
 * and the columns the target computes itself (never written).
 */
record TargetTable(Table table, String name, Map<String, String> columns, Set<String> computed) {
  String column(String schemaColumn) {
    String actual = columns.get(schemaColumn);
    if (actual == null) {
      throw new SynthException("table " + table.name() + " has no written column " + schemaColumn);
    }
    return actual;
  }
}
