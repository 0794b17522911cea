package io.syndata.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.data.InMemoryTarget;
import io.syndata.data.RowBatch;
import io.syndata.schema.SynthException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Partitions made one by one by {@link StageTask}s — in reverse order, each table on its own, as
 * executors may — with the coordinator's stores, unique fixes and deferred keys, give exactly the
 * rows the {@link Generator} writes, in the same order.
 */
class DistributedGenerationTest {
  static SynthModel model;

  @BeforeAll
  static void fit() {
    model = Fixtures.fit(RetailAtScaleTest.retail(new Random(3)), FitOptions.defaults(1));
  }

  /** Runs the coordinator and its tasks in this JVM, partitions of each stage in reverse. */
  static Map<String, List<List<Object>>> distributed(
      GenerationOptions options, DistributedGeneration coordinator) {
    GenerationPlan plan = coordinator.plan();
    List<StageTask> tasks = new ArrayList<>();
    for (GenerationPlan.Stage s : plan.stages()) {
      StageTask task = new StageTask(model, options, s.index(), coordinator.stageInput(s.index()));
      tasks.add(task);
      if (coordinator.needsSummary(s.index())) {
        byte[][] summaries = new byte[s.partitions()][];
        for (int p = s.partitions() - 1; p >= 0; p--) {
          summaries[p] = task.summary(p);
        }
        coordinator.summarize(s.index(), Arrays.asList(summaries));
      }
    }
    Map<String, List<List<Object>>> rows = new LinkedHashMap<>();
    for (GenerationPlan.Stage s : plan.stages()) {
      for (String table : s.tables()) {
        Map<Integer, List<RowBatch>> byPartition = new HashMap<>();
        for (int p = s.partitions() - 1; p >= 0; p--) {
          byPartition.put(p, tasks.get(s.index()).rows(p, table, coordinator.fixes(s.index(), p)));
        }
        List<List<Object>> out = new ArrayList<>();
        for (int p = 0; p < s.partitions(); p++) {
          for (RowBatch b : byPartition.get(p)) {
            for (int r = 0; r < b.size(); r++) {
              List<Object> row = new ArrayList<>();
              for (Object[] column : b.values()) {
                row.add(column[r]);
              }
              out.add(row);
            }
          }
        }
        rows.put(table, out);
      }
    }
    return rows;
  }

  @Test
  void partitionsMadeApartGiveTheGeneratorsRowsInItsOrder() {
    GenerationOptions options = new GenerationOptions(16, Map.of(), 5, 1);
    GenerationPlan plan = GenerationPlan.of(model, options);
    assertThat(plan.stages().get(plan.table("customers").stage()).partitions())
        .as("customers (unique email, self-reference) span several partitions")
        .isGreaterThan(3);
    InMemoryTarget expected = Fixtures.generate(model, options);
    Map<String, List<List<Object>>> actual =
        distributed(options, DistributedGeneration.of(model, options));
    assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.tables());
    for (String table : expected.tables()) {
      List<List<Object>> want = RetailAtScaleTest.rows(expected, table);
      assertThat(actual.get(table).size()).as(table + " rows").isEqualTo(want.size());
      assertThat(actual.get(table).equals(want)).as(table + " rows and their order").isTrue();
    }
    // The fixture exercises what crosses partitions: a changed unique value, deferred keys.
    assertThat(expected.column("stores", "manager_id")).anyMatch(java.util.Objects::nonNull);
    assertThat(expected.column("customers", "referred_by")).anyMatch(java.util.Objects::nonNull);
  }

  @Test
  void uniqueValuesRepeatedAcrossPartitionsAreChangedAsTheGeneratorChangesThem() {
    GenerationOptions options = new GenerationOptions(40, Map.of(), 11, 1);
    InMemoryTarget expected = Fixtures.generate(model, options);
    DistributedGeneration coordinator = DistributedGeneration.of(model, options);
    Map<String, List<List<Object>>> actual = distributed(options, coordinator);
    GenerationPlan.Stage stage =
        coordinator.plan().stages().get(coordinator.plan().table("customers").stage());
    long changed = 0;
    for (int p = 0; p < stage.partitions(); p++) {
      changed +=
          Wire.read(coordinator.fixes(stage.index(), p), Wire.Fixes.class)
              .values()
              .getOrDefault("customers", Map.of())
              .getOrDefault("email", Map.of())
              .size();
    }
    assertThat(changed).as("emails another partition made already").isPositive();
    assertThat(actual.get("customers").equals(RetailAtScaleTest.rows(expected, "customers")))
        .isTrue();
  }

  @Test
  void refusesAStageInputBeforeTheStagesItReadsAreSummarized() {
    GenerationOptions options = new GenerationOptions(16, Map.of(), 5, 1);
    DistributedGeneration coordinator = DistributedGeneration.of(model, options);
    int orders = coordinator.plan().table("orders").stage();
    assertThatThrownBy(() -> coordinator.stageInput(orders))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("must be summarized first");
  }
}
