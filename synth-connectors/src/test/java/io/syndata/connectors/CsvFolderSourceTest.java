package io.syndata.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.data.SchemaFilter;
import io.syndata.data.Source;
import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFolderSourceTest {
  @TempDir Path dir;

  private void write(String file, String... lines) throws IOException {
    String text = String.join("\n", lines) + "\n";
    if (file.endsWith(".gz")) {
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(file)))) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
    } else {
      Files.writeString(dir.resolve(file), text);
    }
  }

  private Schema introspect() {
    try (Source source = Connectors.source(dir.toString())) {
      return source.introspect(SchemaFilter.ALL);
    }
  }

  private static List<Object[]> scan(Source source, Table table) {
    List<Object[]> rows = new ArrayList<>();
    source.scan(
        table,
        table.columns().stream().map(Column::name).toList(),
        b -> IntrospectionContract.collect(b, rows));
    return rows;
  }

  @Test
  void infersTheNarrowestTypeOfEveryColumnAndKeepsEmptyStringsApartFromNulls() throws IOException {
    write(
        "sample.csv",
        "flag,n,x,u,d,ts,tz,t,s",
        "true,1,1.5,123e4567-e89b-12d3-a456-426614174000,2024-01-31,2024-01-31 10:00:00,2024-01-31T10:00:00Z,10:00:00,\"a, \"\"b\"\"\"",
        "FALSE,-20,2.25,123e4567-e89b-12d3-a456-426614174001,2023-12-01,2024-01-31T11:30:00.5,2024-01-31T12:00:00+02:00,23:59:59,\"\"",
        ",,3,,,,,,");
    Table t = introspect().table("sample");
    assertThat(t.columns())
        .extracting(Column::type)
        .containsExactly(
            DataType.BOOLEAN,
            DataType.INTEGER,
            DataType.FLOAT,
            DataType.UUID,
            DataType.DATE,
            DataType.TIMESTAMP,
            DataType.TIMESTAMP_TZ,
            DataType.TIME,
            DataType.STRING);
    assertThat(t.column("x").scale()).isEqualTo(2);
    assertThat(t.column("x").nullable()).isFalse();
    assertThat(t.column("n").nullable()).isTrue();
    assertThat(t.column("s").length()).isEqualTo(6);
    assertThat(t.rowCount()).isEqualTo(3);
    try (Source source = Connectors.source(dir.toString())) {
      List<Object[]> rows = scan(source, t);
      assertThat(rows.get(0))
          .containsExactly(
              true,
              1L,
              1.5,
              UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
              LocalDate.of(2024, 1, 31),
              LocalDateTime.of(2024, 1, 31, 10, 0),
              OffsetDateTime.of(2024, 1, 31, 10, 0, 0, 0, ZoneOffset.UTC),
              LocalTime.of(10, 0),
              "a, \"b\"");
      assertThat(rows.get(1)[6])
          .isEqualTo(OffsetDateTime.of(2024, 1, 31, 10, 0, 0, 0, ZoneOffset.UTC));
      assertThat(rows.get(1)[8]).isEqualTo("");
      assertThat(rows.get(2)).containsExactly(null, null, 3.0, null, null, null, null, null, null);
    }
  }

  @Test
  void keepsNumbersWithLeadingZerosAsText() throws IOException {
    write("zip.csv", "code", "01234", "99501");
    assertThat(introspect().table("zip").column("code").type()).isEqualTo(DataType.STRING);
  }

  @Test
  void infersKeysFromNamesAndContainedValuesOnly() throws IOException {
    write("users.csv.gz", "id,name", "1,a", "2,b", "3,c");
    write("purchases.csv", "users_id,amount", "1,10", "1,12", "3,5", ",7");
    write("visits.csv", "user_id,page", "1,x", "4,y");
    write("category.csv", "category_id,label", "1,x", "2,y");
    write("item.csv", "item_id,category_id,parent_id", "10,1,", "11,2,10");
    Schema schema = introspect();
    assertThat(schema.table("users").primaryKey()).containsExactly("id");
    assertThat(schema.table("purchases").primaryKey()).isEmpty();
    assertThat(schema.table("purchases").foreignKeys())
        .containsExactly(
            new ForeignKey(
                "fk_purchases_users_id", List.of("users_id"), "users", List.of("id"), true));
    assertThat(schema.table("visits").foreignKeys()).as("value 4 has no user").isEmpty();
    assertThat(schema.table("item").primaryKey()).containsExactly("item_id");
    assertThat(schema.table("item").foreignKeys())
        .extracting(fk -> fk.describe("item"))
        .containsExactly("item(category_id) -> category(category_id)");
  }

  @Test
  void takesASchemaFileAsGivenAndNamesAMissingColumn() throws IOException {
    write("t.csv", "a,b", "1,x");
    Table declared =
        new Table(
            "t",
            Optional.empty(),
            List.of(Column.of("a", DataType.DECIMAL, false), Column.of("b", DataType.STRING, true)),
            List.of("a"),
            List.of(),
            List.of(),
            0);
    try (Source source =
        Connectors.source(dir.toString(), Optional.of(new Schema(List.of(declared))))) {
      Table t = source.introspect(SchemaFilter.ALL).table("t");
      assertThat(t.column("a").type()).isEqualTo(DataType.DECIMAL);
      assertThat(t.rowCount()).isEqualTo(1);
      assertThat(scan(source, t).get(0)).containsExactly(new java.math.BigDecimal("1"), "x");
    }
    Table missing =
        declared.withColumns(
            List.of(
                Column.of("a", DataType.DECIMAL, false), Column.of("c", DataType.STRING, true)));
    try (Source source =
        Connectors.source(dir.toString(), Optional.of(new Schema(List.of(missing))))) {
      assertThatThrownBy(() -> source.introspect(SchemaFilter.ALL))
          .isInstanceOf(SynthException.class)
          .hasMessageContaining(
              "t.csv has no column c, which the schema file declares for table t");
    }
  }

  @Test
  void namesFileLineColumnAndValueThatDoNotParseAsDeclared() throws IOException {
    write("t.csv", "a", "1", "2", "abc");
    Table declared =
        new Table(
            "t",
            Optional.empty(),
            List.of(Column.of("a", DataType.INTEGER, false)),
            List.of(),
            List.of(),
            List.of(),
            0);
    try (Source source =
        Connectors.source(dir.toString(), Optional.of(new Schema(List.of(declared))))) {
      assertThatThrownBy(() -> source.scan(declared, List.of("a"), b -> {}))
          .isInstanceOf(SynthException.class)
          .hasMessageContaining("t.csv line 4, column a: 'abc' is not a whole number");
    }
  }

  @Test
  void refusesAFolderWithoutCsvFiles() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "x");
    assertThatThrownBy(() -> Connectors.source(dir.toString()))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("holds no <table>.csv or <table>.csv.gz files");
  }
}
