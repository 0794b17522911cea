package io.syndata.model;

import io.syndata.schema.SynthException;
import java.util.Map;
import java.util.TreeMap;

/**
 * How to fit.
 *
 * @param seed seeds every random choice of the fit (sampling of large tables)
 * @param orphans what to do with source rows whose foreign key has no parent
 * @param maxFitRows tables with more rows are fitted on a deterministic sample of this many rows
 * @param model the model kind of every table ({@link ModelKinds#AUTO} lets each kind's {@link
 *     ModelTrainer#suitability} choose per table); a table's {@code model} in the schema file wins
 * @param modelOptions settings of model kinds by name ({@code epochs}, {@code device}, …); each
 *     kind reads and checks the ones it knows (see its documentation) and ignores the others
 * @param minCount k: a source value — a category of a domain column, an address combination, a word
 *     or word pair of free text — is reproduced only when at least this many source rows hold it,
 *     so that nothing that could single a person out is copied ({@code --min-count})
 */
public record FitOptions(
    long seed,
    OrphanPolicy orphans,
    int maxFitRows,
    String model,
    Map<String, String> modelOptions,
    int minCount) {
  public static final int DEFAULT_MAX_FIT_ROWS = 1_000_000;

  /** The default k of {@link #minCount}. */
  public static final int DEFAULT_MIN_COUNT = 5;

  public FitOptions {
    if (orphans == null) {
      throw new SynthException("orphan policy must be one of fail, drop, null");
    }
    if (maxFitRows < 1_000) {
      throw new SynthException("maxFitRows must be at least 1000, was " + maxFitRows);
    }
    if (minCount < 1) {
      throw new SynthException("--min-count must be at least 1, was " + minCount);
    }
    model = model == null ? ModelKinds.AUTO : model;
    ModelKinds.check(model, "--model");
    modelOptions =
        modelOptions == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(modelOptions));
  }

  /** Options with the default {@link #minCount}. */
  public FitOptions(
      long seed,
      OrphanPolicy orphans,
      int maxFitRows,
      String model,
      Map<String, String> modelOptions) {
    this(seed, orphans, maxFitRows, model, modelOptions, DEFAULT_MIN_COUNT);
  }

  /** Options without settings for the model kinds. */
  public FitOptions(long seed, OrphanPolicy orphans, int maxFitRows, String model) {
    this(seed, orphans, maxFitRows, model, Map.of());
  }

  /** Options with the model kind chosen per table ({@link ModelKinds#AUTO}). */
  public FitOptions(long seed, OrphanPolicy orphans, int maxFitRows) {
    this(seed, orphans, maxFitRows, ModelKinds.AUTO);
  }

  public static FitOptions defaults(long seed) {
    return new FitOptions(seed, OrphanPolicy.FAIL, DEFAULT_MAX_FIT_ROWS);
  }

  public FitOptions withModel(String kind) {
    return new FitOptions(seed, orphans, maxFitRows, kind, modelOptions, minCount);
  }

  /** These options with the model kinds' settings replaced. */
  public FitOptions withModelOptions(Map<String, String> options) {
    return new FitOptions(seed, orphans, maxFitRows, model, options, minCount);
  }

  /** These options with another {@link #minCount}. */
  public FitOptions withMinCount(int k) {
    return new FitOptions(seed, orphans, maxFitRows, model, modelOptions, k);
  }
}
