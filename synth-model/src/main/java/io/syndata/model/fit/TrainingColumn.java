package io.syndata.model.fit;

import io.syndata.schema.Column;
import java.util.List;
import java.util.Optional;

/**
 * One modelled column of the training sample, encoded as doubles: a categorical column as codes
 * into {@link #dictionary()} ({@code -1} for null), a numeric or temporal one through its {@link
 * #codec()} ({@code NaN} for null).
 *
 * @param column the schema column
 * @param categorical whether values are dictionary codes
 * @param dictionary the distinct values of a categorical column, in order of first appearance
 * @param codec how a numeric or temporal column maps to doubles and back; empty for categorical
 * @param values the encoded value of each sampled row
 */
public record TrainingColumn(
    Column column,
    boolean categorical,
    List<Object> dictionary,
    Optional<Codec> codec,
    double[] values) {

  /** The canonical value of an encoded one. */
  public Object decode(double x) {
    if (categorical) {
      return x < 0 || Double.isNaN(x) ? null : dictionary.get((int) x);
    }
    return Double.isNaN(x) ? null : codec.orElseThrow().decode(x);
  }
}
