package io.syndata.export;

import io.syndata.schema.Column;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Parquet, a file per table ({@code <table>.parquet}) or per plan partition ({@code
 * <table>/part-00017.parquet}) written with parquet's own writer to the local file system ({@link
 * LocalOutputFile}, no Hadoop file system or install), with logical types: decimals with their
 * precision and scale, dates, times and timestamps in microseconds ({@code TIMESTAMP_TZ} adjusted
 * to UTC), UUIDs as 16-byte UUIDs, strings as UTF-8. NOT NULL columns are required fields.
 * Dictionary encoding on; compression and row-group size configurable.
 */
final class ParquetTableWriter implements SpooledTarget.Writer {
  private final CompressionCodecName codec;
  private final long rowGroupBytes;
  private final boolean perPartition;

  ParquetTableWriter(CompressionCodecName codec, long rowGroupBytes, boolean perPartition) {
    this.codec = codec;
    this.rowGroupBytes = rowGroupBytes;
    this.perPartition = perPartition;
  }

  /** The Parquet schema of a table. */
  static MessageType schema(Table t) {
    Types.MessageTypeBuilder message = Types.buildMessage();
    for (Column c : t.writtenColumns()) {
      Type.Repetition repetition =
          c.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
      Type field =
          switch (c.type()) {
            case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(c.name());
            case INTEGER ->
                Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.intType(64, true))
                    .named(c.name());
            case DECIMAL ->
                hasPrecision(c)
                    ? Types.primitive(PrimitiveTypeName.BINARY, repetition)
                        .as(LogicalTypeAnnotation.decimalType(c.scale(), c.precision()))
                        .named(c.name())
                    : Types.primitive(PrimitiveTypeName.BINARY, repetition)
                        .as(LogicalTypeAnnotation.stringType())
                        .named(c.name());
            case FLOAT -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(c.name());
            case STRING ->
                Types.primitive(PrimitiveTypeName.BINARY, repetition)
                    .as(LogicalTypeAnnotation.stringType())
                    .named(c.name());
            case DATE ->
                Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.dateType())
                    .named(c.name());
            case TIME ->
                Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.timeType(false, TimeUnit.MICROS))
                    .named(c.name());
            case TIMESTAMP ->
                Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.timestampType(false, TimeUnit.MICROS))
                    .named(c.name());
            case TIMESTAMP_TZ ->
                Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS))
                    .named(c.name());
            case UUID ->
                Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition)
                    .length(16)
                    .as(LogicalTypeAnnotation.uuidType())
                    .named(c.name());
          };
      message.addField(field);
    }
    return message.named(t.name());
  }

  /** Decimals with a declared precision Parquet readers take (up to 38) get the decimal type. */
  static boolean hasPrecision(Column c) {
    return c.precision() > 0 && c.precision() <= 38 && c.scale() >= 0 && c.scale() <= c.precision();
  }

  @Override
  public void write(SpooledTarget.Spooled data, Path folder) throws IOException {
    for (Table t : data.order()) {
      if (perPartition) {
        writePartitions(data, t, folder.resolve(t.name()));
        continue;
      }
      try (ParquetWriter<Object[]> writer = open(folder.resolve(t.name() + ".parquet"), t)) {
        data.forEach(t, writer::write);
      }
    }
  }

  /**
   * {@code <table>/part-NNNNN.parquet}, a file per plan partition that made rows of the table,
   * numbered by the partition; a table without rows gets an empty {@code part-00000.parquet}, so
   * that {@code read_parquet('<table>/*.parquet')} finds its schema.
   */
  private void writePartitions(SpooledTarget.Spooled data, Table t, Path dir) throws IOException {
    java.nio.file.Files.createDirectories(dir);
    List<long[]> starts = data.partitions(t.name());
    if (starts.isEmpty()) {
      open(dir.resolve(partName(0)), t).close();
      return;
    }
    ParquetWriter<?>[] current = new ParquetWriter<?>[1];
    long[] row = {0};
    int[] next = {0};
    try {
      data.forEach(
          t,
          values -> {
            if (next[0] < starts.size() && row[0] == starts.get(next[0])[0]) {
              if (current[0] != null) {
                current[0].close();
              }
              current[0] = open(dir.resolve(partName(starts.get(next[0])[1])), t);
              next[0]++;
            }
            @SuppressWarnings("unchecked")
            ParquetWriter<Object[]> w = (ParquetWriter<Object[]>) current[0];
            w.write(values);
            row[0]++;
          });
    } finally {
      if (current[0] != null) {
        current[0].close();
      }
    }
  }

  static String partName(long partition) {
    return String.format(java.util.Locale.ROOT, "part-%05d.parquet", partition);
  }

  private ParquetWriter<Object[]> open(Path path, Table t) throws IOException {
    return new Builder(new LocalOutputFile(path), t)
        .withConf(new PlainParquetConfiguration())
        .withWriteMode(ParquetFileWriter.Mode.CREATE)
        .withCodecFactory(new ParquetCodecs())
        .withCompressionCodec(codec)
        .withRowGroupSize(rowGroupBytes)
        .withDictionaryEncoding(true)
        .build();
  }

  private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
    private final Table table;

    Builder(OutputFile file, Table table) {
      super(file);
      this.table = table;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
      return new RowWriteSupport(table);
    }

    @Override
    protected WriteSupport<Object[]> getWriteSupport(ParquetConfiguration conf) {
      return new RowWriteSupport(table);
    }
  }

  /** Writes a row of canonical values as one Parquet record. */
  private static final class RowWriteSupport extends WriteSupport<Object[]> {
    private final Table table;
    private final List<Column> columns;
    private final MessageType schema;
    private RecordConsumer out;
    private long row;

    RowWriteSupport(Table table) {
      this.table = table;
      this.columns = table.writtenColumns();
      this.schema = schema(table);
    }

    @Override
    public WriteContext init(Configuration configuration) {
      return new WriteContext(schema, new HashMap<>());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
      return new WriteContext(schema, new HashMap<>());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.out = recordConsumer;
    }

    @Override
    public void write(Object[] values) {
      out.startMessage();
      for (int c = 0; c < values.length; c++) {
        Column col = columns.get(c);
        Object v = values[c];
        if (v == null) {
          if (!col.nullable()) {
            throw new SynthException(
                "table "
                    + table.name()
                    + ", column "
                    + col.name()
                    + ", row "
                    + row
                    + ": NULL in a NOT NULL column");
          }
          continue;
        }
        out.startField(col.name(), c);
        value(col, v);
        out.endField(col.name(), c);
      }
      out.endMessage();
      row++;
    }

    private void value(Column col, Object v) {
      switch (col.type()) {
        case BOOLEAN -> out.addBoolean((Boolean) v);
        case INTEGER -> out.addLong((Long) v);
        case DECIMAL -> {
          BigDecimal d = (BigDecimal) v;
          if (!hasPrecision(col)) {
            out.addBinary(Binary.fromString(d.toPlainString()));
            return;
          }
          BigDecimal scaled;
          try {
            scaled = d.setScale(col.scale(), RoundingMode.UNNECESSARY);
          } catch (ArithmeticException e) {
            throw new SynthException(
                "table "
                    + table.name()
                    + ", column "
                    + col.name()
                    + ", row "
                    + row
                    + ": "
                    + d
                    + " has more than the column's "
                    + col.scale()
                    + " decimal places");
          }
          if (scaled.precision() > col.precision()) {
            throw new SynthException(
                "table "
                    + table.name()
                    + ", column "
                    + col.name()
                    + ", row "
                    + row
                    + ": "
                    + d
                    + " has more than the column's "
                    + col.precision()
                    + " digits");
          }
          out.addBinary(Binary.fromConstantByteArray(scaled.unscaledValue().toByteArray()));
        }
        case FLOAT -> out.addDouble((Double) v);
        case STRING -> out.addBinary(Binary.fromString((String) v));
        case DATE -> out.addInteger(Math.toIntExact(((LocalDate) v).toEpochDay()));
        case TIME -> out.addLong(((LocalTime) v).toNanoOfDay() / 1_000);
        case TIMESTAMP ->
            out.addLong(
                micros(
                    ((LocalDateTime) v).toEpochSecond(ZoneOffset.UTC),
                    ((LocalDateTime) v).getNano()));
        case TIMESTAMP_TZ ->
            out.addLong(
                micros(((OffsetDateTime) v).toEpochSecond(), ((OffsetDateTime) v).getNano()));
        case UUID -> {
          UUID u = (UUID) v;
          ByteBuffer b = ByteBuffer.allocate(16);
          b.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
          out.addBinary(Binary.fromConstantByteArray(b.array()));
        }
      }
    }

    private static long micros(long epochSecond, int nano) {
      return Math.addExact(Math.multiplyExact(epochSecond, 1_000_000L), nano / 1_000);
    }
  }
}
