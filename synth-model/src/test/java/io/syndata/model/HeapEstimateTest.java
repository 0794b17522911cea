package io.syndata.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.data.InMemoryTarget;
import io.syndata.data.Progress;
import io.syndata.schema.SynthException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The heap a plan needs, checked before the first row. */
class HeapEstimateTest {
  private final SynthModel shop = Fixtures.fit(Fixtures.shop(1, 200), FitOptions.defaults(1));

  @Test
  void aSmallPlanFitsAndTheDryRunSaysHowMuchItNeeds() {
    GenerationOptions options = Fixtures.seed(1);
    GenerationPlan plan = GenerationPlan.of(shop, options);
    HeapEstimate need = HeapEstimate.of(shop, plan, 1);
    assertThat(need.bytes()).isPositive();
    assertThat(need.fits(HeapEstimate.usableHeap())).isTrue();
    assertThat(plan.describe(shop, 1)).contains("heap: about ").contains("this Java may use about");
  }

  @Test
  void theEstimateGrowsWithTheRowsAndTheThreads() {
    String root = shop.graph().generationOrder().get(0).name();
    GenerationPlan small = GenerationPlan.of(shop, new GenerationOptions(1, Map.of(), 1));
    GenerationPlan large =
        GenerationPlan.of(shop, new GenerationOptions(1, Map.of(root, 5_000_000L), 1));
    long one = HeapEstimate.of(shop, large, 1).bytes();
    assertThat(one).isGreaterThan(10 * HeapEstimate.of(shop, small, 1).bytes());
    assertThat(HeapEstimate.of(shop, large, 8).bytes()).isGreaterThan(one);
  }

  @Test
  void aPlanBeyondTheHeapIsRefusedBeforeAnyRowNamingWhatTakesTheMemory() {
    String root = shop.graph().generationOrder().get(0).name();
    GenerationOptions huge =
        new GenerationOptions(1, Map.of(root, 4_000_000_000L), 1).withThreads(4);
    InMemoryTarget target = new InMemoryTarget();
    target.begin(shop.graph().schema());
    assertThatThrownBy(
            () ->
                Generator.generate(
                    shop, huge, GenerationPlan.of(shop, huge), target, Progress.NONE))
        .isInstanceOf(SynthException.class)
        .hasMessageStartingWith("this generation needs about ")
        .hasMessageContaining(" GiB of heap at its peak (")
        .hasMessageContaining("SYNTH_JAVA_OPTS=-Xmx")
        .hasMessageContaining("fewer --threads")
        .hasMessageNotContaining("\n");
    for (var t : shop.graph().generationOrder()) {
      assertThat(target.rows(t.name())).as("rows of %s", t.name()).isEmpty();
    }
  }
}
