package io.syndata.spark;

import io.syndata.schema.SynthException;
import java.util.Map;
import java.util.Set;

/**
 * Where a Spark generation writes, through Spark's own writers.
 *
 * @param format parquet, csv or json: one folder per table under {@code location}; or jdbc: one
 *     table each in the database of {@code location} (created by Spark when absent, without keys)
 * @param location a folder path or URI Spark writes to (local, hdfs://, s3a://, ...), or a {@code
 *     jdbc:} URL
 * @param options passed to the writer as they are (for example {@code compression=zstd}, {@code
 *     user}, {@code password}); CSV gets a header and keeps leading and trailing spaces unless told
 *     otherwise
 */
public record SparkOutput(String format, String location, Map<String, String> options) {
  /** The formats Spark writes for us. */
  public static final Set<String> FORMATS = Set.of("parquet", "csv", "json", "jdbc");

  public SparkOutput {
    if (!FORMATS.contains(format)) {
      throw new SynthException(
          "--format " + format + " is not written by the Spark engine; use parquet, csv or json");
    }
    boolean jdbc = location.regionMatches(true, 0, "jdbc:", 0, 5);
    if (jdbc != format.equals("jdbc")) {
      throw new SynthException(
          jdbc
              ? "--target " + location + " is a database: its format is jdbc"
              : "--format jdbc needs a jdbc: URL as --target, not " + location);
    }
    options = Map.copyOf(options);
  }

  public SparkOutput(String format, String location) {
    this(format, location, Map.of());
  }

  boolean isJdbc() {
    return format.equals("jdbc");
  }

  /** Where a table's rows go: its folder under the target. */
  String folder(String table) {
    return location.replaceAll("/+$", "") + "/" + table;
  }
}
