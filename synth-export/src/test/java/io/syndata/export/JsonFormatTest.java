package io.syndata.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syndata.data.Target;
import io.syndata.schema.Column;
import io.syndata.schema.Table;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFormatTest {
  @TempDir Path dir;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** A value read from the tree, checked to have the JSON type the column's type calls for. */
  static Object value(Column c, JsonNode n) {
    if (n.isNull()) {
      return null;
    }
    return switch (c.type()) {
      case BOOLEAN -> {
        assertThat(n.isBoolean()).as(c.name() + " is a JSON boolean").isTrue();
        yield n.booleanValue();
      }
      case INTEGER -> {
        assertThat(n.isIntegralNumber()).as(c.name() + " is a JSON integer").isTrue();
        yield n.longValue();
      }
      case DECIMAL -> {
        assertThat(n.isNumber()).as(c.name() + " is a JSON number").isTrue();
        yield n.decimalValue();
      }
      case FLOAT -> {
        assertThat(n.isNumber()).as(c.name() + " is a JSON number").isTrue();
        yield n.doubleValue();
      }
      case STRING -> n.textValue();
      case DATE -> LocalDate.parse(n.textValue());
      case TIME -> LocalTime.parse(n.textValue());
      case TIMESTAMP -> LocalDateTime.parse(n.textValue());
      case TIMESTAMP_TZ -> OffsetDateTime.parse(n.textValue());
      case UUID -> UUID.fromString(n.textValue());
    };
  }

  static Object[] row(Table t, JsonNode object) {
    assertThat(object.isObject()).isTrue();
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactlyElementsOf(t.columns().stream().map(Column::name).toList());
    Object[] row = new Object[t.columns().size()];
    for (int c = 0; c < row.length; c++) {
      Column col = t.columns().get(c);
      row[c] = value(col, object.get(col.name()));
    }
    return row;
  }

  @Test
  void writesEveryTableAsAnArrayOfTypedObjectsReadBackByJacksonsTreeParser() throws IOException {
    Path out = dir.resolve("out");
    try (Target target = Exporters.open(List.of("json"), out, ExportOptions.DEFAULTS)) {
      ExportFixture.write(target);
    }
    ExportFixture.assertSameData(
        t -> {
          try {
            JsonNode array = JSON.readTree(out.resolve(t.name() + ".json").toFile());
            assertThat(array.isArray()).isTrue();
            List<Object[]> rows = new ArrayList<>();
            array.forEach(o -> rows.add(row(t, o)));
            return rows;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    // exact decimals, never in exponent form
    assertThat(Files.readString(out.resolve("sample.json")))
        .contains("\"amount\":12345678901234567890.123")
        .contains("\"amount\":-0.500");
  }

  @Test
  void writesOneObjectPerLineInJsonLines() throws IOException {
    Path out = dir.resolve("out");
    try (Target target = Exporters.open(List.of("jsonl"), out, ExportOptions.DEFAULTS)) {
      ExportFixture.write(target);
    }
    ExportFixture.assertSameData(
        t -> {
          List<Object[]> rows = new ArrayList<>();
          try (BufferedReader in =
              Files.newBufferedReader(out.resolve(t.name() + ".jsonl"), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
              rows.add(row(t, JSON.readTree(line)));
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return rows;
        });
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly(
              "dept.jsonl",
              "emp.jsonl",
              "order.jsonl",
              "order_note.jsonl",
              "sample.jsonl",
              "schema.json");
    }
  }
}
