package io.syndata.export;

import io.syndata.data.Target;
import java.nio.file.Path;
import java.util.Set;

/** {@code dbunit}: one DbUnit flat-XML dataset, rows in foreign-key order. */
public final class DbUnitFormat implements ExportFormat {
  @Override
  public String name() {
    return "dbunit";
  }

  @Override
  public String description() {
    return "one DbUnit flat-XML dataset.xml, an element per row, tables parents first";
  }

  @Override
  public Set<String> options() {
    return Set.of();
  }

  @Override
  public Target open(Path folder, ExportOptions options) {
    return new SpooledTarget(folder, "DbUnit", new DbUnitWriter());
  }
}
