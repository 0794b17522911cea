package io.syndata.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryTest {
  static final Table T =
      new Table(
          "t",
          Optional.empty(),
          List.of(Column.of("id", DataType.INTEGER, false), Column.of("v", DataType.STRING, true)),
          List.of("id"),
          List.of(),
          List.of(),
          0);

  @Test
  void scansInPrimaryKeyOrderWithRowCounts() {
    List<Object[]> rows = List.of(new Object[] {2L, "b"}, new Object[] {1L, "a"});
    InMemorySource source = InMemorySource.ofRows(new Schema(List.of(T)), Map.of("t", rows));
    assertThat(source.introspect(SchemaFilter.ALL).table("t").rowCount()).isEqualTo(2);
    List<Object> seen = new ArrayList<>();
    long n = source.scan(T, List.of("v"), b -> seen.add(b.value(0, 0)));
    assertThat(n).isEqualTo(2);
    assertThat(seen).containsExactly("a");
  }

  @Test
  void rejectsValuesOfTheWrongType() {
    List<Object[]> rows = List.<Object[]>of(new Object[] {1, "a"});
    assertThatThrownBy(() -> InMemorySource.ofRows(new Schema(List.of(T)), Map.of("t", rows)))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("column id")
        .hasMessageContaining("Long");
  }

  @Test
  void targetAppliesUpdatesByKeyAndByRowIndex() {
    InMemoryTarget target = new InMemoryTarget();
    target.begin(new Schema(List.of(T)));
    target.write(new RowBatch("t", List.of("id", "v"), new Object[][] {{1L, 2L}, {null, null}}, 2));
    target.update(
        new RowBatch("t", List.of("id", "v"), new Object[][] {{2L}, {"x"}}, 1),
        List.of("id"),
        new long[] {99});
    target.update(
        new RowBatch("t", List.of("v"), new Object[][] {{"y"}}, 1), List.of(), new long[] {0});
    assertThat(target.column("t", "v")).containsExactly("y", "x");
  }
}
