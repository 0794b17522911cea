package io.syndata.engine;

import java.util.List;
import java.util.Set;

/**
 * What the user chose per table on top of the schema file: tables to keep verbatim or to synthesize
 * (overriding lookup detection), and whether {@code --exclude} takes the tables that depend on an
 * excluded table along.
 *
 * @param keep patterns ({@code *}, {@code ?}) of tables to copy as they are ({@code --keep})
 * @param synthesize patterns of tables to synthesize even when detected as lookups ({@code
 *     --synthesize})
 * @param mask patterns of tables to copy with their personal columns faked ({@code --mask})
 * @param cascade whether excluding a table also excludes every table that references it, directly
 *     or not ({@code --cascade})
 * @param counted tables whose row count {@code --rows} chooses: never kept by detection alone
 */
public record TableChoices(
    List<String> keep,
    List<String> synthesize,
    List<String> mask,
    boolean cascade,
    Set<String> counted) {
  public static final TableChoices NONE = new TableChoices(List.of(), List.of(), false);

  public TableChoices {
    keep = List.copyOf(keep);
    synthesize = List.copyOf(synthesize);
    mask = List.copyOf(mask);
    counted = Set.copyOf(counted);
  }

  public TableChoices(List<String> keep, List<String> synthesize, boolean cascade) {
    this(keep, synthesize, List.of(), cascade, Set.of());
  }

  public TableChoices(
      List<String> keep, List<String> synthesize, List<String> mask, boolean cascade) {
    this(keep, synthesize, mask, cascade, Set.of());
  }

  /** These choices with the tables whose row count {@code --rows} chooses. */
  public TableChoices withCounted(Set<String> tables) {
    return new TableChoices(keep, synthesize, mask, cascade, tables);
  }
}
