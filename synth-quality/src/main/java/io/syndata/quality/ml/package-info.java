/**
 * Model-based quality metrics: detection (can a classifier tell real rows from synthetic ones?) and
 * machine-learning utility (do models trained on synthetic rows predict real ones?).
 */
package io.syndata.quality.ml;
