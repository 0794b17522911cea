package io.syndata.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.syndata.neural.VaeGan.Layer;
import java.util.ArrayList;
import java.util.List;

/**
 * The trainable arrays of encoder, decoder, discriminator and the continuous spreads, copied out at
 * the best epoch and rebuilt from such a copy when training diverges (fresh arrays, so no
 * non-finite gradient survives).
 */
final class Weights {
  private final NDManager base;
  List<Layer> enc;
  List<Layer> dec;
  List<Layer> dis;
  NDArray logSigma;

  Weights(NDManager base, List<Layer> enc, List<Layer> dec, List<Layer> dis, NDArray logSigma) {
    this.base = base;
    this.enc = enc;
    this.dec = dec;
    this.dis = dis;
    this.logSigma = logSigma;
    logSigma.setRequiresGradient(true);
  }

  List<NDArray> vae() {
    List<NDArray> out = new ArrayList<>();
    enc.forEach(a -> List.of(a.w(), a.b()).forEach(out::add));
    dec.forEach(a -> List.of(a.w(), a.b()).forEach(out::add));
    out.add(logSigma);
    return out;
  }

  List<NDArray> discriminator() {
    List<NDArray> out = new ArrayList<>();
    dis.forEach(a -> List.of(a.w(), a.b()).forEach(out::add));
    return out;
  }

  private List<NDArray> all() {
    List<NDArray> out = vae();
    out.addAll(discriminator());
    return out;
  }

  float[][] copy() {
    List<NDArray> all = all();
    float[][] out = new float[all.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = all.get(i).toFloatArray();
    }
    return out;
  }

  void restore(float[][] copy) {
    List<NDArray> old = all();
    enc = rebuilt(enc, copy, 0);
    dec = rebuilt(dec, copy, 2 * enc.size());
    logSigma = fresh(copy[2 * (enc.size() + dec.size())], logSigma.getShape());
    dis = rebuilt(dis, copy, 2 * (enc.size() + dec.size()) + 1);
    old.forEach(NDArray::close);
  }

  private List<Layer> rebuilt(List<Layer> layers, float[][] copy, int from) {
    List<Layer> out = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      Layer a = layers.get(i);
      out.add(
          new Layer(
              fresh(copy[from + 2 * i], a.w().getShape()),
              fresh(copy[from + 2 * i + 1], a.b().getShape())));
    }
    return out;
  }

  private NDArray fresh(float[] data, Shape shape) {
    NDArray a = VaeGan.aligned(base, data, shape);
    a.setRequiresGradient(true);
    return a;
  }
}
