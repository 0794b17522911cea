package io.syndata.engine;

import io.syndata.model.GenerationPlan;
import io.syndata.model.ModelFile;
import io.syndata.model.ModelProvenance;
import io.syndata.model.SynthModel;
import io.syndata.model.TableModel;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.nio.file.Path;

/**
 * A fitted model in the Java API: saved to a model file, or turned into synthetic data with {@link
 * #generate()}. Closing it releases what its table models hold outside the Java heap (a neural
 * model's native tensors); a model of the statistical kind holds none.
 */
public final class Model implements AutoCloseable {
  private final SynthModel model;

  Model(SynthModel model) {
    this.model = model;
  }

  /** The fitted model itself, for the lower-level API ({@link io.syndata.model.Generator}). */
  public SynthModel synthModel() {
    return model;
  }

  public Schema schema() {
    return model.graph().schema();
  }

  public ModelProvenance provenance() {
    return model.provenance();
  }

  /** Writes the model file: schema, fitted tables and provenance, never a source row. */
  public Model save(Path file) {
    ModelFile.write(model, file);
    return this;
  }

  /** A generation from this model, with default options (scale 1, seed 42, every core). */
  public Generation generate() {
    return new Generation(model);
  }

  /** The plan of a generation with default options. */
  public GenerationPlan plan() {
    return generate().plan();
  }

  @Override
  public void close() {
    for (Table t : model.graph().generationOrder()) {
      TableModel tm = model.table(t.name());
      if (tm instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          throw new io.syndata.schema.SynthException(
              "closing the model of " + t.name() + " failed: " + e.getMessage(), e);
        }
      }
    }
  }
}
