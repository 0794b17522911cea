package io.syndata.export;

import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An Excel workbook, {@code data.xlsx}, streamed with POI's SXSSF (a window of rows in memory,
 * inline strings): first a {@code tables} sheet listing each table, its sheets, row count and
 * foreign keys, then a sheet per table with a bold, frozen header row and typed cells. A table with
 * more rows than a sheet holds continues on numbered sheets ({@code orders (2)}).
 *
 * <p>Where Excel cannot hold a value exactly the cell is text instead: integers beyond 15 digits,
 * decimals beyond 15 significant digits, doubles beyond Excel's range, NaN and infinities, and
 * dates before 1900-03-01. Excel keeps times to the millisecond; {@code TIMESTAMP_TZ} is written in
 * UTC.
 */
final class XlsxWriter implements SpooledTarget.Writer {
  static final String FILE = "data.xlsx";
  static final String INDEX_SHEET = "tables";

  /** Rows of a sheet, less the header. */
  static final int MAX_ROWS_PER_SHEET = 1_048_575;

  private static final int MAX_CELL_TEXT = 32_767;
  private static final double MAX_EXCEL_NUMBER = 9.99999999999999E307;
  private static final long MAX_EXACT_INTEGER = 999_999_999_999_999L;
  private static final LocalDate FIRST_EXCEL_DATE = LocalDate.of(1900, 3, 1);
  private static final int SAMPLED_FOR_WIDTH = 1000;

  private final int rowsPerSheet;

  XlsxWriter(int rowsPerSheet) {
    this.rowsPerSheet = rowsPerSheet;
  }

