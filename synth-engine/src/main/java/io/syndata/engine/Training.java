package io.syndata.engine;

import io.syndata.data.Progress;
import io.syndata.data.Source;
import io.syndata.model.FitOptions;
import io.syndata.model.FittedModel;
import io.syndata.model.ModelFile;
import io.syndata.model.ModelProvenance;
import io.syndata.model.SynthModel;
import java.nio.file.Path;

/**
 * Train once, generate many times: fits a model of a source and saves it as a model file ({@link
 * ModelFile}), and loads such a file for generation without the source.
 *
 * <pre>{@code
 * ModelProvenance p = Training.train(SourceSpec.of(url), FitOptions.defaults(42),
 *     Path.of("shop.synth"), Progress.NONE);
 * FittedModel model = Training.load(Path.of("shop.synth"));
 * }</pre>
 */
public final class Training {
  private Training() {}

  /**
   * Introspects the source (or reads the spec's schema file), fits a model with the options and
   * writes it to {@code out}, replacing it atomically. The source is only read.
   *
   * @return how the saved model was made
   */
  public static ModelProvenance train(
      SourceSpec source, FitOptions options, Path out, Progress progress) {
    SynthModel model;
    try (Source s = SynData.openSource(source)) {
      model = SynData.learn(source, s, options, progress);
    }
    ModelFile.write(model, out);
    return model.provenance();
  }

  /**
   * Fits a model of a source opened elsewhere — through another engine ({@link
   * GenerationEngine#openSource}) — as {@link #train(SourceSpec, FitOptions, Path, Progress)} does
   * with the spec's tables, schema file and choices. The source is not closed.
   *
   * @return how the saved model was made
   */
  public static ModelProvenance train(
      SourceSpec spec, Source source, FitOptions options, Path out, Progress progress) {
    SynthModel model = SynData.learn(spec, source, options, progress);
    ModelFile.write(model, out);
    return model.provenance();
  }

  /**
   * Reads a model file.
   *
   * @throws io.syndata.schema.SynthException naming the file when it is not a model file, is
   *     damaged, has another format version or needs a model kind that is not installed
   */
  public static FittedModel load(Path file) {
    return ModelFile.read(file);
  }

  /**
   * What a model file says about itself — provenance, schema, kinds and sizes — without loading its
   * table models, so also when a kind it needs is not installed.
   */
  public static ModelFile.Contents describe(Path file) {
    return ModelFile.describe(file);
  }
}
