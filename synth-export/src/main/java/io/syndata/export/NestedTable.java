package io.syndata.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.Relation;
import io.syndata.schema.Table;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One table's step of {@link NestedJsonWriter}: its rows become documents holding their children's
 * documents, joined bucket by bucket on disk.
 */
final class NestedTable {
  private NestedTable() {}

  /** What a nesting edge needs here: the child table and the array's {@code ,"name":[} bytes. */
  interface Edge {
    Relation relation();

    byte[] fieldPrefix();
  }

  static void join(
      SpooledTarget.Spooled data,
      Table t,
      List<? extends Edge> edges,
      int bucketCount,
      Path work,
      NestedJsonWriter.DocumentSink sink,
      JsonFactory factory)
      throws IOException {
    List<Column> columns = t.writtenColumns();
    String[] names = columns.stream().map(Column::name).toArray(String[]::new);
    DataType[] types = columns.stream().map(Column::type).toArray(DataType[]::new);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    if (edges.isEmpty()) {
      data.forEach(
          t, row -> sink.accept(sink.upKey(row), object(factory, buffer, names, types, row)));
      return;
    }
    List<String> keyColumns = edges.get(0).relation().fk().parentColumns();
    int[] key = keyColumns.stream().mapToInt(c -> columns.indexOf(t.column(c))).toArray();
    DataType[] keyTypes = keyColumns.stream().map(c -> t.column(c).type()).toArray(DataType[]::new);
    try (Buckets rows =
        Buckets.create(work, "rows-" + NestedJsonWriter.id(data.schema(), t), bucketCount)) {
      data.forEach(
          t,
          row -> {
            byte[] k = Keys.encode(row, key, keyTypes);
            rows.add(
                k == null ? new byte[0] : k,
                sink.upKey(row),
                object(factory, buffer, names, types, row));
          });
    }
    for (int b = 0; b < bucketCount; b++) {
      List<Map<ByteBuffer, List<byte[]>>> childDocs = new ArrayList<>();
      for (Edge e : edges) {
        Map<ByteBuffer, List<byte[]>> byKey = new HashMap<>();
        Path file =
            Buckets.file(
                work,
                "docs-"
                    + NestedJsonWriter.id(data.schema(), data.schema().table(e.relation().child())),
                b);
        Buckets.read(
            file,
            (k, extra, doc) ->
                byKey.computeIfAbsent(ByteBuffer.wrap(k), x -> new ArrayList<>()).add(doc));
        Files.deleteIfExists(file);
        childDocs.add(byKey);
      }
      Path own = Buckets.file(work, "rows-" + NestedJsonWriter.id(data.schema(), t), b);
      Buckets.read(
          own,
          (k, up, object) -> {
            buffer.reset();
            // The row's object without its closing brace, then an array per child table.
            buffer.write(object, 0, object.length - 1);
            boolean empty = object.length == 2;
            ByteBuffer lookup = ByteBuffer.wrap(k);
            for (int e = 0; e < edges.size(); e++) {
              byte[] prefix = edges.get(e).fieldPrefix();
              buffer.write(prefix, empty ? 1 : 0, prefix.length - (empty ? 1 : 0));
              empty = false;
              List<byte[]> docs = k.length == 0 ? null : childDocs.get(e).get(lookup);
              if (docs != null) {
                for (int d = 0; d < docs.size(); d++) {
                  if (d > 0) {
                    buffer.write(',');
                  }
                  buffer.write(docs.get(d));
                }
              }
              buffer.write(']');
            }
            buffer.write('}');
            sink.accept(up, buffer.toByteArray());
          });
      Files.deleteIfExists(own);
    }
  }

  /** The row as one compact JSON object, typed as the flat JSON writer types values. */
  private static byte[] object(
      JsonFactory factory,
      ByteArrayOutputStream buffer,
      String[] names,
      DataType[] types,
      Object[] row)
      throws IOException {
    buffer.reset();
    try (JsonGenerator g = factory.createGenerator(buffer)) {
      g.writeStartObject();
      for (int c = 0; c < names.length; c++) {
        g.writeFieldName(names[c]);
        JsonWriter.value(g, types[c], row[c]);
      }
      g.writeEndObject();
    }
    return buffer.toByteArray();
  }

  /** Key values as bytes that are equal exactly when the values are: text joined by NUL. */
  static final class Keys {
    private Keys() {}

    /** The key of the row's columns {@code at}, or null when any of them is NULL. */
    static byte[] encode(Object[] row, int[] at, DataType[] types) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < at.length; i++) {
        Object v = row[at[i]];
        if (v == null) {
          return null;
        }
        if (i > 0) {
          s.append('\0');
        }
        // Numbers compare by value, whatever the scale or type each side declares.
        s.append(
            v instanceof Number n && types[i] != DataType.FLOAT
                ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString()
                : CsvFolderTarget.text(v));
      }
      return s.toString().getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Receives one spilled record. */
  interface RecordHandler {
    void record(byte[] key, byte[] extra, byte[] payload) throws IOException;
  }

  /**
   * Records spilled into numbered files by the hash of their key: key, an optional extra (null
   * allowed) and a payload, each length-prefixed.
   */
  static final class Buckets implements AutoCloseable {
    private final DataOutputStream[] out;

    private Buckets(DataOutputStream[] out) {
      this.out = out;
    }

    static Path file(Path work, String prefix, int bucket) {
      return work.resolve(prefix + "." + bucket);
    }

    static Buckets create(Path work, String prefix, int count) throws IOException {
      DataOutputStream[] out = new DataOutputStream[count];
      for (int b = 0; b < count; b++) {
        // Small buffers: a table may have hundreds of buckets open at once.
        out[b] =
            new DataOutputStream(
                new BufferedOutputStream(Files.newOutputStream(file(work, prefix, b)), 8192));
      }
      return new Buckets(out);
    }

    static int bucket(byte[] key, int count) {
      int h = Arrays.hashCode(key);
      h ^= h >>> 16;
      return Math.floorMod(h * 0x9E3779B1, count);
    }

    void add(byte[] key, byte[] extra, byte[] payload) throws IOException {
      DataOutputStream o = out[bucket(key, out.length)];
      o.writeInt(key.length);
      o.write(key);
      o.writeInt(extra == null ? -1 : extra.length);
      if (extra != null) {
        o.write(extra);
      }
      o.writeInt(payload.length);
      o.write(payload);
    }

    void add(byte[] key, byte[] payload) throws IOException {
      add(key, null, payload);
    }

    static void read(Path file, RecordHandler handler) throws IOException {
      if (!Files.exists(file)) {
        return;
      }
      try (DataInputStream in =
          new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
        while (true) {
          int keyLength;
          try {
            keyLength = in.readInt();
          } catch (EOFException end) {
            return;
          }
          byte[] key = in.readNBytes(keyLength);
          int extraLength = in.readInt();
          byte[] extra = extraLength < 0 ? null : in.readNBytes(extraLength);
          byte[] payload = in.readNBytes(in.readInt());
          handler.record(key, extra, payload);
        }
      }
    }

    @Override
    public void close() throws IOException {
      IOException first = null;
      for (DataOutputStream o : out) {
        try {
          o.close();
        } catch (IOException e) {
          first = first == null ? e : first;
        }
      }
      if (first != null) {
        throw first;
      }
    }
  }
}
