package io.syndata.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.data.Target;
import io.syndata.schema.Column;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The csv format read back by DuckDB's CSV reader, with default and with custom options. */
class CsvFormatTest {
  @TempDir Path dir;

  private static String duckType(Column c) {
    return switch (c.type()) {
      case BOOLEAN -> "BOOLEAN";
      case INTEGER -> "BIGINT";
      case DECIMAL -> "DECIMAL(30,3)";
      case FLOAT -> "DOUBLE";
      case STRING -> "VARCHAR";
      case DATE -> "DATE";
      case TIME -> "TIME";
      case TIMESTAMP -> "TIMESTAMP";
      case TIMESTAMP_TZ -> "TIMESTAMPTZ";
      case UUID -> "UUID";
    };
  }

  private static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  static List<Object[]> readWithDuckDb(Path file, Table t, char delimiter, String nullMarker) {
    String columns =
        t.columns().stream()
            .map(c -> literal(c.name()) + ": " + literal(duckType(c)))
            .collect(Collectors.joining(", ", "{", "}"));
    String select =
        t.columns().stream()
            .map(
                c ->
                    c.type() == io.syndata.schema.DataType.TIME
                        ? "CAST(\"" + c.name() + "\" AS VARCHAR)"
                        : "\"" + c.name() + "\"")
            .collect(Collectors.joining(", "));
    String sql =
        "SELECT "
            + select
            + " FROM read_csv("
            + literal(file.toString())
            + ", header = true, delim = "
            + literal(String.valueOf(delimiter))
            + ", quote = '\"', escape = '\"', nullstr = "
            + literal(nullMarker)
            + ", allow_quoted_nulls = false, columns = "
            + columns
            + ")";
    List<Object[]> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        Object[] row = new Object[t.columns().size()];
        for (int i = 0; i < row.length; i++) {
          int at = i + 1;
          row[i] =
              switch (t.columns().get(i).type()) {
                case BOOLEAN -> rs.getBoolean(at);
                case INTEGER -> rs.getLong(at);
                case DECIMAL -> rs.getBigDecimal(at);
                case FLOAT -> rs.getDouble(at);
                case STRING -> rs.getString(at);
                case DATE -> rs.getObject(at, LocalDate.class);
                case TIME -> rs.getString(at) == null ? null : LocalTime.parse(rs.getString(at));
                case TIMESTAMP -> rs.getObject(at, LocalDateTime.class);
                case TIMESTAMP_TZ -> rs.getObject(at, OffsetDateTime.class);
                case UUID -> rs.getString(at) == null ? null : UUID.fromString(rs.getString(at));
              };
          if (rs.wasNull()) {
            row[i] = null;
          }
        }
        rows.add(row);
      }
    } catch (SQLException e) {
      throw new AssertionError(sql + ": " + e.getMessage(), e);
    }
    return rows;
  }

  @Test
  void writesRfc4180ReadBackByDuckDb() {
    Path out = dir.resolve("out");
    try (Target target = Exporters.open(List.of("csv"), out, ExportOptions.DEFAULTS)) {
      ExportFixture.write(target);
    }
    ExportFixture.assertSameData(t -> readWithDuckDb(out.resolve(t.name() + ".csv"), t, ',', ""));
  }

  @Test
  void writesTheConfiguredDelimiterNullMarkerAndGzipReadBackByDuckDb() throws IOException {
    Path out = dir.resolve("out");
    ExportOptions options =
        ExportOptions.DEFAULTS
            .with("csv.delimiter", ";")
            .with("csv.null", "\\N")
            .with("csv.gzip", "true");
    try (Target target = Exporters.open(List.of("csv"), out, options)) {
      ExportFixture.write(target);
    }
    ExportFixture.assertSameData(
        t -> readWithDuckDb(out.resolve(t.name() + ".csv.gz"), t, ';', "\\N"));
    try (InputStream in = new GZIPInputStream(Files.newInputStream(out.resolve("emp.csv.gz")))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("id;dept_id;boss_id\n10;1;\\N\n11;2;10\n12;1;10\n");
    }
  }

  @Test
  void refusesADelimiterThatIsAlsoTheQuote() {
    assertThatThrownBy(
            () ->
                Exporters.open(
                    List.of("csv"),
                    dir.resolve("out"),
                    ExportOptions.DEFAULTS.with("csv.delimiter", "\"")))
        .isInstanceOf(SynthException.class)
        .hasMessage("CSV delimiter and quote are both \": choose different characters");
  }
}
