package io.syndata.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A table: its columns, primary key (possibly composite, possibly empty for event and log tables),
 * unique constraints and foreign keys.
 *
 * @param name the table name, unique within a {@link Schema}
 * @param namespace the source schema (or catalog) the table lives in, when the source has one
 * @param rowCount the number of rows in the source, when known (0 otherwise)
 * @param model the model kind that fits this table ({@code statistical}, …), overriding {@code
 *     --model}; empty to follow it
 * @param sql what the database declares beyond columns and keys: CHECK constraints, comment,
 *     partitions
 * @param mode what the run does with the table's rows; empty to let the run decide (a detected
 *     lookup table is kept, any other table synthesized)
 */
public record Table(
    String name,
    Optional<String> namespace,
    List<Column> columns,
    List<String> primaryKey,
    List<List<String>> uniqueKeys,
    List<ForeignKey> foreignKeys,
    long rowCount,
    @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> model,
    @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<TableDetail> sql,
    @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<TableMode> mode) {

  public Table {
    Objects.requireNonNull(name, "name");
    namespace = namespace == null ? Optional.empty() : namespace;
    model = model == null ? Optional.empty() : model;
    sql = sql == null ? Optional.empty() : sql;
    mode = mode == null ? Optional.empty() : mode;
    columns = List.copyOf(columns);
    primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
    uniqueKeys = uniqueKeys == null ? List.of() : uniqueKeys.stream().map(List::copyOf).toList();
    foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
    Set<String> names = new HashSet<>();
    for (Column c : columns) {
      if (!names.add(c.name())) {
        throw new SynthException("table " + name + " declares column " + c.name() + " twice");
      }
    }
    checkColumns(name, "primary key", primaryKey, names);
    for (List<String> unique : uniqueKeys) {
      checkColumns(name, "unique key", unique, names);
    }
    for (ForeignKey fk : foreignKeys) {
      checkColumns(name, "foreign key " + fk.name(), fk.columns(), names);
    }
  }

  /** A table without database detail, whose mode the run decides. */
  public Table(
      String name,
      Optional<String> namespace,
      List<Column> columns,
      List<String> primaryKey,
      List<List<String>> uniqueKeys,
      List<ForeignKey> foreignKeys,
      long rowCount,
      Optional<String> model) {
    this(
        name,
        namespace,
        columns,
        primaryKey,
        uniqueKeys,
        foreignKeys,
        rowCount,
        model,
        Optional.empty(),
        Optional.empty());
  }

  /** A table whose model kind follows {@code --model}. */
  public Table(
      String name,
      Optional<String> namespace,
      List<Column> columns,
      List<String> primaryKey,
      List<List<String>> uniqueKeys,
      List<ForeignKey> foreignKeys,
      long rowCount) {
    this(
        name,
        namespace,
        columns,
        primaryKey,
        uniqueKeys,
        foreignKeys,
        rowCount,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private static void checkColumns(
      String table, String what, List<String> cols, Set<String> names) {
    for (String c : cols) {
      if (!names.contains(c)) {
        throw new SynthException(
            "table "
                + table
                + ": "
                + what
                + " names column "
                + c
                + ", which the table does not have");
      }
    }
  }

  public Column column(String columnName) {
    return columns.stream()
        .filter(c -> c.name().equals(columnName))
        .findFirst()
        .orElseThrow(() -> new SynthException("table " + name + " has no column " + columnName));
  }

  public Optional<Column> findColumn(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  /** Columns that are written to a target: every column not excluded. */
  public List<Column> writtenColumns() {
    return columns.stream().filter(c -> !c.excluded()).toList();
  }

  /** Whether the column takes part in the primary key or in any foreign key. */
  public boolean isKeyColumn(String columnName) {
    return primaryKey.contains(columnName)
        || foreignKeys.stream().anyMatch(fk -> fk.columns().contains(columnName));
  }

  /** Whether the column alone is the primary key or a single-column unique key. */
  public boolean isUniqueColumn(String columnName) {
    return primaryKey.equals(List.of(columnName)) || uniqueKeys.contains(List.of(columnName));
  }

  /** The same table with every primary- and foreign-key column marked {@link ColumnKind#ID}. */
  public Table withKeyKinds() {
    List<Column> marked = new ArrayList<>();
    for (Column c : columns) {
      marked.add(
          isKeyColumn(c.name()) && c.kind() != ColumnKind.ID
              ? c.withKind(ColumnKind.ID, Optional.empty())
              : c);
    }
    return withColumns(marked);
  }

  public Table withColumns(List<Column> newColumns) {
    return new Table(
        name,
        namespace,
        newColumns,
        primaryKey,
        uniqueKeys,
        foreignKeys,
        rowCount,
        model,
        sql,
        mode);
  }

  public Table withForeignKeys(List<ForeignKey> newForeignKeys) {
    return new Table(
        name,
        namespace,
        columns,
        primaryKey,
        uniqueKeys,
        newForeignKeys,
        rowCount,
        model,
        sql,
        mode);
  }

  public Table withPrimaryKey(List<String> newPrimaryKey) {
    return new Table(
        name,
        namespace,
        columns,
        newPrimaryKey,
        uniqueKeys,
        foreignKeys,
        rowCount,
        model,
        sql,
        mode);
  }

  public Table withSql(Optional<TableDetail> newSql) {
    return new Table(
        name,
        namespace,
        columns,
        primaryKey,
        uniqueKeys,
        foreignKeys,
        rowCount,
        model,
        newSql,
        mode);
  }

  /**
   * Whether the run copies the table's source rows and keys, verbatim ({@link TableMode#KEEP}) or
   * with its personal columns faked ({@link TableMode#MASK}): either way the rows' keys are the
   * source's, which is all that tables referencing it rely on.
   */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isKept() {
    return mode.equals(Optional.of(TableMode.KEEP)) || isMasked();
  }

  /** Whether the run copies the table's rows with its personal columns faked. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isMasked() {
    return mode.equals(Optional.of(TableMode.MASK));
  }

  public Table withMode(TableMode newMode) {
    return new Table(
        name,
        namespace,
        columns,
        primaryKey,
        uniqueKeys,
        foreignKeys,
        rowCount,
        model,
        sql,
        Optional.of(newMode));
  }

  /** The CHECK constraints the source declares. */
  public List<TableDetail.Check> checks() {
    return sql.map(TableDetail::checks).orElse(List.of());
  }

  public Table withRowCount(long newRowCount) {
    return new Table(
        name,
        namespace,
        columns,
        primaryKey,
        uniqueKeys,
        foreignKeys,
        newRowCount,
        model,
        sql,
        mode);
  }
}
