package io.syndata.schema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DirectedMultigraph;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * The foreign-key graph of a schema (edges point from parent to child) and the plan it implies: the
 * order in which tables are generated, parents first, and the foreign keys that must be
 * <em>deferred</em> — filled in a second pass once both sides exist — because they close a cycle.
 *
 * <p>Self-references are always deferred. In every other cycle the first nullable foreign key (by
 * child table, then constraint name) is deferred until the cycle is broken. A cycle without a
 * nullable foreign key has its first NOT NULL one deferred instead ({@link #notNullDeferred()}):
 * its rows are first written with a placeholder parent and set in the second pass, which a database
 * target makes possible by deferring or suspending that key's check until the load is complete, or
 * refuses naming the cycle. Construction is O((V + E) · C) for C broken cycles.
 */
public final class ForeignKeyGraph {
  private final Schema schema;
  private final Graph<String, Relation> graph;
  private final Set<Relation> deferred;
  private final Map<Relation, String> notNullDeferred;
  private final List<Table> order;

  private ForeignKeyGraph(
      Schema schema,
      Graph<String, Relation> graph,
      Set<Relation> deferred,
      Map<Relation, String> notNullDeferred,
      List<Table> order) {
    this.schema = schema;
    this.graph = graph;
    this.deferred = deferred;
    this.notNullDeferred = notNullDeferred;
    this.order = order;
  }

  /**
   * Builds the graph and its generation order.
   *
   * @throws SynthException when a self-reference is NOT NULL
   */
  public static ForeignKeyGraph of(Schema schema) {
    Map<String, Integer> position = new HashMap<>();
    Graph<String, Relation> graph = new DirectedMultigraph<>(null, null, false);
    for (Table t : schema.tables()) {
      position.put(t.name(), position.size());
      graph.addVertex(t.name());
    }
    Set<Relation> deferred = new LinkedHashSet<>();
    for (Table t : schema.tables()) {
      for (ForeignKey fk : t.foreignKeys()) {
        Relation r = new Relation(t.name(), fk);
        if (t.isKept() && !schema.table(fk.parentTable()).isKept()) {
          throw new SynthException(
              "table "
                  + t.name()
                  + " is kept (mode keep) but references "
                  + fk.parentTable()
                  + " by "
                  + r
                  + ", which is synthesized: keep "
                  + fk.parentTable()
                  + " too, or synthesize "
                  + t.name());
        }
        if (r.isSelfReference() && t.isKept()) {
          // A kept table's rows are copied as they are, self-references included.
          continue;
        }
        if (r.isSelfReference()) {
          if (!isNullable(schema, r)) {
            throw new SynthException(
                "foreign key "
                    + r
                    + " references its own table but is NOT NULL,"
                    + " so no first row can be inserted: make "
                    + String.join(", ", fk.columns())
                    + " nullable");
          }
          deferred.add(r);
        } else {
          graph.addEdge(fk.parentTable(), t.name(), r);
        }
      }
    }
    Map<Relation, String> notNull = new java.util.LinkedHashMap<>();
    breakCycles(schema, graph, deferred, notNull);

    Comparator<String> bySchemaOrder = Comparator.comparingInt(position::get);
    List<Table> order = new ArrayList<>();
    new TopologicalOrderIterator<>(graph, bySchemaOrder)
        .forEachRemaining(name -> order.add(schema.table(name)));
    for (Relation r : deferred) {
      if (!r.isSelfReference()) {
        graph.addEdge(r.parent(), r.child(), r);
      }
    }
    return new ForeignKeyGraph(
        schema, graph, Set.copyOf(deferred), Map.copyOf(notNull), List.copyOf(order));
  }

  private static void breakCycles(
      Schema schema,
      Graph<String, Relation> graph,
      Set<Relation> deferred,
      Map<Relation, String> notNull) {
    Comparator<Relation> order =
        Comparator.comparing(Relation::child).thenComparing(r -> r.fk().name());
    while (true) {
      List<Relation> cycle = findCycle(schema, graph);
      if (cycle.isEmpty()) {
        return;
      }
      Optional<Relation> nullable = cycle.stream().filter(r -> isNullable(schema, r)).min(order);
      Relation breakable = nullable.orElseGet(() -> cycle.stream().min(order).orElseThrow());
      if (nullable.isEmpty()) {
        notNull.put(breakable, describe(cycle));
      }
      graph.removeEdge(breakable);
      deferred.add(breakable);
    }
  }

  /** One cycle of the graph as its edges, or empty when the graph is acyclic; deterministic. */
  private static List<Relation> findCycle(Schema schema, Graph<String, Relation> graph) {
    List<Set<String>> components =
        new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets();
    Optional<Set<String>> cyclic =
        components.stream()
            .filter(s -> s.size() > 1)
            .min(Comparator.comparing(s -> s.stream().sorted().findFirst().orElse("")));
    if (cyclic.isEmpty()) {
      return List.of();
    }
    Set<String> members = cyclic.get();
    String start =
        schema.tables().stream()
            .map(Table::name)
            .filter(members::contains)
            .findFirst()
            .orElseThrow();
    // Breadth-first search from start back to start, inside the component: the shortest cycle.
    Map<String, Relation> reachedBy = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>(List.of(start));
    Set<String> seen = new HashSet<>();
    while (!queue.isEmpty()) {
      String at = queue.poll();
      List<Relation> out = new ArrayList<>(graph.outgoingEdgesOf(at));
      out.sort(Comparator.comparing(Relation::child).thenComparing(r -> r.fk().name()));
      for (Relation r : out) {
        String next = r.child();
        if (!members.contains(next)) {
          continue;
        }
        if (next.equals(start)) {
          List<Relation> cycle = new ArrayList<>(List.of(r));
          for (String v = at; !v.equals(start); v = reachedBy.get(v).parent()) {
            cycle.add(0, reachedBy.get(v));
          }
          return cycle;
        }
        if (seen.add(next)) {
          reachedBy.put(next, r);
          queue.add(next);
        }
      }
    }
    throw new IllegalStateException("strongly connected component without a cycle: " + members);
  }

  private static boolean isNullable(Schema schema, Relation r) {
    Table child = schema.table(r.child());
    return r.fk().columns().stream().allMatch(c -> child.column(c).nullable());
  }

  private static String describe(List<Relation> cycle) {
    StringBuilder sb = new StringBuilder();
    for (Relation r : cycle) {
      sb.append(sb.isEmpty() ? "" : ", ").append(r);
    }
    return "[" + sb + "]";
  }

  public Schema schema() {
    return schema;
  }

  /** Tables in generation order: every table after the parents of its non-deferred foreign keys. */
  public List<Table> generationOrder() {
    return order;
  }

  /** Foreign keys filled in a second pass, after both of their tables exist. */
  public Set<Relation> deferred() {
    return deferred;
  }

  /**
   * The deferred foreign keys that are NOT NULL, each with the cycle it breaks as {@code [a(x) ->
   * b(y), …]} for messages: their rows are written first with a placeholder parent.
   */
  public Map<Relation, String> notNullDeferred() {
    return notNullDeferred;
  }

  public boolean isDeferred(Relation relation) {
    return deferred.contains(relation);
  }

  /**
   * Every relation in which the table is the child, deferred ones included, in declaration order;
   * references to kept tables ({@link #keptReferences}) are not relations the model generates and
   * are left out.
   */
  public List<Relation> parentsOf(String table) {
    return schema.table(table).foreignKeys().stream()
        .filter(fk -> !schema.table(fk.parentTable()).isKept())
        .map(fk -> new Relation(table, fk))
        .toList();
  }

  /**
   * Every relation in which the table is the parent, deferred ones included, in schema order; none
   * for a kept table.
   */
  public List<Relation> childrenOf(String table) {
    List<Relation> children = new ArrayList<>();
    if (schema.table(table).isKept()) {
      return children;
    }
    for (Table t : schema.tables()) {
      for (ForeignKey fk : t.foreignKeys()) {
        if (fk.parentTable().equals(table)) {
          children.add(new Relation(t.name(), fk));
        }
      }
    }
    return children;
  }

  /**
   * The table's references to kept tables ({@link TableMode#KEEP}): their rows are the source's, so
   * the referencing columns are drawn as categorical values of the source keys, and the kept table
   * never decides how many rows the referencing table gets. They still order generation (the kept
   * table comes first) and stay constraints of the target.
   */
  public List<Relation> keptReferences(String table) {
    return schema.table(table).foreignKeys().stream()
        .filter(fk -> schema.table(fk.parentTable()).isKept())
        .map(fk -> new Relation(table, fk))
        .toList();
  }

  /**
   * The relation that decides how many rows a child table gets (its rows are generated per parent
   * row): among non-deferred foreign keys, one whose columns lie in the primary key first (1:1 and
   * identifying relations), then a NOT NULL one, then one whose parent references another of the
   * table's parents (a sale's clerk rather than its store, so the store can follow from the clerk),
   * then the first declared. Empty for root tables.
   */
  public Optional<Relation> primaryParent(String table) {
    Table t = schema.table(table);
    List<Relation> candidates =
        parentsOf(table).stream().filter(r -> !deferred.contains(r)).toList();
    return candidates.stream()
        .min(
            Comparator.comparingInt(
                    (Relation r) -> t.primaryKey().containsAll(r.fk().columns()) ? 0 : 1)
                .thenComparingInt(r -> isNullable(schema, r) ? 1 : 0)
                .thenComparingInt(r -> closesDiamond(r, candidates) ? 0 : 1)
                .thenComparingInt(r -> t.foreignKeys().indexOf(r.fk())));
  }

  /**
   * The foreign key of {@code derived} (a table's reference to P1) that another of the table's
   * references (to P2) implies, because P2 itself references the same key of P1: a sale's store is
   * its clerk's store. Empty when no other reference implies it.
   */
  public Optional<ForeignKey> impliedBy(Relation derived, Relation via) {
    if (derived.equals(via) || deferred.contains(via) || via.isSelfReference()) {
      return Optional.empty();
    }
    return schema.table(via.parent()).foreignKeys().stream()
        .filter(
            f ->
                f.parentTable().equals(derived.parent())
                    && f.parentColumns().equals(derived.fk().parentColumns()))
        .filter(f -> !deferred.contains(new Relation(via.parent(), f)))
        .findFirst();
  }

  /**
   * Whether the relation's parent references the parent of another candidate: the deeper end of a
   * diamond.
   */
  private boolean closesDiamond(Relation r, List<Relation> candidates) {
    return candidates.stream().anyMatch(other -> impliedBy(other, r).isPresent());
  }

  /** Tables whose rows do not depend on a parent: their row counts follow the scale directly. */
  public boolean isRoot(String table) {
    return primaryParent(table).isEmpty();
  }
}
