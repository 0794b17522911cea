package io.syndata.neural;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import org.junit.jupiter.api.Test;

/** Training's tensors sit at 64-byte boundaries, so no matrix product depends on a JVM address. */
class AlignedTensorsTest {

  @Test
  void tensorsMadeFromJavaArraysAreAlignedToSixtyFourBytes() {
    try (NDManager manager = Torch.engine(1).newBaseManager()) {
      for (int n = 1; n <= 40; n++) {
        NDArray tensor = VaeGan.aligned(manager, new float[n * 3], new Shape(n, 3));
        assertThat(((PtNDArray) tensor).toByteBuffer(true).alignmentOffset(0, 64))
            .as("%d rows", n)
            .isZero();
        assertThat(tensor.toFloatArray()).hasSize(n * 3);
      }
    }
  }

  @Test
  void theCopyHoldsTheValues() {
    try (NDManager manager = Torch.engine(1).newBaseManager()) {
      float[] values = {1.5f, -2f, 3.25f, 0f, 7f, 1e-7f};
      assertThat(VaeGan.aligned(manager, values, new Shape(2, 3)).toFloatArray())
          .containsExactly(values);
    }
  }
}
