package io.syndata.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a model was made, as a model file carries it: enough to tell which data, settings and version
 * made it, and to refuse a model that does not fit the data at hand.
 *
 * @param kind the model kind asked for ({@code auto}, {@code statistical}, …)
 * @param tableKinds the kind that fitted each table, in generation order
 * @param autoChoices for each table whose kind {@code auto} chose, the choice and why (the held-out
 *     scores of the kinds tried), in generation order; empty for other tables
 * @param source where the training data came from, without credentials
 * @param seed the fit seed
 * @param orphans the orphan policy of the fit
 * @param maxFitRows the largest sample a table was fitted on
 * @param trainingRows rows used per table (after sampling and orphan handling)
 * @param sourceRows rows in the source per table
 * @param schemaHash a SHA-256 fingerprint of the schema (tables, columns, types, keys)
 * @param createdAt when the fit finished
 * @param synDataVersion the version of SynData that fitted it
 */
public record ModelProvenance(
    String kind,
    Map<String, String> tableKinds,
    Map<String, String> autoChoices,
    String source,
    long seed,
    OrphanPolicy orphans,
    int maxFitRows,
    Map<String, Long> trainingRows,
    Map<String, Long> sourceRows,
    String schemaHash,
    Instant createdAt,
    String synDataVersion) {
  public ModelProvenance {
    tableKinds = Collections.unmodifiableMap(new LinkedHashMap<>(tableKinds));
    autoChoices = Collections.unmodifiableMap(new LinkedHashMap<>(autoChoices));
    trainingRows = Collections.unmodifiableMap(new LinkedHashMap<>(trainingRows));
    sourceRows = Collections.unmodifiableMap(new LinkedHashMap<>(sourceRows));
  }

  /**
   * One line per table, as {@code synth train} and {@code SparkTrain} print them: its name, the
   * kind that fitted it, its source rows and the rows it was trained on.
   */
  public java.util.List<String> tableLines() {
    return tableKinds.entrySet().stream()
        .map(
            e ->
                String.format(
                    java.util.Locale.ROOT,
                    "  %-28s %-12s %,12d rows  (trained on %,d)",
                    e.getKey(),
                    e.getValue(),
                    sourceRows.getOrDefault(e.getKey(), 0L),
                    trainingRows.getOrDefault(e.getKey(), 0L)))
        .toList();
  }

  /** The version of SynData on the class path ({@code dev} when run from classes). */
  public static String currentVersion() {
    String version = ModelProvenance.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
