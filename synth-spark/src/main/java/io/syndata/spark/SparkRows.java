package io.syndata.spark;

import io.syndata.data.RowBatch;
import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Our column types as Spark SQL types, and our canonical row values as Spark's external ones. Spark
 * has no time of day nor UUID type: both are written as their ISO text; a timestamp with a time
 * zone becomes an instant (its offset is not kept), one without becomes TIMESTAMP_NTZ.
 */
final class SparkRows {
  private SparkRows() {}

  /** The table's written columns, every one nullable (Spark checks nothing more). */
  static StructType schema(Table table) {
    List<StructField> fields = new ArrayList<>();
    for (Column c : table.writtenColumns()) {
      fields.add(DataTypes.createStructField(c.name(), type(c), true));
    }
    return DataTypes.createStructType(fields);
  }

  static org.apache.spark.sql.types.DataType type(Column c) {
    return switch (c.type()) {
      case INTEGER -> DataTypes.LongType;
      case DECIMAL -> decimal(c);
      case FLOAT -> DataTypes.DoubleType;
      case BOOLEAN -> DataTypes.BooleanType;
      case STRING, TIME, UUID -> DataTypes.StringType;
      case DATE -> DataTypes.DateType;
      case TIMESTAMP -> DataTypes.TimestampNTZType;
      case TIMESTAMP_TZ -> DataTypes.TimestampType;
    };
  }

  /** DECIMAL(p, s) as declared; an unknown precision takes Spark's widest, 38. */
  private static org.apache.spark.sql.types.DataType decimal(Column c) {
    if (c.precision() > DecimalType.MAX_PRECISION() || c.scale() > DecimalType.MAX_SCALE()) {
      return DataTypes.StringType;
    }
    int precision = c.precision() > 0 ? c.precision() : DecimalType.MAX_PRECISION();
    return DataTypes.createDecimalType(precision, Math.min(Math.max(0, c.scale()), precision));
  }

  /** One value in the external type Spark's encoder expects for {@link #type}. */
  static Object value(Object v, DataType type, boolean stringDecimal, boolean java8Dates) {
    if (v == null) {
      return null;
    }
    return switch (type) {
      case TIME -> ((LocalTime) v).toString();
      case UUID -> ((UUID) v).toString();
      case DECIMAL -> stringDecimal ? ((BigDecimal) v).toPlainString() : v;
      case DATE -> java8Dates ? v : java.sql.Date.valueOf((LocalDate) v);
      case TIMESTAMP_TZ ->
          java8Dates
              ? ((OffsetDateTime) v).toInstant()
              : java.sql.Timestamp.from(((OffsetDateTime) v).toInstant());
      default -> v;
    };
  }

  /** The rows of batches of one table, converted as they are read. */
  static Iterator<Row> rows(Table table, List<RowBatch> batches, boolean java8Dates) {
    List<Column> columns = table.writtenColumns();
    DataType[] types = new DataType[columns.size()];
    boolean[] stringDecimal = new boolean[columns.size()];
    for (int c = 0; c < types.length; c++) {
      types[c] = columns.get(c).type();
      stringDecimal[c] = type(columns.get(c)) == DataTypes.StringType;
    }
    List<String> names = columns.stream().map(Column::name).toList();
    return new Iterator<>() {
      private int batch;
      private int row;
      private int[] from;

      @Override
      public boolean hasNext() {
        while (batch < batches.size() && row >= batches.get(batch).size()) {
          batches.set(batch, null); // written: let it go
          batch++;
          row = 0;
          from = null;
        }
        return batch < batches.size();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        RowBatch b = batches.get(batch);
        if (from == null) {
          // A batch's columns in the schema's order (a kept table's rows come in their own).
          from = names.stream().mapToInt(b.columns()::indexOf).toArray();
        }
        Object[] values = new Object[types.length];
        for (int c = 0; c < types.length; c++) {
          Object v = from[c] < 0 ? null : b.values()[from[c]][row];
          values[c] = value(v, types[c], stringDecimal[c], java8Dates);
        }
        row++;
        return RowFactory.create(values);
      }
    };
  }
}
