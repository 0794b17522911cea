package io.syndata.schema;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key from {@code columns} of the owning (child) table to {@code parentColumns} of {@code
 * parentTable}; composite when there are several columns, matched by position.
 *
 * @param name the constraint name (generated when the source has none)
 * @param inferred true when SynData inferred the key from names and values rather than reading it
 */
public record ForeignKey(
    String name,
    List<String> columns,
    String parentTable,
    List<String> parentColumns,
    boolean inferred) {

  public ForeignKey {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    Objects.requireNonNull(parentTable, "parentTable");
    parentColumns = List.copyOf(parentColumns);
    if (columns.isEmpty() || columns.size() != parentColumns.size()) {
      throw new SynthException(
          "foreign key "
              + name
              + " must map as many columns "
              + columns
              + " as it references "
              + parentColumns
              + " in "
              + parentTable);
    }
  }

  /** Human-readable form for messages: {@code (a, b) -> parent(x, y)}. */
  public String describe(String childTable) {
    return childTable
        + "("
        + String.join(", ", columns)
        + ") -> "
        + parentTable
        + "("
        + String.join(", ", parentColumns)
        + ")";
  }
}
