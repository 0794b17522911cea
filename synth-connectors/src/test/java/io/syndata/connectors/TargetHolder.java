package io.syndata.connectors;

import io.syndata.data.RowBatch;
import io.syndata.data.Target;
import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A run in another process, for {@link TargetProcessIT}: begins a database target, writes rows and
 * says {@code writing}, then commits when its standard input closes — or dies where it stands when
 * the test kills it.
 */
public final class TargetHolder {
  static final int ROWS = 500;

  static final Schema SCHEMA =
      new Schema(
          List.of(
              new Table(
                  "store",
                  Optional.empty(),
                  List.of(Column.of("id", DataType.INTEGER, false)),
                  List.of("id"),
                  List.of(),
                  List.of(),
                  0),
              new Table(
                  "staff",
                  Optional.empty(),
                  List.of(
                      Column.of("id", DataType.INTEGER, false),
                      Column.of("store_id", DataType.INTEGER, false)),
                  List.of("id"),
                  List.of(),
                  List.of(
                      new ForeignKey(
                          "staff_store", List.of("store_id"), "store", List.of("id"), false)),
                  0)));

  private TargetHolder() {}

  public static void main(String[] args) throws IOException {
    try (Target target = Connectors.jdbcTarget(args[0])) {
      target.begin(SCHEMA);
      Object[] storeIds = new Object[ROWS];
      Object[] staffIds = new Object[ROWS];
      Object[] staffStores = new Object[ROWS];
      for (int i = 0; i < ROWS; i++) {
        storeIds[i] = (long) i + 1;
        staffIds[i] = (long) i + 1;
        staffStores[i] = (long) 1 + i % 7;
      }
      target.write(new RowBatch("store", List.of("id"), new Object[][] {storeIds}, ROWS));
      target.write(
          new RowBatch(
              "staff", List.of("id", "store_id"), new Object[][] {staffIds, staffStores}, ROWS));
      System.out.println("writing");
      System.out.flush();
      while (System.in.read() >= 0) {
        // until the test closes our input
      }
      target.commit();
    }
  }
}
