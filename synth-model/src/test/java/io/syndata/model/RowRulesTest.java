package io.syndata.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.SqlDetail;
import io.syndata.schema.Table;
import io.syndata.schema.TableDetail;
import io.syndata.schema.ValueFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RowRulesTest {
  private static Table table(String dialect, String... checks) {
    List<Column> columns =
        List.of(
            Column.of("id", DataType.INTEGER, false),
            Column.of("amount", DataType.DECIMAL, false).withType(DataType.DECIMAL, 0, 10, 2),
            Column.of("status", DataType.STRING, false),
            Column.of("starts", DataType.DATE, false),
            Column.of("ends", DataType.DATE, false),
            Column.of("title", DataType.STRING, true),
            Column.of("tsv", DataType.STRING, true)
                .withSql(Optional.of(SqlDetail.of(dialect, "tsvector", ValueFormat.TSVECTOR))));
    List<TableDetail.Check> list =
        java.util.Arrays.stream(checks).map(c -> new TableDetail.Check("", c, dialect)).toList();
    return new Table("item", Optional.empty(), columns, List.of("id"), List.of(), List.of(), 0)
        .withSql(Optional.of(new TableDetail(list, Optional.empty(), Optional.empty(), List.of())));
  }

  private static Object[][] row(Object... values) {
    Object[][] out = new Object[values.length][1];
    for (int c = 0; c < values.length; c++) {
      out[c][0] = values[c];
    }
    return out;
  }

  private static final List<String> NAMES =
      List.of("id", "amount", "status", "starts", "ends", "title", "tsv");
  private static final int[] ATTRIBUTES = {-1, 0, 1, 2, 3, 4, 5};

  @Test
  void repairsPostgresPrintedRangesListsAndColumnComparisons() {
    Table t =
        table(
            "postgresql",
            "((amount >= (0)::numeric) AND (amount <= (1000)::numeric))",
            "((status)::text = ANY ((ARRAY['new'::character varying, 'done'::character varying])::text[]))",
            "(ends > starts)");
    RowRules rules = RowRules.of(t, NAMES, ATTRIBUTES);
    Object[][] out =
        row(
            1L,
            new BigDecimal("-5.00"),
            "lost",
            LocalDate.of(2024, 3, 1),
            LocalDate.of(2024, 1, 1),
            null,
            null);

    rules.apply(out, 0);

    assertThat(out[1][0]).isEqualTo(new BigDecimal("0.00"));
    assertThat(out[2][0]).isIn("new", "done");
    assertThat(out[3][0]).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(out[4][0]).isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(out[0][0]).isEqualTo(1L);
  }

  @Test
  void repairsMariadbAndSqlitePrintedChecksAndMovesEqualValuesApartUnderAStrictComparison() {
    Table t =
        table(
            "mariadb", "`amount` between 0 and 1000", "status in ('new','done')", "ends > starts");
    RowRules rules = RowRules.of(t, NAMES, ATTRIBUTES);
    LocalDate day = LocalDate.of(2024, 1, 1);
    Object[][] out = row(1L, new BigDecimal("1500.50"), "new", day, day, null, null);

    rules.apply(out, 0);

    assertThat(out[1][0]).isEqualTo(new BigDecimal("1000.00"));
    assertThat(out[2][0]).isEqualTo("new");
    assertThat((LocalDate) out[4][0]).isAfter((LocalDate) out[3][0]);
  }

  @Test
  void leavesConditionsItCannotReadToTheDatabase() {
    Table t = table("postgresql", "((amount > 0) OR (status = 'x'))", "(length(status) < 5)");
    RowRules rules = RowRules.of(t, NAMES, ATTRIBUTES);
    Object[][] out = row(1L, new BigDecimal("-1.00"), "lost", null, null, null, null);

    rules.apply(out, 0);

    assertThat(out[1][0]).isEqualTo(new BigDecimal("-1.00"));
    assertThat(out[2][0]).isEqualTo("lost");
  }

  @Test
  void derivesAFullTextVectorFromTheRowsText() {
    RowRules rules = RowRules.of(table("postgresql"), NAMES, ATTRIBUTES);
    Object[][] out =
        row(1L, BigDecimal.ONE, "new", null, null, "Red shoes, and red laces", "placeholder");

    rules.apply(out, 0);

    // status, then title: "new" 1, "red" 2, "shoes" 3, "and" 4 (a stop word), "red" 5, "laces" 6
    assertThat(out[6][0]).isEqualTo("'laces':6 'new':1 'red':2,5 'shoes':3");
  }
}
