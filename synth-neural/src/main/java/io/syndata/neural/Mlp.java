package io.syndata.neural;

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

  Mlp(int[] sizes, float[][] weights, float[][] biases) {
    this.sizes = sizes.clone();
    this.weights = weights;
    this.biases = biases;
    for (int l = 0; l < layers(); l++) {
      if (weights[l].length != sizes[l] * sizes[l + 1] || biases[l].length != sizes[l + 1]) {
        throw new IllegalArgumentException("layer " + l + " does not match sizes");
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

  /** The outputs of {@code n} rows of inputs, row-major. */
  float[] forward(float[] input, int n) {
    float[] x = input;
    for (int l = 0; l < layers(); l++) {
      int in = sizes[l];
      int out = sizes[l + 1];
      float[] w = weights[l];
      float[] b = biases[l];
      float[] y = new float[n * out];
      boolean hidden = l < layers() - 1;
      for (int r = 0; r < n; r++) {
        int yr = r * out;
        System.arraycopy(b, 0, y, yr, out);
        int xr = r * in;
        for (int i = 0; i < in; i++) {
          float xi = x[xr + i];
          if (xi == 0) {
            continue;
          }
          int wi = i * out;
          for (int j = 0; j < out; j++) {
            y[yr + j] += xi * w[wi + j];
          }
        }
        if (hidden) {
          for (int j = 0; j < out; j++) {
            y[yr + j] = Math.max(0, y[yr + j]);
          }
        }
      }
      x = y;
    }
    return x;
  }
}
