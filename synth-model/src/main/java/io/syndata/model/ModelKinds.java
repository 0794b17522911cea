package io.syndata.model;

import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The registry of model kinds: every {@link ModelTrainer} on the class path, found with {@link
 * ServiceLoader}. The engine names no kind; {@code statistical} is one like any other.
 */
public final class ModelKinds {
  /**
   * Not a kind: each table gets the most suitable kind ({@link ModelTrainer#suitability}), or
   * another installed kind that scores better on held-out rows of the table.
   */
  public static final String AUTO = "auto";

  private static final Map<String, ModelTrainer> KINDS = load();

  private ModelKinds() {}

  private static Map<String, ModelTrainer> load() {
    Map<String, ModelTrainer> kinds = new TreeMap<>();
    for (ModelTrainer t :
        ServiceLoader.load(ModelTrainer.class, ModelKinds.class.getClassLoader())) {
      kinds.putIfAbsent(t.kind(), t);
    }
    return kinds;
  }

  /** The installed kinds, in name order. */
  public static List<String> available() {
    return List.copyOf(KINDS.keySet());
  }

  /**
   * The trainer of a kind.
   *
   * @throws SynthException naming the kinds available when none is installed under that name
   */
  public static ModelTrainer trainer(String kind) {
    ModelTrainer t = KINDS.get(kind);
    if (t == null) {
      throw new SynthException(
          "model kind " + kind + " is not available; the kinds available are " + available());
    }
    return t;
  }

  /** Fails, naming {@code option}, unless {@code kind} is {@link #AUTO} or installed. */
  static void check(String kind, String option) {
    if (!AUTO.equals(kind) && !KINDS.containsKey(kind)) {
      throw new SynthException(
          option
              + " "
              + kind
              + ": no such model kind; the kinds available are "
              + available()
              + " and "
              + AUTO);
    }
  }

  /**
   * The kind that fits a table: its own {@code model} in the schema file, else {@code requested},
   * else (for {@link #AUTO}) the most suitable installed kind, the first of {@link #ranked}.
   */
  public static ModelTrainer choose(Table table, String requested) {
    return candidates(table, requested).get(0);
  }

  /**
   * The kinds that may fit a table: the one it or {@code requested} names, or for {@link #AUTO}
   * every installed kind whose {@link ModelTrainer#suitability} is not negative, most suitable
   * first (ties in name order). Auto fits the first unless another scores better on held-out rows
   * (see docs/neural.md).
   */
  public static List<ModelTrainer> candidates(Table table, String requested) {
    String kind = table.model().orElse(requested);
    if (!AUTO.equals(kind)) {
      if (!KINDS.containsKey(kind)) {
        throw new SynthException(
            "table "
                + table.name()
                + " asks for model kind "
                + kind
                + ", which is not available; the kinds available are "
                + available());
      }
      return List.of(KINDS.get(kind));
    }
    List<ModelTrainer> ranked = new ArrayList<>();
    for (ModelTrainer t : KINDS.values()) {
      if (t.suitability(table, table.rowCount()) >= 0) {
        ranked.add(t);
      }
    }
    if (ranked.isEmpty()) {
      throw new SynthException("no model kind is installed that can fit table " + table.name());
    }
    // Stable: equal suitabilities keep name order.
    ranked.sort(
        Comparator.comparingDouble((ModelTrainer t) -> t.suitability(table, table.rowCount()))
            .reversed());
    return List.copyOf(ranked);
  }
}
