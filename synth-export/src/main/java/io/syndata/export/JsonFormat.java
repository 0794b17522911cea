package io.syndata.export;

import io.syndata.data.Target;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code json}: a file per table holding an array of objects with typed values; with {@code
 * json.nested=true} a file per root table holding documents that nest their child rows.
 */
public final class JsonFormat implements ExportFormat {
  @Override
  public String name() {
    return "json";
  }

  @Override
  public String description() {
    return "one file per table, an array of objects with typed values";
  }

  @Override
  public Set<String> options() {
    return Set.of("json.nested");
  }

  @Override
  public Target open(Path folder, ExportOptions options) {
    return new SpooledTarget(
        folder,
        "JSON",
        options.bool("json.nested", false) ? new NestedJsonWriter(false) : new JsonWriter(false));
  }
}
