package io.syndata.model;

import io.syndata.schema.SynthException;

/**
 * How to fit.
 *
 * @param seed seeds every random choice of the fit (sampling of large tables)
 * @param orphans what to do with source rows whose foreign key has no parent
 * @param maxFitRows tables with more rows are fitted on a deterministic sample of this many rows
 * @param model the model kind of every table ({@link ModelKinds#AUTO} lets each kind's {@link
 *     ModelTrainer#suitability} choose per table); a table's {@code model} in the schema file wins
 */
public record FitOptions(long seed, OrphanPolicy orphans, int maxFitRows, String model) {
  public static final int DEFAULT_MAX_FIT_ROWS = 1_000_000;

  public FitOptions {
    if (orphans == null) {
      throw new SynthException("orphan policy must be one of fail, drop, null");
    }
    if (maxFitRows < 1_000) {
      throw new SynthException("maxFitRows must be at least 1000, was " + maxFitRows);
    }
    model = model == null ? ModelKinds.AUTO : model;
    ModelKinds.check(model, "--model");
  }

  /** Options with the model kind chosen per table ({@link ModelKinds#AUTO}). */
  public FitOptions(long seed, OrphanPolicy orphans, int maxFitRows) {
    this(seed, orphans, maxFitRows, ModelKinds.AUTO);
  }

  public static FitOptions defaults(long seed) {
    return new FitOptions(seed, OrphanPolicy.FAIL, DEFAULT_MAX_FIT_ROWS);
  }

  public FitOptions withModel(String kind) {
    return new FitOptions(seed, orphans, maxFitRows, kind);
  }
}
