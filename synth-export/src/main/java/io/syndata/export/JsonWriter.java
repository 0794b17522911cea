package io.syndata.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.Table;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * JSON ({@code <table>.json}, an array of objects, one per line) or JSON Lines ({@code
 * <table>.jsonl}, one object per line), streamed with Jackson. Values are typed: integers, decimals
 * (exact, never in exponent form) and floats as numbers (NaN and infinities as strings), booleans
 * as booleans, NULL as {@code null}; dates, times and timestamps as ISO-8601 strings ({@code
 * TIMESTAMP_TZ} in UTC, with {@code Z}); UUIDs as strings.
 */
final class JsonWriter implements SpooledTarget.Writer {
  private static final JsonFactory FACTORY =
      new JsonFactoryBuilder()
          .rootValueSeparator((String) null)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  private final boolean lines;

  JsonWriter(boolean lines) {
    this.lines = lines;
  }

  @Override
  public void write(SpooledTarget.Spooled data, Path folder) throws IOException {
    for (Table t : data.order()) {
      Path file = folder.resolve(t.name() + (lines ? ".jsonl" : ".json"));
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
          JsonGenerator gen = FACTORY.createGenerator(out)) {
        List<Column> columns = t.writtenColumns();
        String[] names = columns.stream().map(Column::name).toArray(String[]::new);
        DataType[] types = columns.stream().map(Column::type).toArray(DataType[]::new);
        if (!lines) {
          gen.setPrettyPrinter(new OneObjectPerLine());
          gen.writeStartArray();
        }
        data.forEach(
            t,
            row -> {
              gen.writeStartObject();
              for (int c = 0; c < names.length; c++) {
                gen.writeFieldName(names[c]);
                value(gen, types[c], row[c]);
              }
              gen.writeEndObject();
              if (lines) {
                gen.writeRaw('\n');
              }
            });
        if (!lines) {
          gen.writeEndArray();
          gen.writeRaw('\n');
        }
      }
    }
  }

  /** Compact objects, one to a line inside the array. */
  private static final class OneObjectPerLine extends MinimalPrettyPrinter {
    private static final long serialVersionUID = 1L;

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
      g.writeRaw("[\n");
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(",\n");
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
      g.writeRaw(values == 0 ? "]" : "\n]");
    }
  }

  static void value(JsonGenerator gen, DataType type, Object v) throws IOException {
    if (v == null) {
      gen.writeNull();
      return;
    }
    switch (type) {
      case BOOLEAN -> gen.writeBoolean((Boolean) v);
      case INTEGER -> gen.writeNumber((Long) v);
      case DECIMAL -> gen.writeNumber((BigDecimal) v);
      case FLOAT -> gen.writeNumber((Double) v);
      default -> gen.writeString(CsvFolderTarget.text(v));
    }
  }
}
