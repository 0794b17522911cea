package io.syndata.engine;

import io.syndata.data.SchemaFilter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where real data comes from.
 *
 * @param location a JDBC URL ({@code jdbc:...}) or a folder of CSV files
 * @param schemaFile an edited schema file to use instead of guessing kinds (required for nothing,
 *     but it is the only way to declare keys of a CSV folder that inference would miss)
 * @param filter which source schemas and tables to take
 */
public record SourceSpec(String location, Optional<Path> schemaFile, SchemaFilter filter) {
  public SourceSpec {
    schemaFile = schemaFile == null ? Optional.empty() : schemaFile;
    filter = filter == null ? SchemaFilter.ALL : filter;
  }

  public static SourceSpec of(String location) {
    return new SourceSpec(location, Optional.empty(), SchemaFilter.ALL);
  }
}
