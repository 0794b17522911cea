package io.syndata.neural;

import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.model.fit.Gaussian;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sampler's fast kernels give the bits of their plain, one-step-at-a-time definitions. */
class SamplingKernelsTest {

  /** One input at a time, skipping zeros: the definition {@link Mlp#forward} must match. */
  private static float[] plainForward(Mlp mlp, float[] input, int n) {
    float[] x = input;
    for (int l = 0; l < mlp.layers(); l++) {
      int in = mlp.sizes[l];
      int out = mlp.sizes[l + 1];
      float[] y = new float[n * out];
      for (int r = 0; r < n; r++) {
        System.arraycopy(mlp.biases[l], 0, y, r * out, out);
        for (int i = 0; i < in; i++) {
          float xi = x[r * in + i];
          if (xi != 0) {
            for (int j = 0; j < out; j++) {
              y[r * out + j] += xi * mlp.weights[l][i * out + j];
            }
          }
        }
        if (l < mlp.layers() - 1) {
          for (int j = 0; j < out; j++) {
            y[r * out + j] = Math.max(0, y[r * out + j]);
          }
        }
      }
      x = y;
    }
    return x;
  }

  @Test
  void forwardGivesTheBitsOfTheOneInputAtATimeSum() {
    SplittableRandom random = new SplittableRandom(3);
    for (int[] sizes : new int[][] {{5, 7, 3}, {32, 128, 128, 61}, {1, 1}, {9, 6, 6, 6, 2}}) {
      Mlp mlp = Mlp.initial(sizes, random);
      for (float[] b : mlp.biases) {
        for (int j = 0; j < b.length; j++) {
          b[j] = (float) random.nextGaussian();
        }
      }
      for (int n : new int[] {0, 1, 3, 257}) {
        float[] input = new float[n * sizes[0]];
        for (int i = 0; i < input.length; i++) {
          input[i] = random.nextInt(3) == 0 ? 0 : (float) random.nextGaussian();
        }
        assertThat(mlp.forward(input, n))
            .as("sizes %s, %d rows", Arrays.toString(sizes), n)
            .containsExactly(plainForward(mlp, input, n));
      }
    }
  }

  /** Mid-rank normal quantiles with ties in row order, NaN kept: the definition. */
  private static double[] plainCalibrate(double[] z) {
    double[] out = z.clone();
    Integer[] order =
        java.util.stream.IntStream.range(0, z.length)
            .filter(r -> !Double.isNaN(z[r]))
            .boxed()
            .toArray(Integer[]::new);
    Arrays.sort(order, (a, b) -> z[a] != z[b] ? Double.compare(z[a], z[b]) : Integer.compare(a, b));
    for (int i = 0; i < order.length; i++) {
      out[order[i]] = Gaussian.quantile((i + 0.5) / order.length);
    }
    return out;
  }

  @Test
  void calibrateRanksTiesInRowOrderAndKeepsNulls() {
    SplittableRandom random = new SplittableRandom(5);
    double[] z = new double[1000];
    for (int r = 0; r < z.length; r++) {
      int pick = random.nextInt(10);
      z[r] =
          pick == 0
              ? Double.NaN
              : pick == 1 ? 0.0 : pick == 2 ? -0.0 : pick == 3 ? 1.5 : random.nextGaussian();
    }
    double[] expected = plainCalibrate(z);
    NeuralTableModel.calibrate(z);
    assertThat(z).containsExactly(expected);
  }
}
