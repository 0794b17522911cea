package io.syndata.neural;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a conditional VAE-GAN on encoded rows with DJL: the encoder q(z | row, context) and the
 * decoder p(row | z, context) minimise reconstruction (Gaussian for continuous slots with a learned
 * spread, cross-entropy for one-hot groups) plus the KL divergence to a standard normal prior, plus
 * the weighted adversarial loss of the decoder's rows from prior draws against a discriminator
 * D(row, context) trained alongside. Adam, a held-out validation share with early stopping on its
 * reconstruction + KL loss, and every batch's arrays in a child {@link NDManager} closed after the
 * step. All noise comes from a {@link SplittableRandom} seeded by the fit, so a CPU run is
 * reproducible for a seed and thread count.
 */
final class VaeGan {
  private static final Logger LOG = LoggerFactory.getLogger(VaeGan.class);

  /** Share of rows held out for validation and early stopping. */
  static final double VALIDATION = 0.1;

  /** Temperature of the Gumbel-softmax that makes the fake rows' one-hot groups differentiable. */
  static final float TAU = 0.2f;

  static final float MIN_LOG_SIGMA = (float) Math.log(0.01);
  static final float LEAK = 0.2f;

  /** The trained decoder and continuous slots' spreads, and how training went. */
  record Result(
      Mlp decoder, double[] sigma, int epochs, double validationLoss, double seconds, long rows) {}

  private final RowCode row;
  private final int contextWidth;
  private final NeuralOptions options;
  private final String table;

  VaeGan(RowCode row, int contextWidth, NeuralOptions options, String table) {
    this.row = row;
    this.contextWidth = contextWidth;
    this.options = options;
    this.table = table;
  }

  /** A layer's weights and bias on the device. */
  private record Layer(NDArray w, NDArray b) {}

