package io.syndata.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A set of tables and the foreign keys between them. Every foreign key must point at a table of the
 * same schema, and at columns that exist there.
 */
public record Schema(List<Table> tables) {

  public Schema {
    tables = List.copyOf(tables);
    Set<String> names = new HashSet<>();
    for (Table t : tables) {
      if (!names.add(t.name())) {
        throw new SynthException(
            "table "
                + t.name()
                + " appears twice in the schema"
                + " (tables of several source schemas share the name: narrow the source with --schemas)");
      }
    }
    for (Table t : tables) {
      for (ForeignKey fk : t.foreignKeys()) {
        Table parent =
            tables.stream()
                .filter(p -> p.name().equals(fk.parentTable()))
                .findFirst()
                .orElseThrow(
                    () ->
                        new SynthException(
                            "foreign key "
                                + fk.describe(t.name())
                                + " points at table "
                                + fk.parentTable()
                                + ", which is not in the schema"
                                + " (include it, or exclude "
                                + t.name()
                                + ")"));
        for (String pc : fk.parentColumns()) {
          if (parent.findColumn(pc).isEmpty()) {
            throw new SynthException(
                "foreign key "
                    + fk.describe(t.name())
                    + " points at column "
                    + pc
                    + ", which table "
                    + parent.name()
                    + " does not have");
          }
        }
      }
    }
  }

  public Table table(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new SynthException(
                    "the schema has no table "
                        + name
                        + "; its tables are "
                        + tables.stream().map(Table::name).toList()));
  }

  public Optional<Table> find(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** The same schema with each table replaced by {@code change.apply(table)}. */
  public Schema map(UnaryOperator<Table> change) {
    return new Schema(tables.stream().map(change).toList());
  }

  public long totalRows() {
    return tables.stream().mapToLong(Table::rowCount).sum();
  }
}
