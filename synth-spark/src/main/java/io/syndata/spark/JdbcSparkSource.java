package io.syndata.spark;

import io.syndata.data.SchemaFilter;
import io.syndata.data.Source;
import io.syndata.schema.DataType;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.jdbc.JdbcDialect;
import org.apache.spark.sql.jdbc.JdbcDialects;

/**
 * A database read by Spark's JDBC reader, in parallel: a table of more than {@link
 * #ROWS_PER_PARTITION} rows with a single integer primary key is read as key ranges between its
 * smallest and largest key, one task and one connection each (Spark's {@code partitionColumn},
 * {@code lowerBound}, {@code upperBound}, {@code numPartitions}), sorted within each range, so the
 * ranges in order are the table in key order. Structure (tables, keys, row counts) comes from our
 * own connector, as for the native source.
 */
final class JdbcSparkSource extends SparkTableSource {
  /** Rows of one read partition: what the driver holds at most of a table at a time. */
  static final long ROWS_PER_PARTITION = 250_000;

  private final String url;
  private final Map<String, String> options;
  private final Source catalog;
  private final long rowsPerPartition;

  JdbcSparkSource(
      SparkSession spark,
      boolean stopsSession,
      String url,
      Map<String, String> options,
      Source catalog,
      long rowsPerPartition) {
    super(spark, stopsSession);
    this.url = url;
    this.options = Map.copyOf(options);
    this.catalog = catalog;
    this.rowsPerPartition = rowsPerPartition;
  }

  @Override
  public Schema introspect(SchemaFilter filter) {
    return catalog.introspect(filter);
  }

  @Override
  public Schema structure(SchemaFilter filter) {
    return catalog.structure(filter);
  }

  @Override
  public boolean declaresTypes() {
    return catalog.declaresTypes();
  }

  private DataFrameReader reader() {
    return spark
        .read()
        .format("jdbc")
        .options(options)
        .option("url", url)
        .option("fetchsize", String.valueOf(Source.BATCH_SIZE))
        .option("preferTimestampNTZ", "true");
  }

  private String qualified(Table t) {
    JdbcDialect d = JdbcDialects.get(url);
    return t.namespace().map(ns -> d.quoteIdentifier(ns) + ".").orElse("")
        + d.quoteIdentifier(t.name());
  }

  /** How many key ranges a table is read in; 1 when it is small or has no integer key. */
  int partitions(Table t) {
    if (t.primaryKey().size() != 1
        || t.column(t.primaryKey().get(0)).type() != DataType.INTEGER
        || t.rowCount() <= rowsPerPartition) {
      return 1;
    }
    long byRows = (t.rowCount() + rowsPerPartition - 1) / rowsPerPartition;
    return (int) Math.min(10_000, Math.max(spark.sparkContext().defaultParallelism(), byRows));
  }

  @Override
  Dataset<Row> rows(Table table, List<String> columns) {
    Column[] selected = columns.stream().map(SparkTableSource::column).toArray(Column[]::new);
    int partitions = partitions(table);
    if (partitions > 1) {
      String key = table.primaryKey().get(0);
      JdbcDialect d = JdbcDialects.get(url);
      Row bounds =
          reader()
              .option(
                  "query",
                  "SELECT MIN("
                      + d.quoteIdentifier(key)
                      + "), MAX("
                      + d.quoteIdentifier(key)
                      + ") FROM "
                      + qualified(table))
              .load()
              .first();
      if (!bounds.isNullAt(0)) {
        return reader()
            .option("dbtable", qualified(table))
            .option("partitionColumn", key)
            .option("lowerBound", String.valueOf(((Number) bounds.get(0)).longValue()))
            .option("upperBound", String.valueOf(((Number) bounds.get(1)).longValue() + 1))
            .option("numPartitions", String.valueOf(partitions))
            .load()
            .sortWithinPartitions(column(key))
            .select(selected);
      }
    }
    List<String> order = table.primaryKey().isEmpty() ? columns : table.primaryKey();
    Dataset<Row> rows = reader().option("dbtable", qualified(table)).load();
    if (!order.isEmpty()) {
      boolean nullsLast = nullsLast(url);
      rows =
          rows.orderBy(
              order.stream()
                  .map(c -> nullsLast ? column(c).asc_nulls_last() : column(c).asc_nulls_first())
                  .toArray(Column[]::new));
    }
    return rows.select(selected);
  }

  /**
   * Where the database sorts nulls in ascending order, which the native source's {@code ORDER BY}
   * takes: last in PostgreSQL, DuckDB and Oracle, first in MySQL/MariaDB, H2, SQLite and SQL
   * Server.
   */
  static boolean nullsLast(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    return u.startsWith("jdbc:postgresql:")
        || u.startsWith("jdbc:duckdb:")
        || u.startsWith("jdbc:oracle:");
  }

  @Override
  public String describe() {
    return catalog.describe() + " (Spark)";
  }

  @Override
  void release() {
    catalog.close();
  }
}
