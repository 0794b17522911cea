package io.syndata.model;

/** What fitting does with source rows whose foreign-key value has no parent row. */
public enum OrphanPolicy {
  /** Stop with an error that counts the orphans per foreign key (the default). */
  FAIL,
  /** Leave such rows out of the training data. */
  DROP,
  /** Treat the dangling value as NULL (only for nullable foreign keys). */
  NULL
}
