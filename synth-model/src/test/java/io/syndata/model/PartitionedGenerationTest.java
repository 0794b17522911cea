package io.syndata.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.data.InMemorySource;
import io.syndata.data.InMemoryTarget;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PartitionedGenerationTest {
  static SynthModel model;

  @BeforeAll
  static void fit() {
    InMemorySource source = Fixtures.shop(7, 1500);
    model = Fixtures.fit(source, FitOptions.defaults(1));
  }

  static GenerationOptions options(double scale, int threads) {
    return new GenerationOptions(scale, Map.of(), 42, threads);
  }

  @Test
  void sameRowsInTheSameOrderOnOneTwoAndEightThreads() {
    InMemoryTarget one = Fixtures.generate(model, options(12, 1));
    InMemoryTarget two = Fixtures.generate(model, options(12, 2));
    InMemoryTarget eight = Fixtures.generate(model, options(12, 8));
    GenerationPlan plan = GenerationPlan.of(model, options(12, 1));
    assertThat(plan.stages().stream().mapToInt(GenerationPlan.Stage::partitions).max().getAsInt())
        .as("the run must really be partitioned for this test to mean anything")
        .isGreaterThan(2);
    for (String table : one.tables()) {
      List<List<Object>> expected = rows(one, table);
      assertThat(expected).isNotEmpty();
      assertThat(rows(two, table).equals(expected)).as(table + " on 2 threads").isTrue();
      assertThat(rows(eight, table).equals(expected)).as(table + " on 8 threads").isTrue();
    }
    Integrity.check(model.graph().schema(), eight);
  }

  @Test
  void planGivesExactCountsAndCutsRootsIntoPartitions() {
    GenerationPlan plan = GenerationPlan.of(model, options(12, 1));
    assertThat(plan.table("customers").rows()).isEqualTo(18_000);
    GenerationPlan.Stage customers = plan.stages().get(plan.table("customers").stage());
    assertThat(customers.tables()).contains("customers", "orders");
    assertThat(customers.whole()).isEmpty();
    long sourceOrders = model.table("orders").sourceRows();
    assertThat(plan.table("orders").rows())
        .isCloseTo(sourceOrders * 12, org.assertj.core.data.Offset.offset(2L));
    InMemoryTarget t = Fixtures.generate(model, options(12, 2));
    assertThat((long) t.rowCount("customers")).isEqualTo(plan.table("customers").rows());
    assertThat((long) t.rowCount("orders")).isEqualTo(plan.table("orders").rows());
    assertThat(plan.describe(model, 2)).contains("customers").contains("partitions");
  }

  @Test
  void rowsOfAPartitionDoNotDependOnTheScaleOfOtherTables() {
    // Products is its own stage: more customers must not change a single product.
    InMemoryTarget small = Fixtures.generate(model, new GenerationOptions(3, Map.of(), 42, 2));
    InMemoryTarget large =
        Fixtures.generate(model, new GenerationOptions(3, Map.of("customers", 9_000L), 42, 2));
    assertThat(rows(large, "products")).isEqualTo(rows(small, "products"));
  }

  static List<List<Object>> rows(InMemoryTarget t, String table) {
    return t.rows(table).stream().map(Arrays::asList).toList();
  }

  @Test
  void permutationIsABijection() {
    for (long size : new long[] {1, 2, 3, 17, 1000, 4097}) {
      Permutation p = new Permutation(size, size * 31);
      Set<Long> seen = new HashSet<>();
      for (long i = 0; i < size; i++) {
        long x = p.apply(i);
        assertThat(x).isBetween(0L, size - 1);
        seen.add(x);
      }
      assertThat(seen).hasSize((int) size);
    }
  }
}
