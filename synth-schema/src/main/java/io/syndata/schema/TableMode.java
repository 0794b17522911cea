package io.syndata.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a run does with a table's rows. Introspection leaves it unset ({@link Table#mode()} empty),
 * and the run then keeps the tables it detects as lookup tables and synthesizes the others; users
 * set it in the schema file or with {@code --keep} / {@code --synthesize}.
 */
public enum TableMode {
  /** Learned and generated anew (the default). */
  SYNTHESIZE,
  /**
   * Copied verbatim, whatever the scale: reference data such as countries, currencies, genres.
   * References to a kept table are drawn as categorical values of its keys, with their learned
   * frequencies and dependence on the other columns, and never decide their table's row count.
   */
  KEEP,
  /**
   * Copied like {@link #KEEP} — the same rows and keys, at any scale — with every personal column
   * (a {@code pii} category) replaced by a fake of its kind. The fake is a function of the run's
   * seed and the source value, so one person gets the same fake wherever the value recurs; no
   * personal source value survives.
   */
  MASK,
  /** Left out of the run, like {@code --exclude}. */
  EXCLUDE;

  @JsonValue
  public String fileName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static TableMode parse(String text) {
    for (TableMode mode : values()) {
      if (mode.fileName().equalsIgnoreCase(text.trim())) {
        return mode;
      }
    }
    throw new SynthException(
        "unknown table mode '" + text + "': use one of synthesize, keep, mask, exclude");
  }
}
