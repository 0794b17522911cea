package io.syndata.spark;

import io.syndata.connectors.Connectors;
import io.syndata.data.Source;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * Sources read through Spark, for fitting a model of data too large to read on one connection: a
 * database over Spark's partitioned JDBC reader, or a folder of tables (Parquet, CSV, JSON, ORC,
 * Delta or Iceberg; see {@link FolderSparkSource}) on any file system Spark reaches. Rows come to
 * the driver one Spark partition at a time, in the native source's order, so {@code synth train}
 * learns the same model as from the native source.
 *
 * <pre>{@code
 * try (Source s = SparkSources.open(spark, "s3a://lake/shop", Optional.empty())) {
 *   SynthModel model = SynData.fit(s.introspect(SchemaFilter.ALL), s, options, progress);
 * }
 * }</pre>
 */
public final class SparkSources {
  private SparkSources() {}

  /**
   * Opens a {@code jdbc:} URL or a folder of tables (with its {@code schema.json}, unless a schema
   * file is given) as a source read by the session, which stays open when the source closes.
   *
   * @throws SynthException naming the location when it is neither, or cannot be read
   */
  public static Source open(SparkSession spark, String location, Optional<Schema> schemaFile) {
    return open(spark, false, location, schemaFile, Map.of());
  }

  /**
   * Opens a source as {@link #open(SparkSession, String, Optional)} does.
   *
   * @param stopsSession whether closing the source stops the session
   * @param jdbcOptions options of Spark's JDBC reader (user, password, ...)
   */
  static Source open(
      SparkSession spark,
      boolean stopsSession,
      String location,
      Optional<Schema> schemaFile,
      Map<String, String> jdbcOptions) {
    if (location.regionMatches(true, 0, "jdbc:", 0, 5)) {
      return new JdbcSparkSource(
          spark,
          stopsSession,
          location,
          jdbcOptions,
          Connectors.source(location, schemaFile),
          JdbcSparkSource.ROWS_PER_PARTITION);
    }
    String lower = location.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".csv") || lower.endsWith(".xlsx") || lower.endsWith(".parquet")) {
      throw new SynthException(
          "source "
              + location
              + " is a single file; --engine spark reads a folder of tables (Parquet, CSV, JSON,"
              + " ORC, Delta, Iceberg) with its schema.json, or a jdbc: URL");
    }
    return FolderSparkSource.open(spark, stopsSession, location, schemaFile);
  }
}
