package io.syndata.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Relation;
import io.syndata.schema.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON documents for document stores ({@code json.nested} / {@code jsonl.nested}): each row of a
 * root table is one document holding, under each child table's name, the array of its child rows,
 * recursively along every table's primary foreign key (the one the generator makes its rows per
 * parent row). Rows whose primary foreign key is NULL are documents of their own table's file, so
 * every row is written exactly once.
 *
 * <p>Memory stays bounded by a bucket, not by the table: tables are joined bottom-up by hash
 * partitioning (a Grace hash join on disk). A table's rows are spilled into buckets by the hash of
 * their key; its children's finished documents are in the same buckets by the hash of their foreign
 * key; each bucket is then joined alone, in memory, and the table's own documents go into its
 * parent's buckets in turn, or into its file. Buckets hold about {@value #BUCKET_ROWS} rows of a
 * table and its descendants (at most {@value #MAX_BUCKETS} buckets). One document (a root row with
 * all its descendants) is held whole. Documents come out in bucket order, not in generation order.
 */
final class NestedJsonWriter implements SpooledTarget.Writer {
  static final int BUCKET_ROWS = 20_000;
  static final int MAX_BUCKETS = 512;

  private static final JsonFactory FACTORY =
      new JsonFactoryBuilder()
          .rootValueSeparator((String) null)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  private final boolean lines;

  NestedJsonWriter(boolean lines) {
    this.lines = lines;
  }

  /** A nesting edge: the child's rows go into an array of the parent's documents. */
  private record Edge(Relation relation, byte[] fieldPrefix) implements NestedTable.Edge {}

  @Override
  public void write(SpooledTarget.Spooled data, Path folder) throws IOException {
    ForeignKeyGraph graph = ForeignKeyGraph.of(data.schema());
    Map<String, List<Edge>> children = new LinkedHashMap<>();
    Map<String, Relation> nestedUnder = new HashMap<>();
    for (Table t : data.order()) {
      children.put(t.name(), new ArrayList<>());
    }
    for (Table t : data.order()) {
      Optional<Relation> parent = graph.primaryParent(t.name()).filter(r -> !r.isSelfReference());
      if (parent.isEmpty()) {
        continue;
      }
      List<Edge> siblings = children.get(parent.get().parent());
      // A table's documents are joined by one key: children referencing other columns of it (a
      // unique key rather than the primary key) are written as documents of their own.
      if (!siblings.isEmpty()
          && !siblings
              .get(0)
              .relation()
              .fk()
              .parentColumns()
              .equals(parent.get().fk().parentColumns())) {
        continue;
      }
      siblings.add(new Edge(parent.get(), fieldPrefix(t.name())));
      nestedUnder.put(t.name(), parent.get());
    }
    Path work = Files.createDirectories(folder.resolve(".nested"));
    Map<String, Integer> buckets = bucketCounts(data, children);
    Map<String, JsonFile> files = new LinkedHashMap<>();
    List<Table> bottomUp = new ArrayList<>(data.order());
    java.util.Collections.reverse(bottomUp);
    try {
      for (Table t : bottomUp) {
        Relation up = nestedUnder.get(t.name());
        if (up == null) {
          files.put(t.name(), new JsonFile(folder.resolve(fileName(t)), lines));
        }
        DocumentSink sink = new DocumentSink(t, up, work, buckets, files, folder, data.schema());
        try {
          NestedTable.join(
              data, t, children.get(t.name()), buckets.get(t.name()), work, sink, FACTORY);
        } finally {
          sink.close();
        }
      }
      // Tables nested under a parent get a file only when some rows had no parent.
      for (Table t : data.order()) {
        JsonFile f = files.get(t.name());
        if (f != null) {
          f.close();
        }
      }
    } finally {
      for (JsonFile f : files.values()) {
        f.closeQuietly();
      }
      Folders.deleteQuietly(work);
    }
  }

  private String fileName(Table t) {
    return t.name() + (lines ? ".jsonl" : ".json");
  }

  /** {@code ,"child":[} as bytes, the name escaped by Jackson. */
  private static byte[] fieldPrefix(String name) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (JsonGenerator g = FACTORY.createGenerator(b)) {
      g.writeString(name);
    }
    return ("," + b.toString(java.nio.charset.StandardCharsets.UTF_8) + ":[")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * Buckets per parent table: enough for about {@link #BUCKET_ROWS} rows of the table and its
   * descendants each. A leaf table is streamed and needs one.
   */
  private static Map<String, Integer> bucketCounts(
      SpooledTarget.Spooled data, Map<String, List<Edge>> children) {
    Map<String, Long> subtree = new HashMap<>();
    List<Table> bottomUp = new ArrayList<>(data.order());
    java.util.Collections.reverse(bottomUp);
    Map<String, Integer> buckets = new HashMap<>();
    for (Table t : bottomUp) {
      long rows = data.rows(t.name());
      for (Edge e : children.get(t.name())) {
        rows += subtree.getOrDefault(e.relation().child(), 0L);
      }
      subtree.put(t.name(), rows);
      long wanted = children.get(t.name()).isEmpty() ? 1 : (rows + BUCKET_ROWS - 1) / BUCKET_ROWS;
      buckets.put(t.name(), (int) Math.max(1, Math.min(MAX_BUCKETS, wanted)));
    }
    return buckets;
  }

  /**
   * Where a table's finished documents go: into its parent's buckets by the hash of the foreign
   * key, or — at a root, or when the foreign key is NULL — into the table's own file.
   */
  final class DocumentSink implements AutoCloseable {
    private final Table table;
    private final Relation up;
    private final Map<String, JsonFile> files;
    private final Path folder;
    private final NestedTable.Buckets parentBuckets;
    private final int[] fkColumns;
    private final DataType[] fkTypes;

    DocumentSink(
        Table table,
        Relation up,
        Path work,
        Map<String, Integer> buckets,
        Map<String, JsonFile> files,
        Path folder,
        io.syndata.schema.Schema schema)
        throws IOException {
      this.table = table;
      this.up = up;
      this.files = files;
      this.folder = folder;
      List<Column> columns = table.writtenColumns();
      if (up == null) {
        parentBuckets = null;
        fkColumns = new int[0];
        fkTypes = new DataType[0];
      } else {
        parentBuckets =
            NestedTable.Buckets.create(work, "docs-" + id(schema, table), buckets.get(up.parent()));
        fkColumns =
            up.fk().columns().stream().mapToInt(c -> columns.indexOf(table.column(c))).toArray();
        fkTypes =
            up.fk().columns().stream().map(c -> table.column(c).type()).toArray(DataType[]::new);
      }
    }

    /** The key this row's document is filed under in its parent's buckets; null for its file. */
    byte[] upKey(Object[] row) {
      return up == null ? null : NestedTable.Keys.encode(row, fkColumns, fkTypes);
    }

    void accept(byte[] upKey, byte[] document) throws IOException {
      if (upKey != null) {
        parentBuckets.add(upKey, document);
        return;
      }
      JsonFile f = files.get(table.name());
      if (f == null) {
        f = new JsonFile(folder.resolve(fileName(table)), lines);
        files.put(table.name(), f);
      }
      f.add(document);
    }

    @Override
    public void close() throws IOException {
      if (parentBuckets != null) {
        parentBuckets.close();
      }
    }
  }

  /** A file name part for a table, whatever the table is called: its position in the schema. */
  static String id(io.syndata.schema.Schema schema, Table t) {
    for (int i = 0; i < schema.tables().size(); i++) {
      if (schema.tables().get(i).name().equals(t.name())) {
        return String.valueOf(i);
      }
    }
    throw new IllegalArgumentException("no table " + t.name());
  }

  /** The documents of one output file, an array of one per line or JSON Lines. */
  static final class JsonFile {
    private final OutputStream out;
    private final boolean lines;
    private long documents;
    private boolean closed;

    JsonFile(Path file, boolean lines) throws IOException {
      this.out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
      this.lines = lines;
      if (!lines) {
        out.write('[');
      }
    }

    void add(byte[] document) throws IOException {
      if (lines) {
        out.write(document);
        out.write('\n');
      } else {
        out.write(documents == 0 ? "\n".getBytes() : ",\n".getBytes());
        out.write(document);
      }
      documents++;
    }

    void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      if (!lines) {
        out.write(documents == 0 ? "]\n".getBytes() : "\n]\n".getBytes());
      }
      out.close();
    }

    void closeQuietly() {
      if (!closed) {
        closed = true;
        try {
          out.close();
        } catch (IOException e) {
          // the staging folder is deleted by the caller's abort
        }
      }
    }
  }
}
