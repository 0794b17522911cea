package io.syndata.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.data.InMemorySource;
import io.syndata.data.Source;
import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HoldoutSplitTest {
  private static final int CUSTOMERS = 2_000;

  private static Schema schema() {
    Table customers =
        new Table(
                "customers",
                Optional.empty(),
                List.of(
                    Column.of("id", DataType.INTEGER, false),
                    Column.of("age", DataType.INTEGER, false)),
                List.of("id"),
                List.of(),
                List.of(),
                CUSTOMERS)
            .withKeyKinds();
    Table orders =
        new Table(
                "orders",
                Optional.empty(),
                List.of(
                    Column.of("id", DataType.INTEGER, false),
                    Column.of("customer_id", DataType.INTEGER, false)),
                List.of("id"),
                List.of(),
                List.of(
                    new ForeignKey(
                        "fk", List.of("customer_id"), "customers", List.of("id"), false)),
                0)
            .withKeyKinds();
    return new Schema(List.of(customers, orders));
  }

  private static InMemorySource source() {
    List<Object[]> customers = new ArrayList<>();
    List<Object[]> orders = new ArrayList<>();
    long order = 0;
    for (long c = 1; c <= CUSTOMERS; c++) {
      customers.add(new Object[] {c, 20 + c % 50});
      for (int k = 0; k < c % 4; k++) {
        orders.add(new Object[] {++order, c});
      }
    }
    return InMemorySource.ofRows(schema(), Map.of("customers", customers, "orders", orders));
  }

  private static List<List<Object>> rows(Source source, Table table) {
    List<List<Object>> out = new ArrayList<>();
    source.scan(
        table,
        table.columns().stream().map(Column::name).toList(),
        batch -> {
          for (int r = 0; r < batch.size(); r++) {
            out.add(List.of(batch.value(0, r), batch.value(1, r)));
          }
        });
    return out;
  }

  @Test
  void holdsOutAboutTheShareAskedAndPartitionsEveryRow() {
    Schema schema = schema();
    HoldoutSplit split = new HoldoutSplit(source(), schema, 0.25, 7);

    List<List<Object>> training = rows(split.training(), schema.table("customers"));
    List<List<Object>> holdout = rows(split.holdout(), schema.table("customers"));

    assertThat(training.size() + holdout.size()).isEqualTo(CUSTOMERS);
    assertThat(holdout.size() / (double) CUSTOMERS).isBetween(0.22, 0.28);
    Set<List<Object>> both = new HashSet<>(training);
    both.retainAll(holdout);
    assertThat(both).isEmpty();
  }

  @Test
  void childRowsFollowTheirParent() {
    Schema schema = schema();
    HoldoutSplit split = new HoldoutSplit(source(), schema, 0.25, 7);
    Set<Object> heldOutCustomers = new HashSet<>();
    rows(split.holdout(), schema.table("customers")).forEach(r -> heldOutCustomers.add(r.get(0)));

    List<List<Object>> trainingOrders = rows(split.training(), schema.table("orders"));
    List<List<Object>> holdoutOrders = rows(split.holdout(), schema.table("orders"));

    assertThat(trainingOrders)
        .allSatisfy(o -> assertThat(heldOutCustomers).doesNotContain(o.get(1)));
    assertThat(holdoutOrders)
        .isNotEmpty()
        .allSatisfy(o -> assertThat(heldOutCustomers).contains(o.get(1)));
  }

  @Test
  void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
    Schema schema = schema();
    List<List<Object>> a =
        rows(new HoldoutSplit(source(), schema, 0.2, 1).holdout(), schema.table("customers"));
    List<List<Object>> b =
        rows(new HoldoutSplit(source(), schema, 0.2, 1).holdout(), schema.table("customers"));
    List<List<Object>> c =
        rows(new HoldoutSplit(source(), schema, 0.2, 2).holdout(), schema.table("customers"));
    assertThat(b).isEqualTo(a);
    assertThat(c).isNotEqualTo(a);
  }

  @Test
  void aShareOutsideZeroToOneIsRejected() {
    assertThatThrownBy(() -> new HoldoutSplit(source(), schema(), 1.0, 1))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("--holdout");
  }
}
