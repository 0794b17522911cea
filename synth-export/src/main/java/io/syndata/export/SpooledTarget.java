package io.syndata.export;

import io.syndata.data.RowBatch;
import io.syndata.data.Target;
import io.syndata.data.TargetLock;
import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Schema;
import io.syndata.schema.SchemaFile;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A folder target for formats that write each table whole, in foreign-key order, with the deferred
 * updates of cycles already applied: rows are spooled per table to a compact binary file as they
 * arrive (in whatever turns the generator writes them), updates are kept by row index, and on
 * {@link #commit()} the {@link Writer} streams every table from its spool. Memory holds one row per
 * table plus the pending updates.
 */
final class SpooledTarget implements Target {

  /** What a format does with the spooled tables. */
  interface Writer {
    /** Refuses, at {@code begin}, a schema the format cannot write; naming table and column. */
    default void check(Schema schema) {}

    /** Writes the format's files into {@code folder} (the staging folder). */
    void write(Spooled data, Path folder) throws IOException;
  }

  /** Receives one row: the values of the table's written columns, in order; the array is reused. */
  interface RowHandler {
    void row(Object[] values) throws IOException;
  }

  /** The spooled tables, read back in foreign-key order. */
  interface Spooled {
    Schema schema();

    /** Every table, parents before the children of non-deferred foreign keys. */
    List<Table> order();

    long rows(String table);

    /**
     * Where the table's rows of each plan partition begin: {@code {first row, partition}} pairs in
     * row order, one per partition that wrote rows of the table; empty for a table without rows.
     * Rows written without {@link Target#beginPartition} calls (a copy) are partition 0.
     */
    List<long[]> partitions(String table);

    /** Streams a table's rows in the order written, updates applied. */
    void forEach(Table table, RowHandler handler) throws IOException;
  }

  private static final Object UNSET = new Object();

  private final Path folder;
  private final Path staging;
  private final Path spool;
  private final String kind;
  private final Writer writer;
  private Schema schema;
  private final Map<String, DataOutputStream> out = new LinkedHashMap<>();
  private final Map<String, Long> rows = new HashMap<>();
  private final Map<String, Path> spoolFiles = new HashMap<>();
  private final Map<String, TreeMap<Long, Object[]>> updates = new HashMap<>();
  private final Map<String, List<long[]>> partitionStarts = new HashMap<>();
  private int partition;
  private boolean finished;
  private TargetLock lock = TargetLock.none();

  SpooledTarget(Path folder, String kind, Writer writer) {
    Folders.checkEmpty(folder);
    this.folder = folder.toAbsolutePath().normalize();
    this.staging = Folders.stagingFor(this.folder);
    this.spool = staging.resolve(".spool");
    this.kind = kind;
    this.writer = writer;
  }

  @Override
  public void begin(Schema newSchema) {
    if (schema != null) {
      throw new IllegalStateException("begin() was called twice on " + describe());
    }
    lock = Folders.lock(folder, describe());
    Folders.checkEmpty(folder);
    Folders.checkFileNames(newSchema.tables(), folder);
    writer.check(newSchema);
    this.schema = newSchema;
    Folders.create(spool);
  }

  private Table table(String name) {
    return Folders.table(schema, name, describe());
  }

  /** The spool file of a table: numbered, since table names need not be portable file names. */
  private Path spoolFile(String table) {
    return spoolFiles.computeIfAbsent(table, k -> spool.resolve(spoolFiles.size() + ".rows"));
  }

  @Override
  public void write(RowBatch batch) {
    Table t = table(batch.table());
    try {
      DataOutputStream o = out.get(t.name());
      if (o == null) {
        o =
            new DataOutputStream(
                new BufferedOutputStream(Files.newOutputStream(spoolFile(t.name())), 1 << 16));
        out.put(t.name(), o);
      }
      encodeRows(o, t, batch);
      List<long[]> starts = partitionStarts.computeIfAbsent(t.name(), k -> new ArrayList<>());
      if (batch.size() > 0 && (starts.isEmpty() || starts.get(starts.size() - 1)[1] != partition)) {
        starts.add(new long[] {rows.getOrDefault(t.name(), 0L), partition});
      }
      rows.merge(t.name(), (long) batch.size(), Long::sum);
    } catch (IOException e) {
      throw new SynthException(
          "writing table " + t.name() + " to " + spool + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void beginPartition(int stage, int partition) {
    this.partition = partition;
  }

  @Override
  public void update(RowBatch batch, List<String> keyColumns, long[] rowIndex) {
    Table t = table(batch.table());
    List<Column> columns = t.writtenColumns();
    TreeMap<Long, Object[]> pending = updates.computeIfAbsent(t.name(), k -> new TreeMap<>());
    int[] to = new int[batch.columns().size()];
    for (int c = 0; c < to.length; c++) {
      String name = batch.columns().get(c);
      to[c] = keyColumns.contains(name) ? -1 : columns.indexOf(t.column(name));
    }
    for (int r = 0; r < batch.size(); r++) {
      Object[] row =
          pending.computeIfAbsent(
              rowIndex[r],
              k -> {
                Object[] fresh = new Object[columns.size()];
                java.util.Arrays.fill(fresh, UNSET);
                return fresh;
              });
      for (int c = 0; c < to.length; c++) {
        if (to[c] >= 0) {
          row[to[c]] = batch.value(c, r);
        }
      }
    }
  }

  @Override
  public void commit() {
    if (schema == null) {
      throw new IllegalStateException("commit() before begin() on " + describe());
    }
    try {
      for (DataOutputStream o : out.values()) {
        o.close();
      }
      for (Map.Entry<String, TreeMap<Long, Object[]>> e : updates.entrySet()) {
        long written = rows.getOrDefault(e.getKey(), 0L);
        if (!e.getValue().isEmpty() && e.getValue().lastKey() >= written) {
          throw new SynthException(
              "update of table "
                  + e.getKey()
                  + " names row "
                  + e.getValue().lastKey()
                  + " but only "
                  + written
                  + " rows were written");
        }
      }
      List<Table> order = ForeignKeyGraph.of(schema).generationOrder();
      writer.write(new Data(order), staging);
      SchemaFile.write(
          schema.map(t -> t.withRowCount(rows.getOrDefault(t.name(), 0L))),
          staging.resolve(CsvFolderTarget.SCHEMA_FILE));
      Folders.deleteQuietly(spool);
      Folders.moveIntoPlace(staging, folder);
      finished = true;
      lock.close();
    } catch (IOException | UncheckedIOException e) {
      throw new SynthException("cannot write " + folder + ": " + e.getMessage(), e);
    }
  }

  private final class Data implements Spooled {
    private final List<Table> order;

    Data(List<Table> order) {
      this.order = order;
    }

    @Override
    public Schema schema() {
      return schema;
    }

    @Override
    public List<Table> order() {
      return order;
    }

    @Override
    public long rows(String table) {
      return rows.getOrDefault(table, 0L);
    }

    @Override
    public List<long[]> partitions(String table) {
      return partitionStarts.getOrDefault(table, List.of());
    }

    @Override
    public void forEach(Table t, RowHandler handler) throws IOException {
      long n = rows(t.name());
      if (n == 0) {
        return;
      }
      List<Column> columns = t.writtenColumns();
      DataType[] types = columns.stream().map(Column::type).toArray(DataType[]::new);
      TreeMap<Long, Object[]> pending = updates.getOrDefault(t.name(), new TreeMap<>());
      Object[] row = new Object[types.length];
      Path file = spoolFile(t.name());
      try (DataInputStream in =
          new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
        for (long r = 0; r < n; r++) {
          for (int c = 0; c < types.length; c++) {
            row[c] = decode(in, types[c]);
          }
          Object[] change = pending.get(r);
          if (change != null) {
            for (int c = 0; c < row.length; c++) {
              if (change[c] != UNSET) {
                row[c] = change[c];
              }
            }
          }
          handler.row(row);
        }
      } catch (EOFException e) {
        throw new SynthException("the spool of table " + t.name() + " ended early: " + file, e);
      }
    }
  }

  /**
   * Encodes the batch's rows as the table's written columns, in their order (a column the batch
   * lacks as null).
   *
   * @throws SynthException naming the table and column when a value is not of its column's type
   */
  static void encodeRows(DataOutputStream o, Table t, RowBatch batch) throws IOException {
    List<Column> columns = t.writtenColumns();
    int[] from = new int[columns.size()];
    for (int c = 0; c < from.length; c++) {
      from[c] = batch.columns().indexOf(columns.get(c).name());
    }
    for (int r = 0; r < batch.size(); r++) {
      for (int c = 0; c < from.length; c++) {
        Column col = columns.get(c);
        Object v = from[c] < 0 ? null : batch.value(from[c], r);
        try {
          encode(o, col.type(), v);
        } catch (ClassCastException e) {
          throw new SynthException(
              "table "
                  + t.name()
                  + ", column "
                  + col.name()
                  + ": a "
                  + v.getClass().getSimpleName()
                  + " where a "
                  + col.type()
                  + " was expected");
        }
      }
    }
  }

  static void encode(DataOutputStream o, DataType type, Object v) throws IOException {
    if (v == null) {
      o.writeByte(0);
      return;
    }
    o.writeByte(1);
    switch (type) {
      case BOOLEAN -> o.writeBoolean((Boolean) v);
      case INTEGER -> o.writeLong(((Number) v).longValue());
      case DECIMAL -> {
        BigDecimal d = (BigDecimal) v;
        byte[] unscaled = d.unscaledValue().toByteArray();
        o.writeInt(d.scale());
        o.writeInt(unscaled.length);
        o.write(unscaled);
      }
      case FLOAT -> o.writeDouble(((Number) v).doubleValue());
      case STRING -> {
        byte[] bytes = ((String) v).getBytes(StandardCharsets.UTF_8);
        o.writeInt(bytes.length);
        o.write(bytes);
      }
      case DATE -> o.writeLong(((LocalDate) v).toEpochDay());
      case TIME -> o.writeLong(((LocalTime) v).toNanoOfDay());
      case TIMESTAMP -> {
        LocalDateTime t = (LocalDateTime) v;
        o.writeLong(t.toEpochSecond(ZoneOffset.UTC));
        o.writeInt(t.getNano());
      }
      case TIMESTAMP_TZ -> {
        OffsetDateTime t = (OffsetDateTime) v;
        o.writeLong(t.toEpochSecond());
        o.writeInt(t.getNano());
      }
      case UUID -> {
        UUID u = (UUID) v;
        o.writeLong(u.getMostSignificantBits());
        o.writeLong(u.getLeastSignificantBits());
      }
    }
  }

  static Object decode(DataInputStream in, DataType type) throws IOException {
    if (in.readByte() == 0) {
      return null;
    }
    return switch (type) {
      case BOOLEAN -> in.readBoolean();
      case INTEGER -> in.readLong();
      case DECIMAL -> {
        int scale = in.readInt();
        byte[] unscaled = new byte[in.readInt()];
        in.readFully(unscaled);
        yield new BigDecimal(new BigInteger(unscaled), scale);
      }
      case FLOAT -> in.readDouble();
      case STRING -> {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        yield new String(bytes, StandardCharsets.UTF_8);
      }
      case DATE -> LocalDate.ofEpochDay(in.readLong());
      case TIME -> LocalTime.ofNanoOfDay(in.readLong());
      case TIMESTAMP -> LocalDateTime.ofEpochSecond(in.readLong(), in.readInt(), ZoneOffset.UTC);
      case TIMESTAMP_TZ ->
          OffsetDateTime.ofInstant(
              java.time.Instant.ofEpochSecond(in.readLong(), in.readInt()), ZoneOffset.UTC);
      case UUID -> new UUID(in.readLong(), in.readLong());
    };
  }

  @Override
  public void abort() {
    if (finished) {
      return;
    }
    finished = true;
    for (DataOutputStream o : out.values()) {
      try {
        o.close();
      } catch (IOException e) {
        // the folder is deleted next
      }
    }
    out.clear();
    Folders.deleteQuietly(staging);
    lock.close();
  }

  @Override
  public String describe() {
    return kind + " folder " + folder;
  }

  @Override
  public void close() {
    if (!finished) {
      abort();
    }
  }
}
