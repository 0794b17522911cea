package io.syndata.model.fit;

import io.syndata.schema.Column;
import io.syndata.schema.ColumnKind;
import io.syndata.schema.DataType;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Table;
import java.util.List;

/**
 * What part a column plays in fitting: a key to generate, an attribute to model, text, a reference.
 */
final class ColumnRoles {
  enum Role {
    FOREIGN,
    GENERATED,
    CONTINUOUS,
    CATEGORICAL,
    TEXT,
    PII
  }

  private ColumnRoles() {}

  /**
   * The column a string primary key may be derived from ({@code <customer_id>_<n>}): the one column
   * of the primary parent's foreign key, whose rows the generator makes together. Empty when the
   * key is not a single string column or the table has no such parent.
   */
  static String derivedFrom(Table table, ForeignKeyGraph graph, Column c) {
    if (c.type() != DataType.STRING || !table.primaryKey().equals(List.of(c.name()))) {
      return "";
    }
    return graph
        .primaryParent(table.name())
        .filter(r -> r.fk().columns().size() == 1 && !graph.isDeferred(r))
        .map(r -> r.fk().columns().get(0))
        .filter(f -> !f.equals(c.name()))
        .orElse("");
  }

  /** The columns of a table's references to kept tables that no generated relation also uses. */
  static java.util.Set<String> keptColumns(Table table, ForeignKeyGraph graph) {
    java.util.Set<String> kept = new java.util.HashSet<>();
    graph.keptReferences(table.name()).forEach(r -> kept.addAll(r.fk().columns()));
    graph.parentsOf(table.name()).forEach(r -> r.fk().columns().forEach(kept::remove));
    return kept;
  }

  static Role roleOf(Table t, Column c, java.util.Set<String> keptColumns) {
    if (keptColumns.contains(c.name())) {
      return Role.CATEGORICAL;
    }
    if (t.foreignKeys().stream().anyMatch(fk -> fk.columns().contains(c.name()))) {
      return Role.FOREIGN;
    }
    DataType type = c.type();
    if (t.primaryKey().contains(c.name()) || c.kind() == ColumnKind.ID) {
      return Role.GENERATED;
    }
    if (type == DataType.BOOLEAN) {
      return Role.CATEGORICAL;
    }
    if (formatted(c)) {
      return Role.TEXT;
    }
    boolean ordered = type.isNumeric() || type.isTemporal();
    if (type == DataType.UUID) {
      return c.kind() == ColumnKind.CATEGORICAL ? Role.CATEGORICAL : Role.GENERATED;
    }
    return switch (c.kind()) {
      case CATEGORICAL -> Role.CATEGORICAL;
      case NUMERIC, DATETIME -> ordered ? Role.CONTINUOUS : Role.CATEGORICAL;
      case TEXT -> type == DataType.STRING ? Role.TEXT : Role.CONTINUOUS;
      case PII -> type == DataType.STRING ? Role.PII : Role.CONTINUOUS;
      case ID -> Role.GENERATED;
    };
  }

  /**
   * Whether a column's values are of a database format with a generator of its own; enumerations
   * and sets are categories, unknown types keep the kind they have.
   */
  static boolean formatted(Column c) {
    return switch (c.format()) {
      case PLAIN, ENUM, SET, OTHER -> false;
      default -> c.type() == DataType.STRING;
    };
  }
}
