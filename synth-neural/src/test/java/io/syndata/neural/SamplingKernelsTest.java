package io.syndata.neural;

import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.model.fit.CategoricalMarginal;
import io.syndata.model.fit.Gaussian;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

  /**
   * Row by row, one slot at a time: the definition {@link NeuralTableModel#drawCalibrated} must
   * match, draw for draw.
   */
  private static Object[] plainDrawCalibrated(
      ColumnCode code, int at, float[] out, int w, int n, SplittableRandom random) {
    int slots = code.width();
    double[] target = code.shares();
    double[][] p = new double[n][slots];
    for (int r = 0; r < n; r++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < slots; j++) {
        max = Math.max(max, out[r * w + at + j]);
      }
      double sum = 0;
      for (int j = 0; j < slots; j++) {
        p[r][j] = Math.exp(out[r * w + at + j] - max);
        sum += p[r][j];
      }
      for (int j = 0; j < slots; j++) {
        p[r][j] /= sum;
      }
    }
    double[] scale = new double[slots];
    Arrays.fill(scale, 1);
    for (int round = 0; round < NeuralTableModel.CALIBRATION_ROUNDS; round++) {
      double[] expected = new double[slots];
      for (int r = 0; r < n; r++) {
        double sum = 0;
        for (int j = 0; j < slots; j++) {
          sum += p[r][j] * scale[j];
        }
        double inverse = 1 / sum;
        for (int j = 0; j < slots; j++) {
          expected[j] += p[r][j] * scale[j] * inverse;
        }
      }
      for (int j = 0; j < slots; j++) {
        if (expected[j] > 0 && target[j] > 0) {
          scale[j] *= target[j] * n / expected[j];
        }
      }
    }
    Object[] into = new Object[n];
    for (int r = 0; r < n; r++) {
      double[] q = new double[slots];
      double sum = 0;
      for (int j = 0; j < slots; j++) {
        q[j] = p[r][j] * scale[j];
        sum += q[j];
      }
      double u = random.nextDouble() * sum;
      int slot = slots - 1;
      for (int j = 0; j < slots - 1; j++) {
        u -= q[j];
        if (u < 0) {
          slot = j;
          break;
        }
      }
      into[r] = code.valueOfSlot(slot, random);
    }
    return into;
  }

  @Test
  void calibratedDrawsAreThoseOfTheRowByRowDefinition() {
    SplittableRandom random = new SplittableRandom(8);
    // 2, 5 and 10 slots: below, at and past the four slots summed side by side.
    for (int categories : new int[] {2, 5, 10}) {
      List<Object> dictionary = new ArrayList<>();
      for (int i = 0; i < categories; i++) {
        dictionary.add("c" + i);
      }
      double[] codes = new double[500];
      for (int i = 0; i < codes.length; i++) {
        codes[i] = Math.min(categories - 1, random.nextInt(categories * 2) / 2);
      }
      ColumnCode code =
          ColumnCode.categorical(CategoricalMarginal.fit(dictionary, codes, codes.length, false));
      int w = code.width() + 3;
      for (int n : new int[] {1, 7, 300}) {
        float[] out = new float[n * w];
        for (int i = 0; i < out.length; i++) {
          out[i] = (float) (random.nextGaussian() * 3);
        }
        Object[] into = new Object[n];
        NeuralTableModel.drawCalibrated(code, 2, out, w, n, into, new SplittableRandom(n));
        assertThat(into)
            .as("%d categories, %d rows", categories, n)
            .containsExactly(plainDrawCalibrated(code, 2, out, w, n, new SplittableRandom(n)));
      }
    }
  }
}
