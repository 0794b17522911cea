package io.syndata.model;

import io.syndata.data.Progress;
import io.syndata.data.Source;
import io.syndata.schema.ForeignKeyGraph;

/** Fits a model of every table of a graph and of every parent–child relation between them. */
public interface ModelTrainer {

  /** The model kind this trainer makes, as named on the command line ({@code statistical}). */
  String kind();

  /**
   * Reads the source (only through {@link Source#scan}) and fits a model. Deterministic: the same
   * data, graph and options give an equal model.
   */
  SynthModel fit(ForeignKeyGraph graph, Source source, FitOptions options, Progress progress);
}
