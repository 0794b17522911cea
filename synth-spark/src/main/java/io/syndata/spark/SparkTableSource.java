package io.syndata.spark;

import io.syndata.data.RowBatch;
import io.syndata.data.RowBatchBuilder;
import io.syndata.data.Source;
import io.syndata.schema.Column;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A source whose rows Spark reads: each scan is a Spark query, ordered as the native source orders
 * it (by primary key, else by the columns read), whose partitions come to the driver one at a time
 * ({@link Dataset#toLocalIterator}) and are handed on in batches, so the driver never holds more
 * than one partition of a table. Structure comes from the subclass.
 */
abstract class SparkTableSource implements Source {
  final SparkSession spark;
  private final boolean stopsSession;

  SparkTableSource(SparkSession spark, boolean stopsSession) {
    this.spark = spark;
    this.stopsSession = stopsSession;
  }

  /** The table's given columns, in the order the native source reads them. */
  abstract Dataset<Row> rows(Table table, List<String> columns);

  @Override
  public final long scan(Table table, List<String> columns, Consumer<RowBatch> consumer) {
    Column[] types = columns.stream().map(table::column).toArray(Column[]::new);
    ZoneId zone = ZoneId.of(spark.conf().get("spark.sql.session.timeZone"));
    RowBatchBuilder batches = new RowBatchBuilder(table.name(), columns, consumer);
    long rows = 0;
    String at = "";
    try {
      Iterator<Row> it = rows(table, columns).toLocalIterator();
      while (it.hasNext()) {
        Row r = it.next();
        for (int i = 0; i < types.length; i++) {
          at = columns.get(i);
          batches.set(i, SparkValues.of(r.get(i), types[i], zone));
        }
        batches.endRow();
        rows++;
      }
    } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
      throw new SynthException(
          "reading table "
              + table.name()
              + " from "
              + describe()
              + " through Spark: column "
              + at
              + " at row "
              + (rows + 1)
              + " holds a value that is not "
              + table.column(at).type()
              + ": "
              + e.getMessage(),
          e);
    } catch (SynthException e) {
      throw e;
    } catch (Exception e) { // Spark's checked SparkException too, which Scala does not declare
      throw new SynthException(
          "reading table "
              + table.name()
              + " from "
              + describe()
              + " through Spark failed: "
              + firstLine(e),
          e);
    }
    return batches.finish();
  }

  /** The first line of an error's message, and of its root cause's where that says more. */
  static String firstLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String first = line(e);
    String last = line(root);
    return root == e || first.contains(last) ? first : first + ": " + last;
  }

  private static String line(Throwable e) {
    String m = String.valueOf(e.getMessage()).strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl).strip();
  }

  /** A column as Spark names it, whatever characters its name holds. */
  static org.apache.spark.sql.Column column(String name) {
    return org.apache.spark.sql.functions.col("`" + name.replace("`", "``") + "`");
  }

  /** Closes what the subclass holds besides the session. */
  void release() {}

  @Override
  public final void close() {
    try {
      release();
    } finally {
      if (stopsSession) {
        spark.stop();
      }
    }
  }
}
