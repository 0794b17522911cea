package io.syndata.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.data.Target;
import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxFormatTest {
  @TempDir Path dir;

  private Path export(int rowsPerSheet) {
    Path out = dir.resolve("out");
    ExportOptions options =
        ExportOptions.DEFAULTS.with("xlsx.rows-per-sheet", Integer.toString(rowsPerSheet));
    try (Target target = Exporters.open(List.of("xlsx"), out, options)) {
      ExportFixture.write(target);
    }
    return out.resolve("data.xlsx");
  }

  /** A cell as the canonical value of its column, read with POI's XSSF reader. */
  static Object value(Column col, Cell cell) {
    if (cell == null || cell.getCellType() == CellType.BLANK) {
      return null;
    }
    boolean text = cell.getCellType() == CellType.STRING;
    return switch (col.type()) {
      case BOOLEAN -> cell.getBooleanCellValue();
      case INTEGER ->
          text ? Long.valueOf(cell.getStringCellValue()) : (long) cell.getNumericCellValue();
      case DECIMAL ->
          text
              ? new BigDecimal(cell.getStringCellValue())
              : BigDecimal.valueOf(cell.getNumericCellValue());
      case FLOAT -> text ? Double.valueOf(cell.getStringCellValue()) : cell.getNumericCellValue();
      case STRING -> cell.getStringCellValue();
      case DATE -> {
        if (text) {
          yield LocalDate.parse(cell.getStringCellValue());
        }
        assertThat(DateUtil.isCellDateFormatted(cell))
            .as(col.name() + " has a date format")
            .isTrue();
        yield cell.getLocalDateTimeCellValue().toLocalDate();
      }
      case TIME -> {
        assertThat(DateUtil.isCellDateFormatted(cell))
            .as(col.name() + " has a time format")
            .isTrue();
        long millis = Math.round(cell.getNumericCellValue() * 86_400_000d);
        yield LocalTime.ofNanoOfDay(millis * 1_000_000);
      }
      case TIMESTAMP -> {
        assertThat(DateUtil.isCellDateFormatted(cell)).isTrue();
        yield cell.getLocalDateTimeCellValue();
      }
      case TIMESTAMP_TZ -> {
        LocalDateTime utc = cell.getLocalDateTimeCellValue();
        yield utc.atOffset(ZoneOffset.UTC);
      }
      case UUID -> UUID.fromString(cell.getStringCellValue());
    };
  }

  private static List<String> cells(Row row) {
    List<String> out = new ArrayList<>();
    row.forEach(
        c ->
            out.add(
                c.getCellType() == CellType.NUMERIC
                    ? Long.toString((long) c.getNumericCellValue())
                    : c.getStringCellValue()));
    return out;
  }

  private static void readBack(Path file) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook(file.toFile())) {
      Sheet index = wb.getSheetAt(0);
      assertThat(index.getSheetName()).isEqualTo("tables");
      Map<String, List<String>> sheetsOf = new LinkedHashMap<>();
      Map<String, Long> counts = new LinkedHashMap<>();
      for (Row row : index) {
        if (row.getRowNum() == 0) {
          assertThat(cells(row)).startsWith("table", "sheets", "rows");
          continue;
        }
        String table = row.getCell(0).getStringCellValue();
        sheetsOf.put(table, List.of(row.getCell(1).getStringCellValue().split(", ")));
        counts.put(table, (long) row.getCell(2).getNumericCellValue());
      }
      assertThat(sheetsOf.keySet()).containsExactly("dept", "emp", "sample", "order", "order_note");
      assertThat(counts).containsEntry("sample", 4L).containsEntry("order", 4L);
      ExportFixture.assertSameData(
          t -> {
            List<Object[]> rows = new ArrayList<>();
            for (String name : sheetsOf.get(t.name())) {
              Sheet sheet = wb.getSheet(name);
              PaneInformation pane = sheet.getPaneInformation();
              assertThat(pane.isFreezePane()).isTrue();
              assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 1);
              Row header = sheet.getRow(0);
              assertThat(wb.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold())
                  .isTrue();
              assertThat(cells(header))
                  .containsExactlyElementsOf(t.columns().stream().map(Column::name).toList());
              for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                  Object[] r = new Object[t.columns().size()];
                  for (int c = 0; c < r.length; c++) {
                    r[c] = value(t.columns().get(c), row.getCell(c));
                  }
                  rows.add(r);
                }
              }
            }
            return rows;
          });
    } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
      throw new IOException(e);
    }
  }

  @Test
  void writesASheetPerTableWithTypedCellsReadBackByPoisXssfReader() throws IOException {
    readBack(export(1_048_575));
  }

  @Test
  void continuesATableOnNumberedSheetsWhenASheetIsFull() throws IOException {
    Path file = export(3);
    try (XSSFWorkbook wb = new XSSFWorkbook(file.toFile())) {
      assertThat(wb.getSheet("sample (2)").getLastRowNum()).isEqualTo(1);
      assertThat(wb.getSheet("sample").getLastRowNum()).isEqualTo(3);
      assertThat(wb.getSheet("emp (2)")).isNull();
    } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
      throw new IOException(e);
    }
    readBack(file);
  }

  @Test
  void keepsValuesExcelCannotHoldExactlyAsText() throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook(export(1_048_575).toFile())) {
      Sheet sample = wb.getSheet("sample");
      // 23 significant digits and Double.MAX_VALUE are beyond Excel's numbers
      assertThat(sample.getRow(1).getCell(2).getStringCellValue())
          .isEqualTo("12345678901234567890.123");
      assertThat(sample.getRow(4).getCell(3).getCellType()).isEqualTo(CellType.STRING);
      assertThat(sample.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(1.0E-12);
    } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
      throw new IOException(e);
    }
  }

  @Test
  void streamsPastTheRowWindowAndSplitsALongTableAcrossSheetsInOrder() throws IOException {
    Table t =
        new Table(
            "events",
            Optional.empty(),
            List.of(
                Column.of("id", DataType.INTEGER, false),
                Column.of("label", DataType.STRING, true)),
            List.of("id"),
            List.of(),
            List.of(),
            0);
    Path out = dir.resolve("out");
    try (Target target =
        Exporters.open(
            List.of("xlsx"), out, ExportOptions.DEFAULTS.with("xlsx.rows-per-sheet", "1000"))) {
      target.begin(new Schema(List.of(t)));
      for (int from = 0; from < 2500; from += 300) {
        List<Object[]> rows = new ArrayList<>();
        for (long id = from; id < Math.min(2500, from + 300); id++) {
          rows.add(new Object[] {id, "label " + id});
        }
        target.write(ExportFixture.batch(t, rows));
      }
      target.commit();
    }
    try (XSSFWorkbook wb = new XSSFWorkbook(out.resolve("data.xlsx").toFile())) {
      assertThat(wb.getSheetAt(0).getRow(1).getCell(1).getStringCellValue())
          .isEqualTo("events, events (2), events (3)");
      long next = 0;
      for (String name : List.of("events", "events (2)", "events (3)")) {
        Sheet sheet = wb.getSheet(name);
        assertThat(sheet.getLastRowNum()).isEqualTo(name.endsWith("(3)") ? 500 : 1000);
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
          assertThat((long) sheet.getRow(r).getCell(0).getNumericCellValue()).isEqualTo(next);
          assertThat(sheet.getRow(r).getCell(1).getStringCellValue()).isEqualTo("label " + next);
          next++;
        }
      }
      assertThat(next).isEqualTo(2500);
    } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
      throw new IOException(e);
    }
  }
}
