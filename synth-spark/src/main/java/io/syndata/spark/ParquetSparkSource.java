package io.syndata.spark;

import io.syndata.data.SchemaFilter;
import io.syndata.schema.Schema;
import io.syndata.schema.SchemaFile;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A folder of Parquet tables read by Spark: one {@code <table>.parquet} file or one {@code
 * <table>/} folder of part files per table, as {@code synth generate --format parquet} and Spark
 * write them, on any file system Spark reaches (a local path, {@code hdfs://}, {@code s3a://}).
 * Tables, keys and kinds come from the schema file given, else the folder's {@code schema.json}, as
 * for the native Parquet source; Parquet footers give the row counts.
 */
final class ParquetSparkSource extends SparkTableSource {
  /**
   * Spark 4.0's vectorized Parquet reader fails (a NullPointerException) on decimals of precision
   * up to 18 stored as binary, as our Parquet writer stores every decimal: the row reader is used
   * while the source is open.
   */
  private static final String VECTORIZED = "spark.sql.parquet.enableVectorizedReader";

  private final String folder;
  private final Schema schema;
  private final String vectorized;

  private ParquetSparkSource(
      SparkSession spark, boolean stopsSession, String folder, Schema schema) {
    super(spark, stopsSession);
    this.folder = folder;
    this.schema = schema;
    this.vectorized = spark.conf().get(VECTORIZED, "true");
    spark.conf().set(VECTORIZED, "false");
  }

  @Override
  void release() {
    spark.conf().set(VECTORIZED, vectorized);
  }

  static ParquetSparkSource open(
      SparkSession spark, boolean stopsSession, String folder, Optional<Schema> schemaFile) {
    Schema schema = schemaFile.orElseGet(() -> readSchema(spark, folder));
    ParquetSparkSource source = new ParquetSparkSource(spark, stopsSession, folder, schema);
    schema.tables().forEach(source::location);
    return source;
  }

  private static Schema readSchema(SparkSession spark, String folder) {
    Path file = new Path(folder, "schema.json");
    try {
      FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.isFile(file)) {
        throw new SynthException(
            "folder "
                + folder
                + " has no schema.json to read its Parquet files with: give their schema with"
                + " --schema (synth introspect writes one from the data they came from)");
      }
      try (InputStream in = fs.open(file)) {
        return SchemaFile.fromJson(
            new String(in.readAllBytes(), StandardCharsets.UTF_8), file.toString());
      }
    } catch (IOException e) {
      throw new SynthException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The table's file, else its folder of part files. */
  private String location(Table t) {
    try {
      Path file = new Path(folder, t.name() + ".parquet");
      FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (fs.isFile(file)) {
        return file.toString();
      }
      Path parts = new Path(folder, t.name());
      if (fs.getFileStatus(parts).isDirectory()) {
        return parts.toString();
      }
    } catch (java.io.FileNotFoundException e) {
      // reported below
    } catch (IOException e) {
      throw new SynthException("cannot read " + folder + ": " + e.getMessage(), e);
    }
    throw new SynthException(
        "folder "
            + folder
            + " has neither "
            + t.name()
            + ".parquet nor a folder "
            + t.name()
            + "/ for table "
            + t.name()
            + " of its schema");
  }

  private Dataset<Row> read(Table t) {
    try {
      return spark.read().parquet(location(t));
    } catch (RuntimeException e) {
      if (e instanceof SynthException) {
        throw e;
      }
      throw new SynthException(
          "Spark cannot read table " + t.name() + " of " + folder + ": " + firstLine(e), e);
    }
  }

  @Override
  public Schema introspect(SchemaFilter filter) {
    filter.checkAllNamed(
        schema.tables().stream().map(Table::name).toList(),
        schema.tables().stream().flatMap(t -> t.namespace().stream()).distinct().toList());
    List<Table> tables = new ArrayList<>();
    for (Table t : schema.tables()) {
      if (filter.acceptsTable(t.name()) && t.namespace().map(filter::acceptsSchema).orElse(true)) {
        tables.add(t.withRowCount(read(t).count()));
      }
    }
    return new Schema(tables);
  }

  @Override
  Dataset<Row> rows(Table table, List<String> columns) {
    // DuckDB, which the native source reads Parquet with, sorts nulls last
    List<String> order = table.primaryKey().isEmpty() ? columns : table.primaryKey();
    Dataset<Row> rows = read(table);
    if (!order.isEmpty()) {
      rows =
          rows.orderBy(
              order.stream()
                  .map(c -> column(c).asc_nulls_last())
                  .toArray(org.apache.spark.sql.Column[]::new));
    }
    return rows.select(
        columns.stream().map(SparkTableSource::column).toArray(org.apache.spark.sql.Column[]::new));
  }

  @Override
  public String describe() {
    return "Parquet folder " + folder + " (Spark)";
  }
}
