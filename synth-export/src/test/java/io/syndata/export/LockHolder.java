package io.syndata.export;

import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Run as a second process by {@link CsvFolderTargetProcessTest}: begins a CSV folder target, says
 * {@code locked}, and holds the target until its standard input closes (or it is killed).
 */
final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    Table t =
        new Table(
            "t",
            Optional.empty(),
            List.of(Column.of("id", DataType.INTEGER, false)),
            List.of(),
            List.of(),
            List.of(),
            0);
    try (CsvFolderTarget target = CsvFolderTarget.create(Path.of(args[0]))) {
      target.begin(new Schema(List.of(t)));
      System.out.println("locked");
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold until stdin closes
      }
      target.abort();
    }
  }
}
