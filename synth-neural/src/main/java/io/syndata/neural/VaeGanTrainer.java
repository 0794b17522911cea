package io.syndata.neural;

import io.syndata.model.FitOptions;
import io.syndata.model.ModelTrainer;
import io.syndata.model.TableModel;
import io.syndata.model.TableModelCodec;
import io.syndata.model.fit.TrainingTable;
import io.syndata.schema.Table;

/**
 * The {@code vaegan} model kind: per table a conditional variational autoencoder whose decoder a
 * GAN discriminator sharpens, over the same column encodings and marginals as the statistical kind,
 * conditioned on the parent row's attributes for child tables; child counts are decoded from the
 * same row vector. Knobs come from {@link FitOptions#modelOptions()} ({@link NeuralOptions}).
 * Trained with DJL on PyTorch (offline; CPU or GPU), sampled in Java. See {@code docs/neural.md}.
 */
public final class VaeGanTrainer implements ModelTrainer {
  public static final String KIND = "vaegan";

  @Override
  public String kind() {
    return KIND;
  }

  /**
   * A contender of {@code --model auto}, never its default: auto fits it beside the copula on the
   * tables with enough rows and keeps it where it scores better on held-out rows (docs/neural.md).
   */
  @Override
  public double suitability(Table table, long rows) {
    return 0;
  }

  @Override
  public TableModel fit(TrainingTable data, FitOptions options) {
    long seed = options.seed() * 0x9E3779B97F4A7C15L + data.table().name().hashCode();
    return NeuralFit.fit(data, NeuralOptions.of(options.modelOptions()), seed);
  }

  @Override
  public TableModelCodec codec() {
    return NeuralCodec.INSTANCE;
  }
}
