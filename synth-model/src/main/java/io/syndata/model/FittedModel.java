package io.syndata.model;

import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Relation;
import io.syndata.schema.SynthException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A fitted model of a whole database, whatever kinds its tables were fitted with: the graph, one
 * {@link TableModel} per table, provenance and the orphans met. What fitting returns and a model
 * file holds.
 */
public final class FittedModel implements SynthModel {
  private final ForeignKeyGraph graph;
  private final ModelProvenance provenance;
  private final Map<String, TableModel> tables;
  private final Map<String, Long> orphans;
  private final Map<Relation, SelfReference> selfReferences;

  public FittedModel(
      ForeignKeyGraph graph,
      ModelProvenance provenance,
      Map<String, TableModel> tables,
      Map<String, Long> orphans) {
    this(graph, provenance, tables, orphans, Map.of());
  }

  /**
   * @param selfReferences the hierarchy shape of self-referencing foreign keys, where learned
   */
  public FittedModel(
      ForeignKeyGraph graph,
      ModelProvenance provenance,
      Map<String, TableModel> tables,
      Map<String, Long> orphans,
      Map<Relation, SelfReference> selfReferences) {
    this.selfReferences = Map.copyOf(selfReferences);
    this.graph = graph;
    this.provenance = provenance;
    this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    this.orphans = Collections.unmodifiableMap(new TreeMap<>(orphans));
    graph.generationOrder().forEach(t -> table(t.name()));
  }

  @Override
  public ForeignKeyGraph graph() {
    return graph;
  }

  @Override
  public ModelProvenance provenance() {
    return provenance;
  }

  @Override
  public TableModel table(String name) {
    TableModel t = tables.get(name);
    if (t == null) {
      throw new SynthException(
          "the model has no table " + name + "; its tables are " + tables.keySet());
    }
    return t;
  }

  @Override
  public Map<String, Long> orphans() {
    return orphans;
  }

  @Override
  public Optional<SelfReference> selfReference(Relation relation) {
    return Optional.ofNullable(selfReferences.get(relation));
  }

  /** The learned hierarchy shapes, by self-referencing relation. */
  public Map<Relation, SelfReference> selfReferences() {
    return selfReferences;
  }
}
