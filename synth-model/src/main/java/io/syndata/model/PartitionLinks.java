package io.syndata.model;

import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How each foreign key of a table is filled when its rows are generated. */
final class PartitionLinks {
  private PartitionLinks() {}

  /**
   * The foreign keys whose parent row is drawn from the whole parent table: not deferred, not the
   * primary parent, and not implied by the primary parent (a sale's store is its clerk's store).
   */
  static List<Relation> secondary(ForeignKeyGraph graph, String table) {
    Optional<Relation> primary = graph.primaryParent(table);
    List<Relation> out = new ArrayList<>();
    for (Relation r : graph.parentsOf(table)) {
      if (graph.isDeferred(r) || primary.equals(Optional.of(r)) || out.contains(r)) {
        continue;
      }
      if (primary.isPresent() && graph.impliedBy(r, primary.get()).isPresent()) {
        continue;
      }
      out.add(r);
    }
    return out;
  }
}
