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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A folder of tables read by Spark, on any file system Spark reaches (a local path, {@code
 * hdfs://}, {@code s3a://}): per table a file {@code <table>.parquet}, {@code .csv}, {@code .json}
 * or {@code .orc}, or a folder {@code <table>/} holding a Delta table, an Iceberg table or part
 * files of one of those formats, as Spark and {@code synth generate} write them. Tables, keys and
 * kinds come from the schema file given, else the folder's {@code schema.json}, as for the native
 * Parquet source: a lake's tables carry no foreign keys.
 */
final class FolderSparkSource extends SparkTableSource {
  /**
   * Spark 4.0's vectorized Parquet reader fails (a NullPointerException) on decimals of precision
   * up to 18 stored as binary, as our Parquet writer stores every decimal: the row reader is used
   * while the source is open.
   */
  private static final String VECTORIZED = "spark.sql.parquet.enableVectorizedReader";

  private final String folder;
  private final Schema schema;
  private final String vectorized;
  private final Map<String, TableFiles> files = new LinkedHashMap<>();

  private FolderSparkSource(
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

  /**
   * Opens the folder, finding every table's files and format before any row is read.
   *
   * @throws SynthException naming the folder and table when a table of the schema has no files, or
   *     files of no format Spark reads here
   */
  static FolderSparkSource open(
      SparkSession spark, boolean stopsSession, String folder, Optional<Schema> schemaFile) {
    Schema schema = schemaFile.orElseGet(() -> readSchema(spark, folder));
    FolderSparkSource source = new FolderSparkSource(spark, stopsSession, folder, schema);
    try {
      FileSystem fs = new Path(folder).getFileSystem(spark.sparkContext().hadoopConfiguration());
      for (Table t : schema.tables()) {
        source.files.put(t.name(), TableFiles.find(fs, new Path(folder), t.name()));
      }
    } catch (IOException e) {
      source.close();
      throw new SynthException("cannot read " + folder + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      source.close();
      throw e;
    }
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
                + " has no schema.json to read its tables with: give their schema with"
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

  /** The format of each table's files, as found when the source opened. */
  Map<String, TableFormat> formats() {
    Map<String, TableFormat> formats = new LinkedHashMap<>();
    files.forEach((table, f) -> formats.put(table, f.format()));
    return formats;
  }

  private Dataset<Row> read(Table t) {
    TableFiles f = files.get(t.name());
    try {
      return f.read(spark, t);
    } catch (RuntimeException e) {
      if (e instanceof SynthException) {
        throw e;
      }
      if (f.format().connector().isPresent() && isMissingDataSource(e)) {
        throw new SynthException(
            "table "
                + t.name()
                + " of "
                + folder
                + " is "
                + f.format().description()
                + ", which Spark reads only with its connector on the class path: add "
                + f.format().connector().get()
                + " (SYNTH_SPARK_JARS for ./synth, --packages or --jars for spark-submit)",
            e);
      }
      throw new SynthException(
          "Spark cannot read table " + t.name() + " of " + folder + ": " + firstLine(e), e);
    }
  }

  private static boolean isMissingDataSource(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      String m = String.valueOf(c.getMessage());
      if (m.contains("DATA_SOURCE_NOT_FOUND") || c instanceof ClassNotFoundException) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Schema introspect(SchemaFilter filter) {
    filter.checkAllNamed(
        schema.tables().stream().map(Table::name).toList(),
        schema.tables().stream().flatMap(t -> t.namespace().stream()).distinct().toList());
    List<Table> tables = new ArrayList<>();
    for (Table t : schema.tables()) {
      if (filter.acceptsTable(t.name()) && t.namespace().map(filter::acceptsSchema).orElse(true)) {
        try {
          tables.add(t.withRowCount(read(t).count()));
        } catch (SynthException e) {
          throw e;
        } catch (Exception e) { // Spark's SparkException is checked but not declared
          throw new SynthException(
              "Spark cannot read table " + t.name() + " of " + folder + ": " + firstLine(e), e);
        }
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
    return "folder " + folder + " (Spark)";
  }
}
