package io.syndata.export;

import io.syndata.data.Target;
import java.nio.file.Path;
import java.util.Set;

/** {@code jsonl}: a file per table holding one object with typed values per line. */
public final class JsonLinesFormat implements ExportFormat {
  @Override
  public String name() {
    return "jsonl";
  }

  @Override
  public String description() {
    return "one JSON Lines file per table, an object with typed values per line";
  }

  @Override
  public Set<String> options() {
    return Set.of();
  }

  @Override
  public Target open(Path folder, ExportOptions options) {
    return new SpooledTarget(folder, "JSON Lines", new JsonWriter(true));
  }
}
