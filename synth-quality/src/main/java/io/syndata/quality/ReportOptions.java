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
