package io.syndata.export;

import io.syndata.data.Target;
import java.nio.file.Path;
import java.util.Set;

/** {@code csv}: a folder of RFC 4180 files, one per table; see {@link CsvFolderTarget}. */
public final class CsvFormat implements ExportFormat {
  @Override
  public String name() {
    return "csv";
  }

  @Override
  public String description() {
    return "one RFC 4180 UTF-8 file per table with a header row, optionally gzip-compressed";
  }

  @Override
  public Set<String> options() {
    return Set.of("csv.delimiter", "csv.quote", "csv.null", "csv.gzip");
  }

  @Override
  public Target open(Path folder, ExportOptions options) {
    return CsvFolderTarget.create(folder, CsvOptions.from(options));
  }
}
