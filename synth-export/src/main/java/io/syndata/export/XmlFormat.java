package io.syndata.export;

import io.syndata.data.Target;
import java.nio.file.Path;
import java.util.Set;

/** {@code xml}: a file per table, an element per row and per non-NULL value. */
public final class XmlFormat implements ExportFormat {
  @Override
  public String name() {
    return "xml";
  }

  @Override
  public String description() {
    return "one XML file per table, a <row> element per row with an element per value";
  }

  @Override
  public Set<String> options() {
    return Set.of();
  }

  @Override
  public Target open(Path folder, ExportOptions options) {
    return new SpooledTarget(folder, "XML", new XmlWriter());
  }
}
