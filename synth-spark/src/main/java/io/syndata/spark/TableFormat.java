package io.syndata.spark;

import io.syndata.schema.Table;
import java.util.Optional;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * How Spark reads a table of a folder source. Text formats are read with the table's Spark schema
 * (as {@code --engine spark} writes them), failing on the first value that is not of its column's
 * type rather than reading it as null; self-describing ones with their own.
 */
enum TableFormat {
  PARQUET("a Parquet file or folder", ".parquet"),
  CSV("CSV with a header", ".csv"),
  /** Spark's JSON Lines, or our {@code <table>.json}: an array of objects. */
  JSON("JSON", ".json"),
  JSON_LINES("JSON Lines", ".jsonl"),
  ORC("an ORC file or folder", ".orc"),
  DELTA("a Delta table", null),
  ICEBERG("an Iceberg table", null);

  private final String description;
  private final String suffix;

  TableFormat(String description, String suffix) {
    this.description = description;
    this.suffix = suffix;
  }

  String description() {
    return description;
  }

  /** The file name ending of a single-file table, or empty for table formats (folders only). */
  Optional<String> suffix() {
    return Optional.ofNullable(suffix);
  }

  /** The Maven coordinates of the connector Spark needs for this format, if it needs one. */
  Optional<String> connector() {
    return switch (this) {
      case DELTA -> Optional.of("io.delta:delta-spark_2.13:4.0.0");
      case ICEBERG -> Optional.of("org.apache.iceberg:iceberg-spark-runtime-4.0_2.13:1.10.0");
      default -> Optional.empty();
    };
  }

  /**
   * The table's rows at the location.
   *
   * @param arrayOfObjects for JSON: whether the file is one array (ours) rather than lines
   *     (Spark's)
   */
  Dataset<Row> read(SparkSession spark, String location, Table table, boolean arrayOfObjects) {
    DataFrameReader reader = spark.read();
    return switch (this) {
      case PARQUET -> reader.parquet(location);
      case ORC -> reader.orc(location);
      case CSV ->
          reader
              .schema(SparkRows.schema(table))
              .option("header", "true")
              // the header must name the schema's columns, not merely count them
              .option("enforceSchema", "false")
              .option("mode", "FAILFAST")
              // RFC 4180 as both engines write it: quotes doubled, line breaks inside quotes
              .option("escape", "\"")
              .option("multiLine", "true")
              .option("ignoreLeadingWhiteSpace", "false")
              .option("ignoreTrailingWhiteSpace", "false")
              .csv(location);
      case JSON, JSON_LINES ->
          reader
              .schema(SparkRows.schema(table))
              .option("mode", "FAILFAST")
              .option("multiLine", String.valueOf(arrayOfObjects))
              .json(location);
      case DELTA -> reader.format("delta").load(location);
      case ICEBERG -> {
        icebergByPath(spark);
        yield reader.format("iceberg").load(location);
      }
    };
  }

  /**
   * Iceberg resolves a table given by its path through a catalog of its own, {@code
   * default_iceberg}, which it makes a Hive catalog unless told otherwise, and Hive's metastore
   * client is rarely on the class path: where that catalog is not configured, it becomes a Hadoop
   * catalog, which loads a path-named table from its metadata files alone.
   */
  static void icebergByPath(SparkSession spark) {
    String catalog = "spark.sql.catalog.default_iceberg";
    if (spark.conf().getOption(catalog).isEmpty()) {
      spark.conf().set(catalog, "org.apache.iceberg.spark.SparkCatalog");
      spark.conf().set(catalog + ".type", "hadoop");
      spark.conf().set(catalog + ".warehouse", System.getProperty("java.io.tmpdir"));
    }
  }
}
