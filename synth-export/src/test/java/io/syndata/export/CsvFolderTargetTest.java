package io.syndata.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.connectors.Connectors;
import io.syndata.data.RowBatch;
import io.syndata.data.SchemaFilter;
import io.syndata.data.Source;
import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.Schema;
import io.syndata.schema.SchemaFile;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.io.IOException;
import java.math.BigDecimal;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFolderTargetTest {
  @TempDir Path dir;

  private static final List<Column> ALL_TYPES =
      List.of(
          Column.of("id", DataType.INTEGER, false),
          Column.of("flag", DataType.BOOLEAN, true),
          Column.of("amount", DataType.DECIMAL, true),
          Column.of("ratio", DataType.FLOAT, true),
          Column.of("note", DataType.STRING, true),
          Column.of("day", DataType.DATE, true),
          Column.of("at", DataType.TIME, true),
          Column.of("stamp", DataType.TIMESTAMP, true),
          Column.of("instant", DataType.TIMESTAMP_TZ, true),
          Column.of("ref", DataType.UUID, true));

  private static final Table SAMPLE =
      new Table("sample", Optional.empty(), ALL_TYPES, List.of("id"), List.of(), List.of(), 0);

  private static RowBatch batch(String table, List<String> columns, List<Object[]> rows) {
    Object[][] values = new Object[columns.size()][rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < columns.size(); c++) {
        values[c][r] = rows.get(r)[c];
      }
    }
    return new RowBatch(table, columns, values, rows.size());
  }

  private static List<String> names(Table t) {
    return t.columns().stream().map(Column::name).toList();
  }

  private static List<Object[]> readBack(Path folder, String table) {
    Schema schema = SchemaFile.read(folder.resolve(CsvFolderTarget.SCHEMA_FILE));
    List<Object[]> rows = new ArrayList<>();
    try (Source source = Connectors.source(folder.toString(), Optional.of(schema))) {
      Table t = source.introspect(SchemaFilter.ALL).table(table);
      source.scan(
          t,
          names(t),
          b -> {
            for (int r = 0; r < b.size(); r++) {
              Object[] row = new Object[b.columns().size()];
              for (int c = 0; c < row.length; c++) {
                row[c] = b.value(c, r);
              }
              rows.add(row);
            }
          });
    }
    return rows;
  }

  @Test
  void roundTripsEveryDataTypeThroughTheCsvFolderSource() {
    List<Object[]> rows =
        List.of(
            new Object[] {
              1L,
              true,
              new BigDecimal("12345678901234567890.123"),
              0.1,
              "plain",
              LocalDate.of(2024, 2, 29),
              LocalTime.of(23, 59, 58, 123_456_000),
              LocalDateTime.of(1999, 12, 31, 23, 59, 59, 1000),
              OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
              UUID.fromString("123e4567-e89b-12d3-a456-426614174000")
            },
            new Object[] {
              2L,
              false,
              new BigDecimal("-0.50"),
              1.0E-12,
              "",
              LocalDate.of(1, 1, 1),
              LocalTime.MIDNIGHT,
              LocalDateTime.of(2024, 1, 1, 0, 0),
              OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 999_999_000, ZoneOffset.UTC),
              new UUID(0, 0)
            },
            new Object[] {
              3L,
              null,
              null,
              123456789.25,
              "comma, \"quote\"\nnew line",
              null,
              null,
              null,
              null,
              null
            },
            new Object[] {
              4L, null, BigDecimal.ZERO, Double.MAX_VALUE, " spaced ", null, null, null, null, null
            });
    Path out = dir.resolve("out");
    try (CsvFolderTarget target = CsvFolderTarget.create(out)) {
      target.begin(new Schema(List.of(SAMPLE)));
      target.write(batch("sample", names(SAMPLE), rows));
      target.commit();
    }
    List<Object[]> back = readBack(out, "sample");
    assertThat(back).hasSize(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      assertThat(back.get(r)).as("row " + r).containsExactly(rows.get(r));
    }
    assertThat(SchemaFile.read(out.resolve("schema.json")).table("sample").rowCount()).isEqualTo(4);
  }

  @Test
  void writesOnlyStringsQuotedAndNullsAsEmptyFields() throws IOException {
    Table t =
        new Table(
            "t",
            Optional.empty(),
            List.of(
                Column.of("n", DataType.INTEGER, true),
                Column.of("s", DataType.STRING, true),
                Column.of("x", DataType.FLOAT, true)),
            List.of(),
            List.of(),
            List.of(),
            0);
    Path out = dir.resolve("out");
    try (CsvFolderTarget target = CsvFolderTarget.create(out)) {
      target.begin(new Schema(List.of(t)));
      target.write(
          batch(
              "t",
              List.of("n", "s", "x"),
              List.of(new Object[] {1L, "a", 1.0E10}, new Object[] {null, "", null})));
      target.commit();
    }
    assertThat(Files.readString(out.resolve("t.csv")))
        .isEqualTo("n,s,x\n1,\"a\",10000000000\n,\"\",\n");
  }

  @Test
  void appliesDeferredUpdatesByRowIndexOnCommit() {
    Table node =
        new Table(
            "node",
            Optional.empty(),
            List.of(
                Column.of("id", DataType.INTEGER, false),
                Column.of("parent_id", DataType.INTEGER, true)),
            List.of("id"),
            List.of(),
            List.of(
                new ForeignKey(
                    "fk_node_parent", List.of("parent_id"), "node", List.of("id"), false)),
            0);
    Path out = dir.resolve("out");
    try (CsvFolderTarget target = CsvFolderTarget.create(out)) {
      target.begin(new Schema(List.of(node)));
      target.write(
          batch(
              "node",
              List.of("id", "parent_id"),
              List.of(new Object[] {1L, null}, new Object[] {2L, null}, new Object[] {3L, null})));
      target.update(
          batch(
              "node",
              List.of("id", "parent_id"),
              List.of(new Object[] {3L, 1L}, new Object[] {2L, 1L})),
          List.of("id"),
          new long[] {2, 1});
      target.commit();
    }
    assertThat(readBack(out, "node"))
        .containsExactly(new Object[] {1L, null}, new Object[] {2L, 1L}, new Object[] {3L, 1L});
  }

  @Test
  void leavesNothingBehindWhenAborted() throws IOException {
    Path out = dir.resolve("out");
    try (CsvFolderTarget target = CsvFolderTarget.create(out)) {
      target.begin(new Schema(List.of(SAMPLE)));
      target.write(batch("sample", List.of("id"), List.<Object[]>of(new Object[] {1L})));
      target.abort();
    }
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly(".out.lock");
    }
    assertThat(dir.resolve(".out.lock")).isEmptyFile();
  }

  @Test
  void refusesAFolderThatIsNotEmptyNamingTheFirstFile() throws IOException {
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("b.csv"), "x");
    Files.writeString(out.resolve("a.txt"), "x");
    assertThatThrownBy(() -> CsvFolderTarget.create(out))
        .isInstanceOf(SynthException.class)
        .hasMessage(
            "output folder "
                + out
                + " is not empty (it holds a.txt): choose a new or empty folder");
  }

  @Test
  void writesIntoAnExistingEmptyFolder() throws IOException {
    Path out = Files.createDirectories(dir.resolve("out"));
    try (CsvFolderTarget target = CsvFolderTarget.create(out)) {
      target.begin(new Schema(List.of(SAMPLE)));
      target.commit();
    }
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("sample.csv", "schema.json");
    }
  }

  @Test
  void aSecondRunIntoTheSameFolderFailsAtOnceAndTheFirstCommits() throws IOException {
    Path out = dir.resolve("out");
    Schema schema = new Schema(List.of(SAMPLE));
    try (CsvFolderTarget first = CsvFolderTarget.create(out);
        CsvFolderTarget second = CsvFolderTarget.create(out)) {
      first.begin(schema);
      assertThatThrownBy(() -> second.begin(schema))
          .isInstanceOf(SynthException.class)
          .hasMessageStartingWith("target CSV folder " + out.toAbsolutePath())
          .hasMessageContaining(" is in use by another run (pid " + ProcessHandle.current().pid());
      second.abort();
      first.write(batch("sample", List.of("id"), List.<Object[]>of(new Object[] {1L})));
      first.commit();
    }
    assertThat(readBack(out, "sample")).hasSize(1);
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()).sorted())
          .containsExactly(".out.lock", "out");
    }
  }

  @Test
  void removesWhatAKilledRunLeftBeforeWriting() throws IOException {
    Path out = dir.resolve("out");
    Path leftover = Files.createDirectories(dir.resolve(".out.partial-0badc0de"));
    Files.writeString(leftover.resolve("sample.csv"), "id\n1\n");
    Path other = Files.createDirectories(dir.resolve(".other.partial-0badc0de"));
    try (CsvFolderTarget target = CsvFolderTarget.create(out)) {
      target.begin(new Schema(List.of(SAMPLE)));
      assertThat(leftover).doesNotExist();
      target.commit();
    }
    assertThat(other).as("another target's folder is not ours to remove").exists();
  }
}