  /**
   * Trains on {@code n} rows: {@code x} row-major with {@link RowCode#width} slots, {@code ctx}
   * with {@code contextWidth} (empty when 0).
   */
  Result train(float[] x, float[] ctx, int n, long seed) {
    long started = System.nanoTime();
    Engine engine = Torch.engine(options.threads());
    Device device = Torch.device(engine, options.device());
    engine.setRandomSeed((int) seed);
    SplittableRandom random = new SplittableRandom(seed);
    int d = row.width;
    int c = contextWidth;
    int l = options.latent();
    int h = options.width();
    int[] order = permutation(n, random.split());
    int validation = n >= 20 ? Math.max(1, (int) Math.round(n * VALIDATION)) : 0;
    int[] valRows = java.util.Arrays.copyOfRange(order, 0, validation);
    int[] trainRows = java.util.Arrays.copyOfRange(order, validation, n);
    try (NDManager base = engine.newBaseManager(device)) {
      List<Layer> enc = layers(base, new int[] {d + c, h, h, 2 * l}, random.split());
      List<Layer> dec = layers(base, new int[] {l + c, h, h, d}, random.split());
      List<Layer> dis = layers(base, new int[] {d + c, h, h, 1}, random.split());
      NDArray logSigma = base.full(new Shape(1, d), (float) Math.log(0.1));
      logSigma.setRequiresGradient(true);
      List<NDArray> vae = new ArrayList<>();
      enc.forEach(a -> List.of(a.w, a.b).forEach(vae::add));
      dec.forEach(a -> List.of(a.w, a.b).forEach(vae::add));
      vae.add(logSigma);
      List<NDArray> disParams = new ArrayList<>();
      dis.forEach(a -> List.of(a.w, a.b).forEach(disParams::add));
      Optimizer adamVae = adam();
      Optimizer adamDis = adam();
      float[] cont = new float[d];
      for (int i = 0; i < d; i++) {
        cont[i] = row.continuous[i] ? 1 : 0;
      }
      float[] groupOf = new float[d * Math.max(1, row.groups.size())];
      for (int g = 0; g < row.groups.size(); g++) {
        int[] span = row.groups.get(g);
        for (int i = span[0]; i < span[0] + span[1]; i++) {
          groupOf[i * row.groups.size() + g] = 1;
        }
      }
      NDArray contMask = aligned(base, cont, new Shape(1, d));
      NDArray softMask = contMask.neg().add(1);
      // Slot-to-group incidence: logsumexp and softmax of every group at once by two products.
      NDArray groups =
          row.groups.isEmpty() ? null : aligned(base, groupOf, new Shape(d, row.groups.size()));
      Net net =
          new Net(
              enc,
              dec,
              dis,
              logSigma,
              contMask,
              softMask,
              groups,
              (float) options.reconstructionWeight());

      double best = Double.POSITIVE_INFINITY;
      Mlp bestDecoder = toMlp(dec, l + c);
      float[] bestSigma = logSigma.toFloatArray();
      int sinceBest = 0;
      int epoch = 0;
      int batch = Math.min(options.batchSize(), Math.max(1, trainRows.length));
      for (epoch = 1; epoch <= options.epochs(); epoch++) {
        long t0 = System.nanoTime();
        shuffle(trainRows, random);
        double vaeSum = 0;
        double disSum = 0;
        int steps = 0;
        for (int start = 0; start + batch <= trainRows.length || start == 0; start += batch) {
          int b = Math.min(batch, trainRows.length - start);
          if (b <= 0) {
            break;
          }
          try (NDManager m = base.newSubManager()) {
            NDArray xb = aligned(m, gather(x, d, trainRows, start, b), new Shape(b, d));
            NDArray cb =
                c == 0 ? null : aligned(m, gather(ctx, c, trainRows, start, b), new Shape(b, c));
            NDArray eps = aligned(m, normals(b * l, random), new Shape(b, l));
            NDArray prior = aligned(m, normals(b * l, random), new Shape(b, l));
            NDArray gumbel = aligned(m, gumbels(b * d, random), new Shape(b, d));
            double[] losses =
                batchStep(
                    engine, net, xb, cb, eps, prior, gumbel, adamDis, disParams, adamVae, vae);
            disSum += losses[0];
            vaeSum += losses[1];
          }
          steps++;
        }
        double val =
            validation == 0
                ? vaeSum / Math.max(1, steps)
                : validate(base, net, x, ctx, valRows, batch);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (best - val > 1e-4 * Math.abs(val)) {
          best = val;
          bestDecoder = toMlp(dec, l + c);
          bestSigma = logSigma.toFloatArray();
          sinceBest = 0;
        } else {
          sinceBest++;
        }
        logEpoch(
            epoch,
            vaeSum / Math.max(1, steps),
            disSum / Math.max(1, steps),
            val,
            sinceBest == 0,
            trainRows.length / Math.max(seconds, 1e-9),
            seconds * (options.epochs() - epoch));
        if (Double.isNaN(val) || Double.isNaN(vaeSum)) {
          LOG.warn(
              "vaegan {}: training diverged at epoch {}; keeping the best epoch's decoder",
              table,
              epoch);
          break;
        }
        if (sinceBest >= options.patience()) {
          break;
        }
      }
      double[] sigma = new double[d];
      for (int i = 0; i < d; i++) {
        float ls = Math.max(MIN_LOG_SIGMA, Math.min(0, bestSigma[i]));
        sigma[i] = row.continuous[i] ? Math.exp(ls) : 0;
      }
      return new Result(
          bestDecoder,
          sigma,
          Math.min(epoch, options.epochs()),
          best,
          (System.nanoTime() - started) / 1e9,
          trainRows.length);
    }
  }

  /**
   * One discriminator step, then one encoder and decoder step, on a batch.
   *
   * @return the discriminator's loss (0 without one) and the encoder and decoder's
   */
  private double[] batchStep(
      Engine engine,
      Net net,
      NDArray xb,
      NDArray cb,
      NDArray eps,
      NDArray prior,
      NDArray gumbel,
      Optimizer adamDis,
      List<NDArray> disParams,
      Optimizer adamVae,
      List<NDArray> vae) {
    double disLoss = 0;
    double vaeLoss;
    if (options.adversarialWeight() > 0) {
      try (GradientCollector gc = engine.newGradientCollector()) {
        NDArray fake = net.fake(prior, cb, gumbel).stopGradient();
        NDArray loss =
            Activation.softPlus(net.discriminate(xb, cb).neg())
                .mean()
                .add(Activation.softPlus(net.discriminate(fake, cb)).mean());
        gc.backward(loss);
        disLoss = loss.getFloat();
      }
      step(adamDis, "d", disParams);
    }
    try (GradientCollector gc = engine.newGradientCollector()) {
      NDArray loss = net.vaeLoss(xb, cb, eps);
      if (options.adversarialWeight() > 0) {
        NDArray fake = net.fake(prior, cb, gumbel);
        NDArray adversarial = Activation.softPlus(net.discriminate(fake, cb).neg()).mean();
        loss = loss.add(adversarial.mul((float) options.adversarialWeight()));
      }
      gc.backward(loss);
      vaeLoss = loss.getFloat();
    }
    step(adamVae, "v", vae);
    if (options.adversarialWeight() > 0) {
      // The adversarial term reached the discriminator too; its step starts from zero.
      zero(disParams);
    }
    return new double[] {disLoss, vaeLoss};
  }

