package io.syndata.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.schema.SynthException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NeuralOptionsTest {

  @Test
  void readsTheKnobsAndKeepsDefaultsForTheRest() {
    NeuralOptions o = NeuralOptions.of(Map.of("epochs", "7", "device", "CPU", "other", "x"));
    assertThat(o.epochs()).isEqualTo(7);
    assertThat(o.device()).isEqualTo(NeuralOptions.Device.CPU);
    assertThat(o.batchSize()).isEqualTo(NeuralOptions.defaults().batchSize());
    assertThat(o.encoding()).isEqualTo(NeuralOptions.Encoding.MODE);
    assertThat(NeuralOptions.of(Map.of("encoding", "Quantile")).encoding())
        .isEqualTo(NeuralOptions.Encoding.QUANTILE);
  }

  @Test
  void namesTheOptionAtFault() {
    assertThatThrownBy(() -> NeuralOptions.of(Map.of("epochs", "many")))
        .isInstanceOf(SynthException.class)
        .hasMessage("model option epochs must be a whole number, was many");
    assertThatThrownBy(() -> NeuralOptions.of(Map.of("learning-rate", "2")))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("learning-rate must be in (0, 1)");
    assertThatThrownBy(() -> NeuralOptions.of(Map.of("device", "tpu")))
        .isInstanceOf(SynthException.class)
        .hasMessage("--device must be cpu, gpu or auto, was tpu");
    assertThatThrownBy(() -> NeuralOptions.of(Map.of("encoding", "gmm")))
        .isInstanceOf(SynthException.class)
        .hasMessage("model option encoding must be quantile or mode, was gmm");
  }

  @Test
  void theStepBudgetBoundsTheEpochsOfALargeTableOnly() {
    NeuralOptions d = NeuralOptions.defaults();
    // A million rows less 10,000 held out: 1,980 batches of 500 per epoch, 12 within 24,000 steps.
    assertThat(VaeGan.epochs(990_000, 500, d)).isEqualTo(12);
    // adult's 35,000 training rows: 70 batches per epoch, so the 300 epochs are the bound.
    assertThat(VaeGan.epochs(35_000, 500, d)).isEqualTo(300);
    NeuralOptions few = NeuralOptions.of(Map.of("steps", "5"));
    assertThat(VaeGan.epochs(10_000, 500, few)).isEqualTo(1);
    assertThat(VaeGan.epochs(400, 500, few)).isEqualTo(5);
    assertThatThrownBy(() -> NeuralOptions.of(Map.of("steps", "0")))
        .isInstanceOf(SynthException.class)
        .hasMessage("model option steps must be at least 1, was 0");
  }
}
