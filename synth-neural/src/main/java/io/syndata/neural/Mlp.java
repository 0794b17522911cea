package io.syndata.neural;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A multilayer perceptron's weights as plain arrays, with a forward pass in Java: the decoder
 * samples with it, so generating rows needs no native library and gives the same rows on any device
 * and thread count. Hidden layers use ReLU; the last layer is linear.
 */
final class Mlp {
  /** {@code sizes[0]} inputs, then the units of each layer. */
  final int[] sizes;

  /** {@code weights[l][i * sizes[l + 1] + j]}: from input i to unit j of layer l. */
  final float[][] weights;

  final float[][] biases;

  /**
   * {@code rows[l][i][j] = weights[l][i * sizes[l + 1] + j]}: each input's weights, for forward.
   */
  private final float[][][] rows;

  Mlp(int[] sizes, float[][] weights, float[][] biases) {
    this.sizes = sizes.clone();
    this.weights = weights;
    this.biases = biases;
    for (int l = 0; l < layers(); l++) {
      if (weights[l].length != sizes[l] * sizes[l + 1] || biases[l].length != sizes[l + 1]) {
        throw new IllegalArgumentException("layer " + l + " does not match sizes");
      }
    }
    rows = new float[layers()][][];
    for (int l = 0; l < layers(); l++) {
      int out = sizes[l + 1];
      rows[l] = new float[sizes[l]][];
      for (int i = 0; i < sizes[l]; i++) {
        rows[l][i] = Arrays.copyOfRange(weights[l], i * out, (i + 1) * out);
      }
    }
  }

  /** Glorot-uniform weights and zero biases from {@code random}. */
  static Mlp initial(int[] sizes, SplittableRandom random) {
    int layers = sizes.length - 1;
    float[][] w = new float[layers][];
    float[][] b = new float[layers][];
    for (int l = 0; l < layers; l++) {
      double a = Math.sqrt(6.0 / (sizes[l] + sizes[l + 1]));
      w[l] = new float[sizes[l] * sizes[l + 1]];
      for (int i = 0; i < w[l].length; i++) {
        w[l][i] = (float) ((random.nextDouble() * 2 - 1) * a);
      }
      b[l] = new float[sizes[l + 1]];
    }
    return new Mlp(sizes, w, b);
  }

  int layers() {
    return sizes.length - 1;
  }

  int inputs() {
    return sizes[0];
  }

  int outputs() {
    return sizes[sizes.length - 1];
  }

  /**
   * The outputs of {@code n} rows of inputs, row-major. Each unit sums its bias and then the
   * products of the row's non-zero inputs in ascending input order: the same additions in the same
   * order as one input at a time, so the same bits. (Java never fuses a multiply and an add, and
   * each unit is summed on its own, so the units can be computed side by side.)
   *
   * <p>The work is arranged for the JIT's vectoriser: per row, four non-zero inputs at a time, a
   * loop over the layer's units that reads four contiguous weight rows ({@link #rows}) and adds
   * into one contiguous accumulator, all at index {@code j}, so it compiles to vector loads,
   * multiplies and adds (8 floats at once with AVX2) with the accumulator in the first-level cache:
   * four times the old loop's speed, which indexed one flat weight array at four offsets. Weights
   * transposed to one row per unit would make each unit a dot product, a sum the JIT may not
   * reorder and so does not vectorise. Skipping zero inputs (about half of a hidden layer's after
   * the ReLU, most of a one-hot context) halves the work; a dense product over a block of rows
   * would not skip them.
   */
  float[] forward(float[] input, int n) {
    float[] x = input;
    int[] nonZero = new int[maxWidth()];
    float[] acc = new float[maxWidth()];
    for (int l = 0; l < layers(); l++) {
      x = layer(l, x, n, nonZero, acc);
    }
    return x;
  }

  private float[] layer(int l, float[] x, int n, int[] nonZero, float[] acc) {
    int in = sizes[l];
    int out = sizes[l + 1];
    float[][] w = rows[l];
    float[] bias = biases[l];
    float[] y = new float[n * out];
    boolean hidden = l < layers() - 1;
    for (int r = 0; r < n; r++) {
      int xr = r * in;
      int m = 0;
      // Without a branch: about half of a hidden layer's inputs are zero, at random, so a
      // branch would be mispredicted half the time (this loop took as long as the products).
      for (int i = 0; i < in; i++) {
        nonZero[m] = i;
        m += x[xr + i] != 0 ? 1 : 0;
      }
      System.arraycopy(bias, 0, acc, 0, out);
      int k = 0;
      for (; k + 4 <= m; k += 4) {
        axpy4(
            acc,
            out,
            x[xr + nonZero[k]],
            w[nonZero[k]],
            x[xr + nonZero[k + 1]],
            w[nonZero[k + 1]],
            x[xr + nonZero[k + 2]],
            w[nonZero[k + 2]],
            x[xr + nonZero[k + 3]],
            w[nonZero[k + 3]]);
      }
      for (; k < m; k++) {
        float xi = x[xr + nonZero[k]];
        float[] wi = w[nonZero[k]];
        for (int j = 0; j < out; j++) {
          acc[j] += xi * wi[j];
        }
      }
      if (hidden) {
        for (int j = 0; j < out; j++) {
          acc[j] = Math.max(0, acc[j]);
        }
      }
      System.arraycopy(acc, 0, y, r * out, out);
    }
    return y;
  }

  /** {@code acc[j] += x0 w0[j] + x1 w1[j] + x2 w2[j] + x3 w3[j]}, added left to right. */
  private static void axpy4(
      float[] acc,
      int out,
      float x0,
      float[] w0,
      float x1,
      float[] w1,
      float x2,
      float[] w2,
      float x3,
      float[] w3) {
    for (int j = 0; j < out; j++) {
      acc[j] = (((acc[j] + x0 * w0[j]) + x1 * w1[j]) + x2 * w2[j]) + x3 * w3[j];
    }
  }

  private int maxWidth() {
    int max = 0;
    for (int size : sizes) {
      max = Math.max(max, size);
    }
    return max;
  }
}
