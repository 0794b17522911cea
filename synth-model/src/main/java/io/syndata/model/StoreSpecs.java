package io.syndata.model;

import io.syndata.schema.ForeignKey;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Relation;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which tables keep a {@link TableStore}, and of what: the columns that secondary and deferred
 * foreign keys read, the child counts of secondary relations.
 */
final class StoreSpecs {
  private final Map<String, TableStore> empty = new LinkedHashMap<>();
  private final Map<Relation, Optional<ForeignKey>> backReferences = new HashMap<>();

  StoreSpecs(SynthModel model) {
    ForeignKeyGraph graph = model.graph();
    Map<String, Set<String>> columns = new LinkedHashMap<>();
    Map<String, List<Relation>> counted = new LinkedHashMap<>();
    for (Table t : graph.generationOrder()) {
      for (Relation r : PartitionLinks.secondary(graph, t.name())) {
        columns
            .computeIfAbsent(r.parent(), k -> new LinkedHashSet<>())
            .addAll(r.fk().parentColumns());
        counted.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r);
      }
    }
    for (Relation d : deferred(graph)) {
      Set<String> parent = columns.computeIfAbsent(d.parent(), k -> new LinkedHashSet<>());
      parent.addAll(d.fk().parentColumns());
      Set<String> child = columns.computeIfAbsent(d.child(), k -> new LinkedHashSet<>());
      child.addAll(model.table(d.child()).table().primaryKey());
      Optional<ForeignKey> back = d.isSelfReference() ? Optional.empty() : backReference(model, d);
      backReferences.put(d, back);
      back.ifPresent(
          b -> {
            parent.addAll(b.columns());
            child.addAll(b.parentColumns());
          });
    }
    for (Table t : graph.generationOrder()) {
      if (columns.containsKey(t.name())) {
        empty.put(
            t.name(),
            new TableStore(
                List.copyOf(columns.get(t.name())), counted.getOrDefault(t.name(), List.of())));
      }
    }
  }

  /** Deferred relations in a stable order. */
  static List<Relation> deferred(ForeignKeyGraph graph) {
    List<Relation> d = new ArrayList<>(graph.deferred());
    d.sort(java.util.Comparator.comparing(Relation::toString));
    return d;
  }

  /**
   * The foreign key by which a deferred reference's parent points back at the referencing table (a
   * store's manager works in a store).
   */
  private static Optional<ForeignKey> backReference(SynthModel model, Relation d) {
    ForeignKeyGraph graph = model.graph();
    return model.table(d.parent()).table().foreignKeys().stream()
        .filter(b -> b.parentTable().equals(d.child()))
        .filter(b -> !graph.isDeferred(new Relation(d.parent(), b)))
        .findFirst();
  }

  Optional<ForeignKey> backReference(Relation deferred) {
    return backReferences.getOrDefault(deferred, Optional.empty());
  }

  boolean has(String table) {
    return empty.containsKey(table);
  }

  /** A new, empty store for a table that keeps one. */
  TableStore newStore(String table) {
    return empty.get(table).emptyCopy();
  }
}
