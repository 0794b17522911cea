package io.syndata.model;

import static io.syndata.model.Fixtures.col;
import static io.syndata.model.Fixtures.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.data.InMemorySource;
import io.syndata.data.InMemoryTarget;
import io.syndata.schema.DataType;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OrderedColumnsTest {

  @Test
  void keepsAnOrderThatHoldsInEverySourceRow() {
    Table t =
        table(
            "players",
            List.of(
                col("id", DataType.INTEGER, false),
                col("born", DataType.DATE, false),
                col("died", DataType.DATE, true),
                col("at_bats", DataType.INTEGER, false),
                col("hits", DataType.INTEGER, false)),
            List.of("id"),
            List.of());
    SplittableRandom random = new SplittableRandom(11);
    List<Object[]> rows = new ArrayList<>();
    for (long i = 1; i <= 2_000; i++) {
      LocalDate born = LocalDate.of(1900, 1, 1).plusDays(random.nextInt(30_000));
      LocalDate died =
          random.nextDouble() < 0.4 ? null : born.plusDays(3_000 + random.nextInt(30_000));
      long atBats = random.nextInt(600);
      long hits = (long) (atBats * random.nextDouble() * 0.4);
      rows.add(new Object[] {i, born, died, atBats, hits});
    }
    InMemorySource source = InMemorySource.ofRows(new Schema(List.of(t)), Map.of("players", rows));

    InMemoryTarget target =
        Fixtures.generate(Fixtures.fit(source, FitOptions.defaults(1)), Fixtures.seed(4));

    List<Object[]> out = target.rows("players");
    assertThat(out).hasSize(2_000);
    for (Object[] row : out) {
      if (row[2] != null) {
        assertThat((LocalDate) row[2]).as("death after birth").isAfterOrEqualTo((LocalDate) row[1]);
      }
      assertThat((Long) row[4]).as("hits within at bats").isLessThanOrEqualTo((Long) row[3]);
    }
  }
}
