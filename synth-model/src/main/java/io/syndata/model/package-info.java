/**
 * Models: a {@link io.syndata.model.ModelTrainer} (configuration) fits a {@link
 * io.syndata.model.SynthModel} (an immutable artefact), and the {@link io.syndata.model.Generator}
 * turns a model into synthetic rows, parents before children.
 */
package io.syndata.model;
