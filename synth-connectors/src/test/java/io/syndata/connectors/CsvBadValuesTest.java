package io.syndata.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.data.SchemaFilter;
import io.syndata.data.Source;
import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvBadValuesTest {
  @TempDir Path dir;

  /** A file {@code t.csv} with columns id and v: {@code rows} values, one of them {@code bad}. */
  private void numbersWithOneBad(int rows, int badRow, String bad) throws IOException {
    StringBuilder csv = new StringBuilder("id,v\n");
    for (int i = 1; i <= rows; i++) {
      csv.append(i).append(',').append(i == badRow ? bad : String.valueOf(i * 3)).append('\n');
    }
    Files.writeString(dir.resolve("t.csv"), csv);
  }

  @Test
  void oneBadNumberAmongThousandsFailsNamingFileLineAndValueInsteadOfDemotingTheColumn()
      throws IOException {
    numbersWithOneBad(3000, 1500, "abc");
    try (Source source = Connectors.source(dir.toString())) {
      assertThatThrownBy(() -> source.introspect(SchemaFilter.ALL))
          .isInstanceOf(SynthException.class)
          .hasMessageContaining("t.csv, column v: 1 of 3,000 values is not a whole number")
          .hasMessageContaining("line 1501: 'abc'")
          .hasMessageContaining("--bad-values null");
    }
  }

  private static final CsvOptions AS_NULL =
      new CsvOptions(Optional.empty(), CsvOptions.BadValues.NULL);

  @Test
  void withBadValuesNullTheColumnKeepsItsTypeAndTheBadValueReadsAsNull() throws IOException {
    numbersWithOneBad(3000, 1500, "abc");
    try (Source source = Connectors.source(dir.toString(), Optional.empty(), AS_NULL)) {
      Table t = source.introspect(SchemaFilter.ALL).table("t");
      assertThat(t.column("v").type()).isEqualTo(DataType.INTEGER);
      assertThat(t.column("v").nullable()).isTrue();
      List<Object[]> rows = new ArrayList<>();
      source.scan(t, List.of("id", "v"), b -> IntrospectionContract.collect(b, rows));
      assertThat(rows).hasSize(3000);
      assertThat(rows.get(1499)).containsExactly(1500L, null);
      assertThat(rows.get(1500)).containsExactly(1501L, 4503L);
    }
  }

  @Test
  void anImpossibleDateAmongDatesIsABadValueNotAReasonToReadTextDates() throws IOException {
    StringBuilder csv = new StringBuilder("day\n");
    LocalDate d = LocalDate.of(2021, 1, 1);
    for (int i = 0; i < 500; i++) {
      csv.append(i == 40 ? "2021-02-30" : d.plusDays(i).toString()).append('\n');
    }
    Files.writeString(dir.resolve("t.csv"), csv);
    try (Source source = Connectors.source(dir.toString())) {
      assertThatThrownBy(() -> source.introspect(SchemaFilter.ALL))
          .hasMessageContaining("column day: 1 of 500 values is not a date yyyy-MM-dd")
          .hasMessageContaining("line 42: '2021-02-30'");
    }
    try (Source source = Connectors.source(dir.toString(), Optional.empty(), AS_NULL)) {
      assertThat(source.introspect(SchemaFilter.ALL).table("t").column("day").type())
          .isEqualTo(DataType.DATE);
    }
  }

  @Test
  void aColumnWithMoreThanOnePercentOfOtherValuesIsText() throws IOException {
    numbersWithOneBad(99, 50, "abc");
    assertThat(typeOfV()).isEqualTo(DataType.STRING);
    numbersWithOneBad(100, 50, "abc");
    assertThat(typeOfVAsNull()).isEqualTo(DataType.INTEGER);
  }

  @Test
  void wholeNumbersAmongDecimalsMakeAFloatColumnNotBadValues() throws IOException {
    numbersWithOneBad(3000, 7, "2.5");
    assertThat(typeOfV()).isEqualTo(DataType.FLOAT);
  }

  @Test
  void aCodeWithLeadingZerosAmongNumbersKeepsTheColumnText() throws IOException {
    numbersWithOneBad(3000, 7, "007");
    assertThat(typeOfV()).isEqualTo(DataType.STRING);
  }

  @Test
  void aDeclaredColumnReadsBadValuesAsNullOnlyWhenNullable() throws IOException {
    numbersWithOneBad(10, 3, "n/a");
    Table nullable =
        new Table(
            "t",
            Optional.empty(),
            List.of(
                Column.of("id", DataType.INTEGER, false), Column.of("v", DataType.INTEGER, true)),
            List.of("id"),
            List.of(),
            List.of(),
            0);
    try (Source source =
        Connectors.source(dir.toString(), Optional.of(new Schema(List.of(nullable))), AS_NULL)) {
      List<Object[]> rows = new ArrayList<>();
      source.scan(nullable, List.of("id", "v"), b -> IntrospectionContract.collect(b, rows));
      assertThat(rows.get(2)).containsExactly(3L, null);
    }
    Table notNull =
        nullable.withColumns(
            List.of(
                Column.of("id", DataType.INTEGER, false), Column.of("v", DataType.INTEGER, false)));
    try (Source source =
        Connectors.source(dir.toString(), Optional.of(new Schema(List.of(notNull))), AS_NULL)) {
      assertThatThrownBy(() -> source.scan(notNull, List.of("id", "v"), b -> {}))
          .isInstanceOf(SynthException.class)
          .hasMessageContaining("t.csv line 4, column v: 'n/a' is not a whole number")
          .hasMessageContaining("t.v is declared NOT NULL");
    }
  }

  @Test
  void refusesAnUnknownPolicy() {
    assertThatThrownBy(() -> CsvOptions.BadValues.of("skip"))
        .isInstanceOf(SynthException.class)
        .hasMessage("--bad-values must be fail or null, was skip");
  }

  private DataType typeOfV() {
    try (Source source = Connectors.source(dir.toString())) {
      return source.introspect(SchemaFilter.ALL).table("t").column("v").type();
    }
  }

  private DataType typeOfVAsNull() {
    try (Source source = Connectors.source(dir.toString(), Optional.empty(), AS_NULL)) {
      return source.introspect(SchemaFilter.ALL).table("t").column("v").type();
    }
  }
}
