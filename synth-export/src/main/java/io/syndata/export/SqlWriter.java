package io.syndata.export;

import io.syndata.schema.Column;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Relation;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * SQL scripts for one dialect: {@code schema.sql} (CREATE TABLE with the dialect's types, primary,
 * unique and foreign keys, as the database target creates them) and {@code data.sql} (multi-row
 * INSERTs, parents first, then an UPDATE per row for the deferred foreign keys of cycles, whose
 * columns the INSERTs leave NULL). Identifiers are quoted and literals inlined for the dialect by
 * jOOQ, or for Oracle and SQL Server by {@link CommercialSqlDialect}. Run {@code schema.sql} then
 * {@code data.sql} with foreign keys enforced. Options: COPY blocks for psql instead of INSERTs
 * (PostgreSQL), and numbered data files of a bounded size.
 */
final class SqlWriter implements SpooledTarget.Writer {
  static final String SCHEMA_FILE = "schema.sql";
  static final String DATA_FILE = "data.sql";

  /** Rows per COPY block: psql streams them, so blocks can be large. */
  static final int COPY_ROWS = 10_000;

  private final ScriptDialect sql;
  private final int rowsPerInsert;
  private final boolean copy;
  private final long rowsPerFile;

  /**
   * @param copy PostgreSQL COPY blocks instead of INSERTs
   * @param rowsPerFile at most about this many rows per data file ({@code data-00001.sql}, …), 0
   *     for one {@code data.sql}
   */
  SqlWriter(ScriptDialect sql, int rowsPerInsert, boolean copy, long rowsPerFile) {
    this.sql = sql;
    this.rowsPerInsert = copy ? COPY_ROWS : Math.min(rowsPerInsert, sql.maxRowsPerInsert());
    this.copy = copy;
    this.rowsPerFile = rowsPerFile;
  }

  /** Every table with a deferred foreign key needs a key to address its rows in the UPDATEs. */
  @Override
  public void check(Schema schema) {
    ForeignKeyGraph graph = ForeignKeyGraph.of(schema);
    for (Relation r : graph.deferred()) {
      Table t = schema.table(r.child());
      if (updateKey(t, deferredColumns(graph, t)).isEmpty()) {
        throw new SynthException(
            "table "
                + t.name()
                + " has foreign key "
                + r
                + " of a cycle, filled by UPDATEs after the INSERTs, but no primary or unique key"
                + " to address its rows: declare one in the schema file");
      }
    }
  }

  private static Set<String> deferredColumns(ForeignKeyGraph graph, Table t) {
    Set<String> columns = new HashSet<>();
    for (Relation r : graph.parentsOf(t.name())) {
      if (graph.isDeferred(r)) {
        columns.addAll(r.fk().columns());
      }
    }
    return columns;
  }

  /**
   * The primary key, else the first unique key of NOT NULL columns that the UPDATEs leave alone.
   */
  private static Optional<List<String>> updateKey(Table t, Set<String> deferred) {
    List<List<String>> candidates = new ArrayList<>();
    candidates.add(t.primaryKey());
    candidates.addAll(t.uniqueKeys());
    return candidates.stream()
        .filter(k -> !k.isEmpty())
        .filter(k -> k.stream().noneMatch(deferred::contains))
        .filter(k -> k.stream().noneMatch(c -> t.column(c).nullable()))
        .findFirst();
  }

  @Override
  public void write(SpooledTarget.Spooled data, Path folder) throws IOException {
    try (Writer out = writer(folder.resolve(SCHEMA_FILE))) {
      for (String statement : sql.createTables(data.schema())) {
        out.write(statement);
        out.write(sql.terminator());
      }
    }
    ForeignKeyGraph graph = ForeignKeyGraph.of(data.schema());
    Path updates = folder.resolve(".updates.sql");
    try (DataFiles out = new DataFiles(folder, rowsPerFile)) {
      try (Writer later = writer(updates)) {
        for (Table t : data.order()) {
          inserts(t, graph, data, out, later);
        }
      }
      try (var in = Files.newBufferedReader(updates, StandardCharsets.UTF_8)) {
        in.transferTo(out.forRows(0));
      }
    }
    Files.delete(updates);
  }

  /**
   * The data files: one {@code data.sql}, or numbered ones of about {@code rowsPerFile} rows each,
   * cut between statements.
   */
  private static final class DataFiles implements java.io.Closeable {
    private final Path folder;
    private final long rowsPerFile;
    private Writer out;
    private int index;
    private long rows;

    DataFiles(Path folder, long rowsPerFile) {
      this.folder = folder;
      this.rowsPerFile = rowsPerFile;
    }

    /** The file the next statement of {@code n} rows goes to. */
    Writer forRows(long n) throws IOException {
      if (out == null || (rowsPerFile > 0 && rows > 0 && rows + n > rowsPerFile)) {
        if (out != null) {
          out.close();
        }
        index++;
        String name =
            rowsPerFile > 0
                ? String.format(java.util.Locale.ROOT, "data-%05d.sql", index)
                : DATA_FILE;
        out = writer(folder.resolve(name));
        rows = 0;
      }
      rows += n;
      return out;
    }

    @Override
    public void close() throws IOException {
      if (out == null) {
        forRows(0);
      }
      out.close();
    }
  }

  private void inserts(
      Table t, ForeignKeyGraph graph, SpooledTarget.Spooled data, DataFiles out, Writer later)
      throws IOException {
    List<Column> columns = t.writtenColumns();
    List<String> names = columns.stream().map(Column::name).toList();
    Set<String> deferred = deferredColumns(graph, t);
    int[] deferredAt = names.stream().filter(deferred::contains).mapToInt(names::indexOf).toArray();
    List<String> deferredNames = names.stream().filter(deferred::contains).toList();
    List<String> key = deferredAt.length == 0 ? List.of() : updateKey(t, deferred).orElseThrow();
    int[] keyAt = key.stream().mapToInt(names::indexOf).toArray();
    List<Object[]> pending = new ArrayList<>(rowsPerInsert);
    data.forEach(
        t,
        row -> {
          Object[] copy = row.clone();
          if (deferredAt.length > 0) {
            Object[] set = new Object[deferredAt.length];
            boolean any = false;
            for (int i = 0; i < deferredAt.length; i++) {
              set[i] = copy[deferredAt[i]];
              any |= set[i] != null;
              copy[deferredAt[i]] = null;
            }
            if (any) {
              Object[] keyValues = new Object[keyAt.length];
              for (int k = 0; k < keyAt.length; k++) {
                keyValues[k] = row[keyAt[k]];
              }
              later.write(sql.update(t, deferredNames, set, key, keyValues));
              later.write(sql.terminator());
            }
          }
          pending.add(copy);
          if (pending.size() == rowsPerInsert) {
            flush(t, names, pending, out);
          }
        });
    if (!pending.isEmpty()) {
      flush(t, names, pending, out);
    }
  }

  private void flush(Table t, List<String> names, List<Object[]> rows, DataFiles files)
      throws IOException {
    Writer out = files.forRows(rows.size());
    if (copy) {
      out.write(sql.copy(t, names, rows));
    } else {
      out.write(sql.insert(t, names, rows));
      out.write(sql.terminator());
    }
    rows.clear();
  }

  private static Writer writer(Path file) throws IOException {
    return new BufferedWriter(
        new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
  }
}
