package io.syndata.model;

import io.syndata.schema.ForeignKeyGraph;
import java.util.Map;

/**
 * A fitted model of a whole database: one {@link TableModel} per table of its graph. Immutable; the
 * {@link Generator} turns it into synthetic rows.
 */
public interface SynthModel {

  /** The schema and foreign-key graph the model was fitted on. */
  ForeignKeyGraph graph();

  /** How, when and on what the model was fitted. */
  ModelProvenance provenance();

  /**
   * The model of one table.
   *
   * @throws io.syndata.schema.SynthException when the graph has no such table
   */
  TableModel table(String name);

  /**
   * Source rows whose foreign-key value had no parent row, per foreign key ({@link
   * io.syndata.schema.ForeignKey#describe}); keys without orphans are absent.
   */
  Map<String, Long> orphans();

  /**
   * The source's hierarchy shape of a self-referencing foreign key, when one was learned (models
   * made before it was learned have none, and generation then picks earlier rows uniformly).
   */
  default java.util.Optional<SelfReference> selfReference(io.syndata.schema.Relation relation) {
    return java.util.Optional.empty();
  }
}
