package io.syndata.quality;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Plausibility of string columns and row-count drift per table ({@link Realism}). Both count in the
 * fidelity score, and the weaker of the mean plausibility and the worst table caps the overall
 * score ({@link #cap()}), so output a person would call fake — random letters as countries, a table
 * with 80 % more rows than the others — cannot earn a good grade however well its numbers match.
 *
 * @param columns plausibility of each string column that is not a key
 * @param tables row counts per table, real and synthetic, and their drift
 */
public record RealismReport(List<Plausibility> columns, List<RowCount> tables) {
  /** A table whose rows drift by d from the others' scale scores {@code 1 − 2·|d|}, at least 0. */
  public static final double DRIFT_PENALTY = 2;

  /** The overall score is at most {@code FLOOR + (1 − FLOOR) · worst}. */
  public static final double FLOOR = 0.4;

  public static final RealismReport NONE = new RealismReport(List.of(), List.of());

  /**
   * How likely the synthetic values of a column are under a character model of its real values,
   * relative to real values the model did not see: 1 when as likely, near 0.3 for random letters in
   * place of words.
   */
  public record Plausibility(String table, String column, long values, double score) {}

  /**
   * @param drift the table's synthetic-to-real row ratio over the run's scale, minus one: 0 when
   *     the table follows the scale (whatever it is), 0.8 for 80 % more rows. The scale is the
   *     median ratio of the tables without a parent (their counts are what {@code --scale} sets),
   *     the lower one of two; of all tables when every table has one
   */
  public record RowCount(
      String table, long realRows, long syntheticRows, double drift, double score) {}

  public RealismReport {
    columns = List.copyOf(columns);
    tables = List.copyOf(tables);
  }

  /** The mean plausibility of the string columns; empty when none was scored. */
  @com.fasterxml.jackson.annotation.JsonProperty("plausibility_score")
  public OptionalDouble plausibilityScore() {
    return columns.stream().mapToDouble(Plausibility::score).average();
  }

  /** The mean row-count score of the tables; empty for fewer than two tables. */
  @com.fasterxml.jackson.annotation.JsonProperty("row_count_score")
  public OptionalDouble rowCountScore() {
    return tables.size() < 2
        ? OptionalDouble.empty()
        : tables.stream().mapToDouble(RowCount::score).average();
  }

  /** The most the overall score may be: set by the mean plausibility and the worst table. */
  @com.fasterxml.jackson.annotation.JsonProperty("cap")
  public double cap() {
    double worst = plausibilityScore().orElse(1);
    if (tables.size() >= 2) {
      for (RowCount t : tables) {
        worst = Math.min(worst, t.score());
      }
    }
    return FLOOR + (1 - FLOOR) * worst;
  }
}