  private void logEpoch(
      int epoch,
      double loss,
      double discriminator,
      double validation,
      boolean best,
      double rowsPerSecond,
      double secondsLeft) {
    LOG.info(
        String.format(
            java.util.Locale.ROOT,
            "vaegan %s epoch %d/%d: loss %.4f, discriminator %.4f, validation %.4f%s,"
                + " %.0f rows/s, at most %.0f s left",
            table,
            epoch,
            options.epochs(),
            loss,
            discriminator,
            validation,
            best ? " (best)" : "",
            rowsPerSecond,
            secondsLeft));
  }

  /** The networks and the masks their losses need, on the device. */
  private record Net(
      List<Layer> enc,
      List<Layer> dec,
      List<Layer> dis,
      NDArray logSigma,
      NDArray contMask,
      NDArray softMask,
      NDArray groups,
      float reconstructionWeight) {

    NDArray decode(NDArray z, NDArray c) {
      return forward(dec, join(z, c), false);
    }

    NDArray discriminate(NDArray rowVector, NDArray c) {
      return forward(dis, join(rowVector, c), true);
    }

    /** Rows from prior draws: continuous slots as decoded, one-hot groups as Gumbel-softmax. */
    NDArray fake(NDArray prior, NDArray c, NDArray gumbel) {
      NDArray out = decode(prior, c);
      if (groups == null) {
        return out;
      }
      NDArray e = out.add(gumbel).div(TAU).clip(-30, 30).exp().mul(softMask);
      NDArray sums = e.matMul(groups).matMul(groups.transpose()).add(contMask);
      return out.mul(contMask).add(e.div(sums));
    }

    /** Reconstruction and KL of a batch, averaged over its rows. */
    NDArray vaeLoss(NDArray x, NDArray c, NDArray eps) {
      long b = x.getShape().get(0);
      int l = (int) (eps.getShape().get(1));
      NDArray stats = forward(enc, join(x, c), false);
      NDArray mu = stats.get(":, 0:" + l);
      NDArray logVar = stats.get(":, " + l + ":").clip(-10, 10);
      NDArray z = mu.add(logVar.mul(0.5f).exp().mul(eps));
      NDArray out = decode(z, c);
      return reconstruction(x, out).mul(reconstructionWeight).add(kl(mu, logVar)).div(b);
    }

    NDArray kl(NDArray mu, NDArray logVar) {
      return logVar.add(1).sub(mu.square()).sub(logVar.exp()).sum().mul(-0.5f);
    }

    /** Summed over the batch: Gaussian negative log-likelihood, then one-hot cross-entropy. */
    NDArray reconstruction(NDArray x, NDArray out) {
      NDArray ls = logSigma.clip(MIN_LOG_SIGMA, 0);
      NDArray gaussian =
          x.sub(out).square().div(ls.mul(2).exp().mul(2)).add(ls).mul(contMask).sum();
      if (groups == null) {
        return gaussian;
      }
      NDArray logits = out.clip(-30, 30);
      NDArray logSumExp = logits.exp().mul(softMask).matMul(groups).log().sum();
      NDArray picked = logits.mul(x).mul(softMask).sum();
      return gaussian.add(logSumExp).sub(picked);
    }

    static NDArray join(NDArray a, NDArray c) {
      return c == null ? a : a.concat(c, 1);
    }

    static NDArray forward(List<Layer> layers, NDArray x, boolean leaky) {
      NDArray y = x;
      for (int i = 0; i < layers.size(); i++) {
        y = y.matMul(layers.get(i).w).add(layers.get(i).b);
        if (i < layers.size() - 1) {
          y = leaky ? Activation.leakyRelu(y, LEAK) : Activation.relu(y);
        }
      }
      return y;
    }
  }

