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
}
