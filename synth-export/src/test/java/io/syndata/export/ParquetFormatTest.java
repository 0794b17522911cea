package io.syndata.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.data.Target;
import io.syndata.schema.Table;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parquet format read back by DuckDB's Parquet reader. */
class ParquetFormatTest {
  @TempDir Path dir;

  private static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  static List<Object[]> readWithDuckDb(Path file, Table t) {
    String select =
        t.columns().stream()
            .map(
                c ->
                    c.type() == io.syndata.schema.DataType.TIME
                            || c.type() == io.syndata.schema.DataType.UUID
                        ? "CAST(\"" + c.name() + "\" AS VARCHAR)"
                        : "\"" + c.name() + "\"")
            .collect(Collectors.joining(", "));
    List<Object[]> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT " + select + " FROM read_parquet(" + literal(file.toString()) + ")")) {
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
      throw new AssertionError(file + ": " + e.getMessage(), e);
    }
    return rows;
  }

  @Test
  void writesAFilePerTableReadBackByDuckDbWithEveryCodec() {
    for (String codec : List.of("snappy", "zstd", "gzip", "none")) {
      Path out = dir.resolve(codec);
      try (Target target =
          Exporters.open(
              List.of("parquet"), out, ExportOptions.DEFAULTS.with("parquet.compression", codec))) {
        ExportFixture.write(target);
      }
      ExportFixture.assertSameData(t -> readWithDuckDb(out.resolve(t.name() + ".parquet"), t));
    }
  }

  @Test
  void declaresLogicalTypesAndRequiredFieldsAndCompresses() throws SQLException {
    Path out = dir.resolve("out");
    try (Target target =
        Exporters.open(
            List.of("parquet"), out, ExportOptions.DEFAULTS.with("parquet.compression", "zstd"))) {
      ExportFixture.write(target);
    }
    Path file = out.resolve("sample.parquet");
    Map<String, String> types = new HashMap<>();
    Map<String, String> repetition = new HashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery(
              "SELECT name, logical_type, converted_type, repetition_type FROM parquet_schema("
                  + literal(file.toString())
                  + ")")) {
        while (rs.next()) {
          types.put(rs.getString(1), rs.getString(2) + " " + rs.getString(3));
          repetition.put(rs.getString(1), rs.getString(4));
        }
      }
      // emp.parquet: DuckDB's parquet_metadata fails on the statistics of UUID columns
      try (ResultSet rs =
          st.executeQuery(
              "SELECT DISTINCT compression FROM parquet_metadata("
                  + literal(out.resolve("emp.parquet").toString())
                  + ")")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualToIgnoringCase("ZSTD");
      }
    }
    assertThat(types.get("amount")).contains("DECIMAL");
    assertThat(types.get("day")).contains("DATE");
    assertThat(types.get("ref")).contains("UUID");
    assertThat(types.get("instant")).contains("TIMESTAMP");
    assertThat(repetition.get("id")).isEqualTo("REQUIRED");
    assertThat(repetition.get("note")).isEqualTo("OPTIONAL");
  }
}