  /** Reconstruction + KL of the held-out rows at the posterior mean, per row. */
  private double validate(NDManager base, Net net, float[] x, float[] ctx, int[] rows, int batch) {
    double sum = 0;
    int d = row.width;
    int c = contextWidth;
    for (int start = 0; start < rows.length; start += batch) {
      int b = Math.min(batch, rows.length - start);
      try (NDManager m = base.newSubManager()) {
        NDArray xb = aligned(m, gather(x, d, rows, start, b), new Shape(b, d));
        NDArray cb = c == 0 ? null : aligned(m, gather(ctx, c, rows, start, b), new Shape(b, c));
        NDArray zeros = m.zeros(new Shape(b, options.latent()));
        sum += net.vaeLoss(xb, cb, zeros).getFloat() * b;
      }
    }
    return sum / rows.length;
  }

  /**
   * A PyTorch-owned copy of {@code data}. DJL wraps a Java buffer in place, at whatever address the
   * JVM gave it; MKL's matrix products can round differently by address, so tensors that training
   * reads are all copied into PyTorch's own 64-byte-aligned memory.
   */
  static NDArray aligned(NDManager manager, float[] data, Shape shape) {
    try (NDArray wrapped = manager.create(data, shape)) {
      return wrapped.duplicate();
    }
  }

  private Optimizer adam() {
    Adam.Builder builder = Optimizer.adam();
    builder.optLearningRateTracker(Tracker.fixed((float) options.learningRate()));
    return builder.build();
  }

  private static void step(Optimizer optimizer, String prefix, List<NDArray> params) {
    for (int i = 0; i < params.size(); i++) {
      NDArray p = params.get(i);
      try (NDArray g = p.getGradient()) {
        optimizer.update(prefix + i, p, g);
      }
    }
    zero(params);
  }

  private static void zero(List<NDArray> params) {
    for (NDArray p : params) {
      try (NDArray g = p.getGradient()) {
        g.subi(g);
      }
    }
  }

  private static List<Layer> layers(NDManager base, int[] sizes, SplittableRandom random) {
    Mlp init = Mlp.initial(sizes, random);
    List<Layer> layers = new ArrayList<>();
    for (int i = 0; i < init.layers(); i++) {
      NDArray w = aligned(base, init.weights[i], new Shape(sizes[i], sizes[i + 1]));
      NDArray b = aligned(base, init.biases[i], new Shape(1, sizes[i + 1]));
      w.setRequiresGradient(true);
      b.setRequiresGradient(true);
      layers.add(new Layer(w, b));
    }
    return layers;
  }

  private static Mlp toMlp(List<Layer> layers, int inputs) {
    int[] sizes = new int[layers.size() + 1];
    sizes[0] = inputs;
    float[][] w = new float[layers.size()][];
    float[][] b = new float[layers.size()][];
    for (int i = 0; i < layers.size(); i++) {
      sizes[i + 1] = (int) layers.get(i).b.getShape().get(1);
      w[i] = layers.get(i).w.toFloatArray();
      b[i] = layers.get(i).b.toFloatArray();
    }
    return new Mlp(sizes, w, b);
  }

  private static float[] gather(float[] data, int width, int[] rows, int start, int b) {
    float[] out = new float[b * width];
    for (int r = 0; r < b; r++) {
      System.arraycopy(data, rows[start + r] * width, out, r * width, width);
    }
    return out;
  }

  private static float[] normals(int n, SplittableRandom random) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) io.syndata.model.fit.Gaussian.next(random);
    }
    return out;
  }

  private static float[] gumbels(int n, SplittableRandom random) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      double u = Math.max(1e-12, random.nextDouble());
      out[i] = (float) -Math.log(-Math.log(u) + 1e-12);
    }
    return out;
  }

  static int[] permutation(int n, SplittableRandom random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    shuffle(p, random);
    return p;
  }

  private static void shuffle(int[] p, SplittableRandom random) {
    for (int i = p.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
  }
}
