package io.syndata.neural;

import io.syndata.model.FitOptions;
import io.syndata.schema.SynthException;
import java.util.Locale;
import java.util.Map;

/**
 * The knobs of the {@code vaegan} kind, read from {@link FitOptions#modelOptions()} (CLI {@code
 * --model-option name=value} and {@code --device}); every one has a default that works without
 * tuning.
 *
 * @param epochs most passes over the training rows (early stopping usually ends sooner)
 * @param steps most optimisation steps (batches) in all: on a large table this, not {@code epochs},
 *     bounds the training time (a million rows get 12 epochs by default)
 * @param batchSize rows per optimisation step
 * @param width units of each hidden layer of encoder, decoder and discriminator
 * @param latent dimensions of the latent code z
 * @param learningRate Adam's step size
 * @param patience epochs without a better validation loss before training stops
 * @param reconstructionWeight weight of the reconstruction against the KL term (TVAE's loss factor
 *     is 2); higher keeps more dependence between columns, at the cost of a latent space the prior
 *     covers less evenly
 * @param adversarialWeight weight of the discriminator's loss in the decoder's objective (0 turns
 *     the model into a plain conditional VAE)
 * @param device where training runs
 * @param threads PyTorch's intra-op threads; results are reproducible for a given seed and count
 * @param encoding how continuous columns enter the network; mode-specific by default, which beat
 *     the quantile transform on adult (docs/benchmarks.md)
 */
public record NeuralOptions(
    int epochs,
    int steps,
    int batchSize,
    int width,
    int latent,
    double learningRate,
    int patience,
    double reconstructionWeight,
    double adversarialWeight,
    Device device,
    int threads,
    Encoding encoding) {

  /** How continuous columns enter the network (docs/neural.md, encoding). */
  public enum Encoding {
    /** The quantile transform to a standard normal: one slot. */
    QUANTILE,
    /** CTGAN's mode-specific normalisation: a one-hot of the mode and the offset within it. */
    MODE
  }

  /** Where training runs. */
  public enum Device {
    CPU,
    GPU,
    /** The GPU when PyTorch sees one, else the CPU. */
    AUTO
  }

  public NeuralOptions {
    positive("epochs", epochs);
    positive("steps", steps);
    positive("batch-size", batchSize);
    positive("width", width);
    positive("latent", latent);
    positive("patience", patience);
    positive("threads", threads);
    java.util.Objects.requireNonNull(encoding, "encoding");
    if (!(learningRate > 0 && learningRate < 1)) {
      throw new SynthException("model option learning-rate must be in (0, 1), was " + learningRate);
    }
    if (!(reconstructionWeight > 0 && reconstructionWeight <= 100)) {
      throw new SynthException(
          "model option reconstruction-weight must be in (0, 100], was " + reconstructionWeight);
    }
    if (!(adversarialWeight >= 0 && adversarialWeight <= 10)) {
      throw new SynthException(
          "model option adversarial-weight must be in [0, 10], was " + adversarialWeight);
    }
  }

  /**
   * Optimisation steps by default: more than adult's 300 epochs need (it stops early, near 190),
   * and 12 epochs of a million rows, which train in about 10 minutes on one core of this CPU
   * (docs/benchmarks.md).
   */
  public static final int DEFAULT_STEPS = 24_000;

  /** The defaults. */
  public static NeuralOptions defaults() {
    return new NeuralOptions(
        300, DEFAULT_STEPS, 500, 128, 32, 2e-3, 20, 4, 0.1, Device.AUTO, 1, Encoding.MODE);
  }

  /** The defaults overridden by the given settings; names other kinds know are ignored. */
  public static NeuralOptions of(Map<String, String> options) {
    NeuralOptions d = defaults();
    return new NeuralOptions(
        integer(options, "epochs", d.epochs),
        integer(options, "steps", d.steps),
        integer(options, "batch-size", d.batchSize),
        integer(options, "width", d.width),
        integer(options, "latent", d.latent),
        number(options, "learning-rate", d.learningRate),
        integer(options, "patience", d.patience),
        number(options, "reconstruction-weight", d.reconstructionWeight),
        number(options, "adversarial-weight", d.adversarialWeight),
        device(options.getOrDefault("device", d.device.name())),
        integer(options, "threads", d.threads),
        encoding(options.getOrDefault("encoding", d.encoding.name())));
  }

  static Encoding encoding(String value) {
    try {
      return Encoding.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SynthException("model option encoding must be quantile or mode, was " + value);
    }
  }

  static Device device(String value) {
    try {
      return Device.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SynthException("--device must be cpu, gpu or auto, was " + value);
    }
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new SynthException("model option " + name + " must be at least 1, was " + value);
    }
  }

  private static int integer(Map<String, String> options, String name, int fallback) {
    String v = options.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new SynthException("model option " + name + " must be a whole number, was " + v);
    }
  }

  private static double number(Map<String, String> options, String name, double fallback) {
    String v = options.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new SynthException("model option " + name + " must be a number, was " + v);
    }
  }
}
