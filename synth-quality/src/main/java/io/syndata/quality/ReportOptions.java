package io.syndata.quality;

import io.syndata.schema.SynthException;
import java.util.List;
import java.util.Optional;

/**
 * What the quality report evaluates beyond fidelity.
 *
 * @param target {@code table.column} to predict for machine-learning utility, when given
 * @param sensitive {@code table.column}s whose attribute-inference risk is measured
 * @param maxRows evaluation sample per table
 * @param seed seeds every sample and model of the report
 */
public record ReportOptions(
    Optional<String> target, List<String> sensitive, int maxRows, long seed) {
  public ReportOptions {
    target = target == null ? Optional.empty() : target;
    sensitive = List.copyOf(sensitive);
    target.ifPresent(ReportOptions::checkQualified);
    sensitive.forEach(ReportOptions::checkQualified);
    if (maxRows < 1) {
      throw new SynthException("--report-rows must be at least 1, was " + maxRows);
    }
  }

  /**
   * Fails, naming the option, when a column it names is not in the schema: checked before anything
   * is written, so a typo never costs a run.
   */
  public void check(io.syndata.schema.Schema schema) {
    target.ifPresent(c -> checkExists(schema, c, "--predict"));
    sensitive.forEach(c -> checkExists(schema, c, "--sensitive"));
  }

  private static void checkExists(io.syndata.schema.Schema schema, String column, String option) {
    int dot = column.indexOf('.');
    String table = column.substring(0, dot);
    String name = column.substring(dot + 1);
    if (schema.find(table).flatMap(t -> t.findColumn(name)).isEmpty()) {
      throw new SynthException(
          option
              + " "
              + column
              + ": "
              + (schema.find(table).isEmpty()
                  ? "there is no table " + table
                  : "table " + table + " has no column " + name)
              + " among the tables to generate");
    }
  }

  public static ReportOptions defaults(long seed) {
    return new ReportOptions(Optional.empty(), List.of(), Fidelity.DEFAULT_MAX_ROWS, seed);
  }

  private static void checkQualified(String column) {
    if (column.indexOf('.') <= 0 || column.endsWith(".")) {
      throw new SynthException("'" + column + "' must name a column as table.column");
    }
  }
}
