package io.syndata.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syndata.data.Target;
import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NestedJsonTest {
  @TempDir Path dir;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** Where each table's rows are nested in the fixture: along its primary foreign key. */
  private static final Map<String, String> CHILD_OF =
      Map.of("emp", "dept", "sample", "emp", "order", "sample", "order_note", "order");

  /**
   * Takes documents apart into flat rows per table, checking on the way that every nested row's
   * foreign key holds its enclosing row's key.
   */
  private static void flatten(
      String table, JsonNode doc, Map<String, List<Object[]>> rows, Map<String, Object> parentKey) {
    Table t = ExportFixture.SCHEMA.table(table);
    JsonNode own = doc.deepCopy();
    for (Map.Entry<String, String> e : CHILD_OF.entrySet()) {
      if (e.getValue().equals(table)) {
        JsonNode children = own.get(e.getKey());
        assertThat(children).as(table + " holds an array of " + e.getKey()).isNotNull();
        assertThat(children.isArray()).isTrue();
        ((com.fasterxml.jackson.databind.node.ObjectNode) own).remove(e.getKey());
        ForeignKey fk =
            ExportFixture.SCHEMA.table(e.getKey()).foreignKeys().stream()
                .filter(f -> f.parentTable().equals(table))
                .findFirst()
                .orElseThrow();
        for (JsonNode child : children) {
          Map<String, Object> key = new HashMap<>();
          for (int i = 0; i < fk.columns().size(); i++) {
            key.put(fk.columns().get(i), doc.get(fk.parentColumns().get(i)).longValue());
          }
          flatten(e.getKey(), child, rows, key);
        }
      }
    }
    parentKey.forEach(
        (column, value) ->
            assertThat(own.get(column).longValue()).as(table + "." + column).isEqualTo(value));
    rows.computeIfAbsent(table, k -> new ArrayList<>()).add(JsonFormatTest.row(t, own));
  }

  private static List<Object[]> sortedByKey(Table t, List<Object[]> rows) {
    List<Integer> key = t.primaryKey().stream().map(c -> t.columns().indexOf(t.column(c))).toList();
    Comparator<Object[]> order = Comparator.comparingLong(r -> (Long) r[key.get(0)]);
    for (int i = 1; i < key.size(); i++) {
      int k = key.get(i);
      order = order.thenComparingLong(r -> (Long) r[k]);
    }
    List<Object[]> sorted = new ArrayList<>(rows);
    sorted.sort(order);
    return sorted;
  }

  @Test
  void nestsChildRowsUnderTheirParentsAndLosesNoRow() throws IOException {
    Path out = dir.resolve("out");
    try (Target target =
        Exporters.open(List.of("json"), out, ExportOptions.DEFAULTS.with("json.nested", "true"))) {
      ExportFixture.write(target);
    }
    try (Stream<Path> files = Files.list(out)) {
      // dept is the only root; samples without an employee are documents of their own file.
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("dept.json", "sample.json", "schema.json");
    }
    Map<String, List<Object[]>> rows = new HashMap<>();
    for (JsonNode doc : JSON.readTree(out.resolve("dept.json").toFile())) {
      flatten("dept", doc, rows, Map.of());
    }
    JsonNode loose = JSON.readTree(out.resolve("sample.json").toFile());
    assertThat(loose).hasSize(2);
    for (JsonNode doc : loose) {
      assertThat(doc.get("emp_id").isNull()).isTrue();
      flatten("sample", doc, rows, Map.of());
    }
    ExportFixture.assertSameData(t -> sortedByKey(t, rows.getOrDefault(t.name(), List.of())));
    // the cycle's deferred key is in the documents as in the flat files
    assertThat(Files.readString(out.resolve("dept.json")))
        .contains("{\"id\":1,\"name\":\"Sales\",\"manager_id\":10,\"emp\":[");
  }

  private static final Table CUSTOMER =
      new Table(
          "customer",
          Optional.empty(),
          List.of(
              Column.of("id", DataType.INTEGER, false), Column.of("name", DataType.STRING, true)),
          List.of("id"),
          List.of(),
          List.of(),
          0);

  private static final Table PURCHASE =
      new Table(
          "purchase",
          Optional.empty(),
          List.of(
              Column.of("id", DataType.INTEGER, false),
              Column.of("customer_id", DataType.INTEGER, false)),
          List.of("id"),
          List.of(),
          List.of(
              new ForeignKey("fk_p_c", List.of("customer_id"), "customer", List.of("id"), false)),
          0);

  @Test
  void joinsTablesLargerThanABucketOnDiskInJsonLines() throws IOException {
    int customers = 30_000;
    Path out = dir.resolve("big");
    try (Target target =
        Exporters.open(
            List.of("jsonl"), out, ExportOptions.DEFAULTS.with("jsonl.nested", "true"))) {
      target.begin(new Schema(List.of(CUSTOMER, PURCHASE)));
      // in turns, as partitions come: a slice of customers, then their purchases
      long purchase = 0;
      for (int from = 0; from < customers; from += 5_000) {
        List<Object[]> c = new ArrayList<>();
        List<Object[]> p = new ArrayList<>();
        for (long id = from; id < from + 5_000; id++) {
          c.add(new Object[] {id, id % 7 == 0 ? null : "c" + id});
          for (int k = 0; k < id % 4; k++) {
            p.add(new Object[] {purchase++, id});
          }
        }
        target.write(ExportFixture.batch(CUSTOMER, c));
        target.write(ExportFixture.batch(PURCHASE, p));
      }
      target.commit();
    }
    assertThat(NestedJsonWriter.BUCKET_ROWS).isLessThan(customers); // several buckets
    long documents = 0;
    long purchases = 0;
    boolean[] seen = new boolean[customers];
    try (BufferedReader in = Files.newBufferedReader(out.resolve("customer.jsonl"))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode doc = JSON.readTree(line);
        int id = doc.get("id").intValue();
        assertThat(seen[id]).as("customer " + id + " once").isFalse();
        seen[id] = true;
        assertThat(doc.get("name").isNull()).isEqualTo(id % 7 == 0);
        JsonNode bought = doc.get("purchase");
        assertThat(bought).as("purchases of " + id).hasSize(id % 4);
        for (JsonNode p : bought) {
          assertThat(p.get("customer_id").intValue()).isEqualTo(id);
        }
        purchases += bought.size();
        documents++;
      }
    }
    assertThat(documents).isEqualTo(customers);
    assertThat(purchases).isEqualTo(45_000);
    assertThat(out.resolve("purchase.jsonl")).doesNotExist();
    assertThat(out.resolve(".nested")).doesNotExist();
  }
}
