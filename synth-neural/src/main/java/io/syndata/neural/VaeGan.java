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

  /** At most this many rows are held out: enough for a stable loss, cheap on large tables. */
  static final int MAX_VALIDATION = 10_000;

  /** Temperature of the Gumbel-softmax that makes the fake rows' one-hot groups differentiable. */
  static final float TAU = 0.2f;

  static final float MIN_LOG_SIGMA = (float) Math.log(0.01);
  static final float LEAK = 0.2f;

  /** The trained decoder and continuous slots' spreads, and how training went. */
  record Result(
      Mlp decoder,
      double[] sigma,
      int epochs,
      double validationLoss,
      int restarts,
      double seconds,
      long rows) {}

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
  record Layer(NDArray w, NDArray b) {}

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
    int validation =
        n >= 20 ? Math.min(MAX_VALIDATION, Math.max(1, (int) Math.round(n * VALIDATION))) : 0;
    int[] valRows = java.util.Arrays.copyOfRange(order, 0, validation);
    int[] trainRows = java.util.Arrays.copyOfRange(order, validation, n);
    try (NDManager base = engine.newBaseManager(device)) {
      Weights weights =
          new Weights(
              base,
              layers(base, new int[] {d + c, h, h, 2 * l}, random.split()),
              layers(base, new int[] {l + c, h, h, d}, random.split()),
              layers(base, new int[] {d + c, h, h, 1}, random.split()),
              base.full(new Shape(1, d), (float) Math.log(0.1)));
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
      float reconstructionWeight = (float) options.reconstructionWeight();
      double learningRate = options.learningRate();
      Optimizer adamVae = adam(learningRate);
      Optimizer adamDis = adam(learningRate);

      double best = Double.POSITIVE_INFINITY;
      float[][] bestWeights = weights.copy();
      int bestEpoch = 0;
      int sinceBest = 0;
      int restarts = 0;
      int epoch = 0;
      int batch = Math.min(options.batchSize(), Math.max(1, trainRows.length));
      int epochs = epochs(trainRows.length, batch, options);
      if (epochs < options.epochs()) {
        LOG.info(
            "vaegan {}: {} epochs of {} rows make the {} steps allowed (model option steps)",
            table,
            epochs,
            trainRows.length,
            options.steps());
      }
      for (epoch = 1; epoch <= epochs; epoch++) {
        long t0 = System.nanoTime();
        VaeGanNet net =
            new VaeGanNet(
                weights.enc,
                weights.dec,
                weights.dis,
                weights.logSigma,
                contMask,
                softMask,
                groups,
                reconstructionWeight);
        shuffle(trainRows, random);
        double vaeSum = 0;
        double disSum = 0;
        int steps = 0;
        String diverged = null;
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
                batchStep(engine, net, xb, cb, eps, prior, gumbel, adamDis, adamVae, weights);
            if (losses == null) {
              diverged = "a batch failed its check: " + lastLosses;
              break;
            }
            disSum += losses[0];
            vaeSum += losses[1];
          }
          steps++;
        }
        double val =
            diverged != null
                ? Double.NaN
                : validation == 0
                    ? vaeSum / Math.max(1, steps)
                    : validate(base, net, x, ctx, valRows, batch);
        if (diverged == null && !(Math.abs(val) < MAX_LOSS)) {
          diverged = "the validation loss was " + val;
        } else if (diverged == null && jumped(val, best)) {
          diverged =
              String.format(
                  java.util.Locale.ROOT, "the validation loss jumped to %.4g from %.4g", val, best);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (diverged == null && best - val > 1e-4 * Math.abs(val)) {
          best = val;
          bestWeights = weights.copy();
          bestEpoch = epoch;
          sinceBest = 0;
        } else {
          sinceBest++;
        }
        logEpoch(
            epoch,
            epochs,
            vaeSum / Math.max(1, steps),
            disSum / Math.max(1, steps),
            val,
            sinceBest == 0,
            trainRows.length / Math.max(seconds, 1e-9),
            seconds * (epochs - epoch));
        if (diverged != null) {
          if (restarts == MAX_RESTARTS) {
            LOG.warn(
                "vaegan {}: training diverged at epoch {} ({}) after {} restarts; keeping epoch"
                    + " {}'s decoder",
                table,
                epoch,
                diverged,
                restarts,
                bestEpoch);
            break;
          }
          restarts++;
          learningRate /= 2;
          LOG.warn(
              "vaegan {}: training diverged at epoch {} ({}); back to epoch {}'s weights with"
                  + " Adam restarted at half the learning rate, {}",
              table,
              epoch,
              diverged,
              bestEpoch,
              learningRate);
          weights.restore(bestWeights);
          adamVae = adam(learningRate);
          adamDis = adam(learningRate);
          sinceBest = 0;
          continue;
        }
        if (sinceBest >= options.patience()) {
          break;
        }
      }
      weights.restore(bestWeights);
      Mlp bestDecoder = toMlp(weights.dec, l + c);
      float[] bestSigma = weights.logSigma.toFloatArray();
      double[] sigma = new double[d];
      for (int i = 0; i < d; i++) {
        float ls = Math.max(MIN_LOG_SIGMA, Math.min(0, bestSigma[i]));
        sigma[i] = row.continuous[i] ? Math.exp(ls) : 0;
      }
      return new Result(
          bestDecoder,
          sigma,
          Math.min(epoch, epochs),
          best,
          restarts,
          (System.nanoTime() - started) / 1e9,
          trainRows.length);
    }
  }

  /**
   * A batch loss beyond this (or not finite) counts as divergence: the losses here are tens per
   * row, so this is many orders of magnitude past any healthy step.
   */
  static final double MAX_LOSS = 1e6;

  /**
   * Whether a validation loss is so far above the best that the weights left the region training
   * had found (a finite blow-up: on adult with the mode encoding the loss went from −27 to +189 in
   * one epoch and training started over). Normal epoch-to-epoch noise there is a few units to a
   * quarter of the loss; this needs twice its size, and at least 25.
   */
  static boolean jumped(double validation, double best) {
    return validation > best + Math.max(25, 2 * Math.abs(best));
  }

  /** Returns to the best epoch's weights at most this many times before giving up. */
  static final int MAX_RESTARTS = 4;

  /** The last batch's losses, for the divergence message. */
  private String lastLosses = "";

  /**
   * One discriminator step, then one encoder and decoder step, on a batch.
   *
   * @return the discriminator's loss (0 without one) and the encoder and decoder's
   */
  private double[] batchStep(
      Engine engine,
      VaeGanNet net,
      NDArray xb,
      NDArray cb,
      NDArray eps,
      NDArray prior,
      NDArray gumbel,
      Optimizer adamDis,
      Optimizer adamVae,
      Weights weights) {
    double disLoss = 0;
    double vaeLoss;
    List<NDArray> disParams = weights.discriminator();
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
      String bad = nonFinite(disParams, "discriminator", xb.getManager());
      if (!(Math.abs(disLoss) < MAX_LOSS) || bad != null) {
        lastLosses = "discriminator " + disLoss + (bad == null ? "" : ", " + bad);
        return null;
      }
      step(adamDis, "d", disParams);
    }
    try (GradientCollector gc = engine.newGradientCollector()) {
      NDArray[] parts = net.vaeLoss(xb, cb, eps);
      NDArray loss = parts[0];
      long b = xb.getShape().get(0);
      NDArray adversarial = null;
      if (options.adversarialWeight() > 0) {
        NDArray fake = net.fake(prior, cb, gumbel);
        adversarial = Activation.softPlus(net.discriminate(fake, cb).neg()).mean();
        loss =
            loss.add(adversarial.mul(scalar(xb.getManager(), (float) options.adversarialWeight())));
      }
      gc.backward(loss);
      vaeLoss = loss.getFloat();
      String bad = nonFinite(weights.vae(), "encoder and decoder", xb.getManager());
      if (!(Math.abs(vaeLoss) < MAX_LOSS) || bad != null) {
        lastLosses =
            String.format(
                java.util.Locale.ROOT,
                "encoder and decoder %.4g (reconstruction %.4g, KL %.4g, adversarial %.4g),"
                    + " discriminator %.4g%s",
                vaeLoss,
                parts[1].getFloat() / b,
                parts[2].getFloat() / b,
                adversarial == null ? 0 : adversarial.getFloat(),
                disLoss,
                bad == null ? "" : ", " + bad);
        return null;
      }
    }
    step(adamVae, "v", weights.vae());
    if (options.adversarialWeight() > 0) {
      // The adversarial term reached the discriminator too; its step starts from zero.
      zero(disParams);
    }
    return new double[] {disLoss, vaeLoss};
  }

  /**
   * Null when every gradient of {@code params} is finite (one reduction, one read), else which
   * array's is not: Adam would turn it into non-finite weights.
   */
  private static String nonFinite(List<NDArray> params, String network, NDManager batch) {
    NDArray[] norms = new NDArray[params.size()];
    NDArray total = null;
    for (int i = 0; i < norms.length; i++) {
      NDArray g = params.get(i).getGradient();
      g.attach(batch); // closed with the batch, as is what is computed from it
      norms[i] = g.square().sum();
      total = total == null ? norms[i] : total.add(norms[i]);
    }
    if (total == null || Float.isFinite(total.getFloat())) {
      return null;
    }
    for (int i = 0; i < norms.length; i++) {
      if (!Float.isFinite(norms[i].getFloat())) {
        return "a non-finite gradient of the " + network + "'s array " + i;
      }
    }
    return "a non-finite gradient norm of the " + network;
  }

  /**
   * The most epochs: {@code epochs}, or fewer when they would pass the {@code steps} allowed (at
   * least one).
   */
  static int epochs(int trainRows, int batch, NeuralOptions options) {
    long perEpoch = Math.max(1, trainRows / batch);
    long withinSteps = Math.max(1, options.steps() / perEpoch);
    return (int) Math.min(options.epochs(), withinSteps);
  }

  private void logEpoch(
      int epoch,
      int epochs,
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
            epochs,
            loss,
            discriminator,
            validation,
            best ? " (best)" : "",
            rowsPerSecond,
            secondsLeft));
  }

  /** Reconstruction + KL of the held-out rows at the posterior mean, per row. */
  private double validate(
      NDManager base, VaeGanNet net, float[] x, float[] ctx, int[] rows, int batch) {
    double sum = 0;
    int d = row.width;
    int c = contextWidth;
    for (int start = 0; start < rows.length; start += batch) {
      int b = Math.min(batch, rows.length - start);
      try (NDManager m = base.newSubManager()) {
        NDArray xb = aligned(m, gather(x, d, rows, start, b), new Shape(b, d));
        NDArray cb = c == 0 ? null : aligned(m, gather(ctx, c, rows, start, b), new Shape(b, c));
        NDArray zeros = m.zeros(new Shape(b, options.latent()));
        NDArray[] parts = net.vaeLoss(xb, cb, zeros);
        sum += parts[0].getFloat() * b;
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

  /**
   * A scalar in PyTorch's own memory, for arithmetic inside the autograd graph. DJL's {@code
   * mul(Number)}, {@code div(Number)} and the like wrap the number in a direct Java buffer without
   * copying and close it after the operation, but autograd keeps that tensor for the backward pass:
   * once a garbage collection frees the buffer and the memory is reused, the gradient reads garbage
   * (10¹⁸-sized encoder gradients, or NaN). That was what made long trainings diverge at random and
   * part across processes ({@code ScalarLifetimeTest}).
   */
  static NDArray scalar(NDManager manager, Number value) {
    try (NDArray wrapped = manager.create(value)) {
      return wrapped.duplicate();
    }
  }

  private static Optimizer adam(double learningRate) {
    Adam.Builder builder = Optimizer.adam();
    builder.optLearningRateTracker(Tracker.fixed((float) learningRate));
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
