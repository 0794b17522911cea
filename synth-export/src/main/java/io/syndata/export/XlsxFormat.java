package io.syndata.export;

import io.syndata.data.Target;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code xlsx}: one Excel workbook, an index sheet then a sheet per table; {@code
 * xlsx.rows-per-sheet} (at most and by default 1,048,575) rows before a table continues on a
 * numbered sheet.
 */
public final class XlsxFormat implements ExportFormat {
  @Override
  public String name() {
    return "xlsx";
  }

  @Override
  public String description() {
    return "one Excel workbook: an index sheet, then a sheet per table with typed cells";
  }

  @Override
  public Set<String> options() {
    return Set.of("xlsx.rows-per-sheet");
  }

  @Override
  public Target open(Path folder, ExportOptions options) {
    int rows =
        options.integer(
            "xlsx.rows-per-sheet", XlsxWriter.MAX_ROWS_PER_SHEET, 1, XlsxWriter.MAX_ROWS_PER_SHEET);
    return new SpooledTarget(folder, "Excel", new XlsxWriter(rows));
  }
}
