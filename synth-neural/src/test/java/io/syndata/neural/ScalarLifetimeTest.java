package io.syndata.neural;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The constants of training's arithmetic outlive a garbage collection between the forward and the
 * backward pass. The gradient of sum(0.5 x) is 0.5 everywhere; each round collects garbage between
 * the two passes and fills freshly freed native memory with 10¹⁸ before the backward pass.
 */
class ScalarLifetimeTest {

  private static final int ROUNDS = 60;

  @Test
  void djlsNumberArithmeticReadsFreedMemoryInTheBackwardPass() throws Exception {
    // Why VaeGan.scalar exists, and proof that this harness catches the fault it guards against.
    assertThat(wrongGradients((x, m) -> x.mul(0.5f))).isPositive();
  }

  @Test
  void scalarsInPyTorchsMemorySurviveACollection() throws Exception {
    assertThat(wrongGradients((x, m) -> x.mul(VaeGan.scalar(m, 0.5f)))).isZero();
    assertThat(wrongGradients((x, m) -> x.div(VaeGan.scalar(m, 2L)))).isZero();
  }

  /** Rounds, out of {@link #ROUNDS}, whose gradient was not 0.5; stops at the first. */
  private static int wrongGradients(BiFunction<NDArray, NDManager, NDArray> half)
      throws InterruptedException {
    Engine engine = Torch.engine(1);
    List<ByteBuffer> filler = new ArrayList<>();
    try (NDManager base = engine.newBaseManager()) {
      NDArray x = VaeGan.aligned(base, new float[] {1, 2, 3, 4}, new Shape(4));
      x.setRequiresGradient(true);
      for (int round = 0; round < ROUNDS; round++) {
        try (NDManager m = base.newSubManager()) {
          float gradient;
          try (GradientCollector gc = engine.newGradientCollector()) {
            NDArray y = half.apply(x, m).sum();
            for (int i = 0; i < 3; i++) {
              System.gc();
              Thread.sleep(10); // the cleaner thread frees collected direct buffers
              for (int j = 0; j < 100; j++) {
                ByteBuffer b = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
                b.putFloat(0, 1e18f).putFloat(4, 1e18f);
                filler.add(b);
              }
            }
            gc.backward(y);
          }
          try (NDArray g = x.getGradient()) {
            gradient = g.toFloatArray()[0];
            g.subi(g);
          }
          if (gradient != 0.5f) {
            return 1;
          }
        }
      }
    }
    java.lang.ref.Reference.reachabilityFence(filler); // the filler stays in place to the end
    return 0;
  }
}
