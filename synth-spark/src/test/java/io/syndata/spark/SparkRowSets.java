package io.syndata.spark;

import io.syndata.data.InMemoryTarget;
import io.syndata.schema.Column;
import io.syndata.schema.Table;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Rows of a table as sorted lists of canonical text, from Spark's files or the native engine. */
final class SparkRowSets {
  private SparkRowSets() {}

  /** One local[2] session for a test class; no UI, few shuffle partitions. */
  static SparkSession localSession() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("synth-spark tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.datetime.java8API.enabled", "true")
        .getOrCreate();
  }

  /** What Spark wrote of a table, read back with the table's Spark schema. */
  static List<String> read(SparkSession spark, String format, Path folder, Table table) {
    List<Row> rows =
        spark
            .read()
            .schema(SparkRows.schema(table))
            .option("header", "true")
            .option("escape", "\"")
            .format(format)
            .load(folder.toString())
            .collectAsList();
    return canonical(rows);
  }

  private static List<String> canonical(List<Row> rows) {
    List<String> out = new ArrayList<>();
    for (Row row : rows) {
      StringBuilder sb = new StringBuilder();
      for (int c = 0; c < row.size(); c++) {
        sb.append(canonical(row.get(c))).append('|');
      }
      out.add(sb.toString());
    }
    out.sort(null);
    return out;
  }

  /** What Spark's JDBC writer wrote of a table, read back through Spark's JDBC reader. */
  static List<String> readJdbc(SparkSession spark, String url, String table) {
    return canonical(
        spark
            .read()
            .format("jdbc")
            .option("url", url)
            .option("dbtable", table)
            .load()
            .collectAsList());
  }

  /** What the native engine wrote of a table, in Spark's external types. */
  static List<String> of(InMemoryTarget target, Table table) {
    List<Column> columns = table.writtenColumns();
    List<String> names = target.columns(table.name());
    List<String> out = new ArrayList<>();
    for (Object[] row : target.rows(table.name())) {
      StringBuilder sb = new StringBuilder();
      for (Column c : columns) {
        Object v = row[names.indexOf(c.name())];
        boolean text = SparkRows.type(c) == org.apache.spark.sql.types.DataTypes.StringType;
        sb.append(canonical(SparkRows.value(v, c.type(), text, true))).append('|');
      }
      out.add(sb.toString());
    }
    out.sort(null);
    return out;
  }

  private static String canonical(Object v) {
    if (v == null) {
      return "<null>";
    }
    if (v instanceof BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    return v.toString();
  }
}
