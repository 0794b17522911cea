package io.syndata.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.schema.SynthException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunFingerprintTest {
  private static RunFingerprint of(String seed, String partitions) {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("model", "9f".repeat(32));
    parts.put("seed", seed);
    parts.put("partitions", partitions);
    return new RunFingerprint(parts);
  }

  @Test
  void survivesItsTextForm() {
    RunFingerprint f = of("42", "products:1 customers+orders:" + "7".repeat(90));
    assertThat(RunFingerprint.decode(f.encode())).isEqualTo(f);
  }

  @Test
  void namesEveryPartThatDiffersWithShortValuesInOneLine() {
    RunFingerprint recorded = of("42", "customers+orders:" + "3".repeat(80));
    RunFingerprint now = of("43", "customers+orders:" + "4".repeat(80));
    assertThat(now.difference(recorded)).hasValue("seed (recorded 42, now 43), partitions");
    assertThat(recorded.difference(recorded)).isEmpty();
    assertThatThrownBy(() -> now.requireSameAs(recorded, "jdbc:postgresql://h/db"))
        .isInstanceOf(SynthException.class)
        .hasMessage(
            "cannot --resume the run recorded in jdbc:postgresql://h/db: its plan differs in seed"
                + " (recorded 42, now 43), partitions; rerun with the same model and options, or"
                + " undo it with --abort");
  }
}
