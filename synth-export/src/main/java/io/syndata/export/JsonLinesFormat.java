package io.syndata.export;

import io.syndata.data.Target;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code jsonl}: a file per table holding one object with typed values per line; with {@code
 * jsonl.nested=true} a document per root row that nests its child rows.
 */
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
    return Set.of("jsonl.nested");
  }

  @Override
  public Target open(Path folder, ExportOptions options) {
    return new SpooledTarget(
        folder,
        "JSON Lines",
        options.bool("jsonl.nested", false) ? new NestedJsonWriter(true) : new JsonWriter(true));
  }
}
