package io.syndata.model.fit;

import io.syndata.schema.Relation;

/**
 * A foreign key of a table being fitted, resolved against its parent's key index while scanning.
 */
final class Link {
  final Relation relation;
  final int[] scanIndexes;
  final TableFit parent;
  final boolean nullable;
  final boolean deferred;

  /** Index of the relation among the parent's child relations (non-deferred links). */
  int countIndex = -1;

  long nulls;
  long orphans;

  /** Hashes of deferred values, checked against the parent once every table is read. */
  long[] deferredHashes = new long[0];

  int deferredSize;

  Link(Relation relation, int[] scanIndexes, TableFit parent, boolean nullable, boolean deferred) {
    this.relation = relation;
    this.scanIndexes = scanIndexes;
    this.parent = parent;
    this.nullable = nullable;
    this.deferred = deferred;
  }
}