  @Override
  public void write(SpooledTarget.Spooled data, Path folder) throws IOException {
    SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, true, false);
    try {
      Styles styles = new Styles(wb);
      Map<String, List<String>> sheets = sheetNames(data);
      writeIndex(wb, styles, data, sheets);
      for (Table t : data.order()) {
        writeTable(wb, styles, data, t, sheets.get(t.name()));
      }
      try (OutputStream out =
          new BufferedOutputStream(Files.newOutputStream(folder.resolve(FILE)), 1 << 16)) {
        wb.write(out);
      }
    } finally {
      wb.close();
    }
  }

  private static final class Styles {
    final CellStyle header;
    final CellStyle date;
    final CellStyle time;
    final CellStyle timestamp;

    Styles(SXSSFWorkbook wb) {
      Font bold = wb.createFont();
      bold.setBold(true);
      header = wb.createCellStyle();
      header.setFont(bold);
      var formats = wb.createDataFormat();
      date = wb.createCellStyle();
      date.setDataFormat(formats.getFormat("yyyy-mm-dd"));
      time = wb.createCellStyle();
      time.setDataFormat(formats.getFormat("hh:mm:ss.000"));
      timestamp = wb.createCellStyle();
      timestamp.setDataFormat(formats.getFormat("yyyy-mm-dd hh:mm:ss.000"));
    }
  }

  /**
   * Sheet names per table: Excel's forbidden characters replaced, at most 31 characters, unique
   * ignoring case; continuation sheets numbered.
   */
  private Map<String, List<String>> sheetNames(SpooledTarget.Spooled data) {
    Set<String> used = new HashSet<>();
    used.add(INDEX_SHEET);
    Map<String, List<String>> names = new LinkedHashMap<>();
    for (Table t : data.order()) {
      long rows = data.rows(t.name());
      long count = Math.max(1, (rows + rowsPerSheet - 1) / rowsPerSheet);
      String base = t.name().replaceAll("[\\[\\]:*?/\\\\]", "_").replaceAll("^'|'$", "_");
      List<String> sheets = new ArrayList<>();
      for (long s = 1; s <= count; s++) {
        String suffix = s == 1 ? "" : " (" + s + ")";
        String name = fit(base, suffix);
        for (int n = 2; used.contains(name.toLowerCase(Locale.ROOT)); n++) {
          name = fit(base, "~" + n + suffix);
        }
        used.add(name.toLowerCase(Locale.ROOT));
        sheets.add(name);
      }
      names.put(t.name(), sheets);
    }
    return names;
  }

  private static String fit(String base, String suffix) {
    int room = 31 - suffix.length();
    return (base.length() <= room ? base : base.substring(0, room)) + suffix;
  }

  private static void writeIndex(
      SXSSFWorkbook wb,
      Styles styles,
      SpooledTarget.Spooled data,
      Map<String, List<String>> sheets) {
    SXSSFSheet sheet = wb.createSheet(INDEX_SHEET);
    String[] header = {"table", "sheets", "rows", "columns", "primary key", "foreign keys"};
    header(sheet, styles, header);
    int r = 1;
    int[] widths = new int[header.length];
    for (Table t : data.order()) {
      Row row = sheet.createRow(r++);
      String[] text = {
        t.name(),
        String.join(", ", sheets.get(t.name())),
        null,
        Integer.toString(t.writtenColumns().size()),
        String.join(", ", t.primaryKey()),
        String.join("; ", t.foreignKeys().stream().map(fk -> fk.describe(t.name())).toList())
      };
      for (int c = 0; c < text.length; c++) {
        if (c == 2) {
          row.createCell(c).setCellValue((double) data.rows(t.name()));
          widths[c] = Math.max(widths[c], Long.toString(data.rows(t.name())).length());
        } else {
          row.createCell(c).setCellValue(text[c]);
          widths[c] = Math.max(widths[c], text[c].length());
        }
      }
    }
    for (int c = 0; c < header.length; c++) {
      sheet.setColumnWidth(c, width(Math.max(widths[c], header[c].length())));
    }
  }

  private static int width(int characters) {
    return Math.min(255, characters + 2) * 256;
  }

  private static void header(SXSSFSheet sheet, Styles styles, String[] names) {
    Row row = sheet.createRow(0);
    for (int c = 0; c < names.length; c++) {
      Cell cell = row.createCell(c);
      cell.setCellValue(names[c]);
      cell.setCellStyle(styles.header);
    }
    sheet.createFreezePane(0, 1);
  }

  private void writeTable(
      SXSSFWorkbook wb, Styles styles, SpooledTarget.Spooled data, Table t, List<String> names)
      throws IOException {
    List<Column> columns = t.writtenColumns();
    String[] header = columns.stream().map(Column::name).toArray(String[]::new);
    DataType[] types = columns.stream().map(Column::type).toArray(DataType[]::new);
    int[] widths = new int[header.length];
    SXSSFSheet[] sheet = {newSheet(wb, styles, names.get(0), header, widths)};
    int[] sheetIndex = {0};
    int[] rowInSheet = {0};
    long[] index = {0};
    data.forEach(
        t,
        values -> {
          if (rowInSheet[0] == rowsPerSheet) {
            finish(sheet[0], widths);
            sheet[0] = newSheet(wb, styles, names.get(++sheetIndex[0]), header, widths);
            rowInSheet[0] = 0;
          }
          Row row = sheet[0].createRow(++rowInSheet[0]);
          boolean sample = rowInSheet[0] <= SAMPLED_FOR_WIDTH;
          for (int c = 0; c < values.length; c++) {
            if (values[c] != null) {
              int shown =
                  cell(row.createCell(c), styles, types[c], values[c], t, header[c], index[0]);
              if (sample) {
                widths[c] = Math.max(widths[c], shown);
              }
            }
          }
          index[0]++;
        });
    finish(sheet[0], widths);
  }

  private static SXSSFSheet newSheet(
      SXSSFWorkbook wb, Styles styles, String name, String[] header, int[] widths) {
    SXSSFSheet sheet = wb.createSheet(name);
    header(sheet, styles, header);
    for (int c = 0; c < header.length; c++) {
      widths[c] = header[c].length();
    }
    return sheet;
  }

  private static void finish(SXSSFSheet sheet, int[] widths) {
    for (int c = 0; c < widths.length; c++) {
      sheet.setColumnWidth(c, width(widths[c]));
    }
  }

  /** Sets a cell; returns about how many characters Excel shows for it. */
  private static int cell(
      Cell cell, Styles styles, DataType type, Object v, Table t, String column, long row) {
    switch (type) {
      case BOOLEAN -> {
        cell.setCellValue((Boolean) v);
        return 5;
      }
      case INTEGER -> {
        long l = (Long) v;
        if (Math.abs(l) <= MAX_EXACT_INTEGER) {
          cell.setCellValue((double) l);
        } else {
          cell.setCellValue(Long.toString(l));
        }
        return Long.toString(l).length();
      }
      case DECIMAL -> {
        BigDecimal d = (BigDecimal) v;
        String plain = d.toPlainString();
        if (d.stripTrailingZeros().precision() <= 15
            && Math.abs(d.doubleValue()) <= MAX_EXCEL_NUMBER) {
          cell.setCellValue(d.doubleValue());
        } else {
          cell.setCellValue(plain);
        }
        return plain.length();
      }
      case FLOAT -> {
        double d = (Double) v;
        if (Double.isFinite(d) && Math.abs(d) <= MAX_EXCEL_NUMBER) {
          cell.setCellValue(d);
          return Math.min(12, CsvFolderTarget.text(d).length());
        }
        cell.setCellValue(Double.toString(d));
        return Double.toString(d).length();
      }
      case STRING -> {
        String s = (String) v;
        if (s.length() > MAX_CELL_TEXT) {
          throw new SynthException(
              "table "
                  + t.name()
                  + ", column "
                  + column
                  + ", row "
                  + row
                  + ": a text of "
                  + s.length()
                  + " characters, more than an Excel cell holds ("
                  + MAX_CELL_TEXT
                  + "); choose another format");
        }
        cell.setCellValue(s);
        int nl = s.indexOf('\n');
        return nl < 0 ? s.length() : nl;
      }
      case DATE -> {
        LocalDate d = (LocalDate) v;
        if (d.isBefore(FIRST_EXCEL_DATE)) {
          cell.setCellValue(d.toString());
        } else {
          cell.setCellValue(d);
          cell.setCellStyle(styles.date);
        }
        return 10;
      }
      case TIME -> {
        cell.setCellValue(((LocalTime) v).toNanoOfDay() / 86_400e9);
        cell.setCellStyle(styles.time);
        return 12;
      }
      case TIMESTAMP, TIMESTAMP_TZ -> {
        LocalDateTime ts =
            v instanceof OffsetDateTime o
                ? o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
                : (LocalDateTime) v;
        if (ts.toLocalDate().isBefore(FIRST_EXCEL_DATE)) {
          cell.setCellValue(CsvFolderTarget.text(v));
        } else {
          cell.setCellValue(ts);
          cell.setCellStyle(styles.timestamp);
        }
        return 23;
      }
      case UUID -> {
        cell.setCellValue(v.toString());
        return 36;
      }
    }
    throw new IllegalStateException("unhandled type " + type);
  }
}
