package io.syndata.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.data.RowBatch;
import io.syndata.data.SchemaFilter;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A large table read over several connections by key ranges gives the rows of one ordered scan. */
class KeyRangeScanTest {

  @Test
  void rangesCoverEveryKeyOnce() {
    assertThat(KeyRangeScan.ranges(5, 5, 8)).containsExactly(new KeyRangeScan.Range(null, null));
    List<KeyRangeScan.Range> ranges = KeyRangeScan.ranges(-10, 1_000, 8);
    assertThat(ranges).hasSizeBetween(7, 9);
    assertThat(ranges.get(0).from()).isNull();
    assertThat(ranges.get(ranges.size() - 1).to()).isNull();
    for (int i = 1; i < ranges.size(); i++) {
      assertThat(ranges.get(i).from()).isEqualTo(ranges.get(i - 1).to());
    }
    assertThat(KeyRangeScan.ranges(Long.MIN_VALUE, Long.MAX_VALUE, 8)).hasSize(1);
    assertThat(KeyRangeScan.ranges(Long.MAX_VALUE - 100, Long.MAX_VALUE, 8)).hasSizeGreaterThan(4);
  }

  @Test
  void parallelReadsHandOnTheRowsOfOneOrderedScan() {
    String url = h2();
    TestServers.exec(
        url,
        "CREATE TABLE items (id BIGINT PRIMARY KEY, name VARCHAR(20), price DECIMAL(8,2))",
        // Uneven keys: a dense block, a gap, and a sparse tail.
        "INSERT INTO items SELECT \"X\", 'item ' || \"X\", \"X\" / 7.0 FROM SYSTEM_RANGE(1, 30000)",
        "INSERT INTO items SELECT 1000000 + \"X\" * 97, 'tail ' || \"X\", \"X\""
            + " FROM SYSTEM_RANGE(1, 5000)");
    List<Object> sequential = ids(url, 1);
    List<Object> parallel = ids(url, 3);
    assertThat(sequential).hasSize(35_000);
    assertThat(parallel).isEqualTo(sequential);
    TestServers.exec(url, "SHUTDOWN");
  }

  @Test
  void aFailingRangeNamesTheTableAndTheRange() {
    String url = h2();
    TestServers.exec(
        url,
        "CREATE TABLE items (id BIGINT PRIMARY KEY, stamp VARCHAR(30))",
        "INSERT INTO items SELECT \"X\", '2024-01-01' FROM SYSTEM_RANGE(1, 20000)",
        "UPDATE items SET stamp = 'not a date' WHERE id = 17000");
    try (JdbcSource source = new JdbcSource(Database.open(url, true), Optional.empty(), 3, 1_000)) {
      Table items = source.introspect(SchemaFilter.ALL).table("items");
      Table asDates =
          items.withColumns(
              items.columns().stream()
                  .map(
                      c ->
                          c.name().equals("stamp")
                              ? c.withType(io.syndata.schema.DataType.DATE, 0, 0, 0)
                              : c)
                  .toList());
      assertThatThrownBy(() -> source.scan(asDates, List.of("id", "stamp"), b -> {}))
          .isInstanceOf(SynthException.class)
          .hasMessageContaining("reading table items")
          .hasMessageContaining("in the key range");
    }
    TestServers.exec(url, "SHUTDOWN");
  }

  private static String h2() {
    return "jdbc:h2:mem:ranges" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
  }

  private static List<Object> ids(String url, int readers) {
    try (JdbcSource source =
        new JdbcSource(Database.open(url, true), Optional.empty(), readers, 1_000)) {
      Table items = source.introspect(SchemaFilter.ALL).table("items");
      List<Object> out = new ArrayList<>();
      List<String> columns = List.of("id", "name", "price");
      long rows =
          source.scan(
              items,
              columns,
              (RowBatch b) -> {
                for (int r = 0; r < b.size(); r++) {
                  out.add(b.value(0, r) + "|" + b.value(1, r) + "|" + b.value(2, r));
                }
              });
      assertThat(rows).isEqualTo(out.size());
      return out;
    }
  }
}
