package io.syndata.model.fit;

import io.syndata.schema.Column;
import io.syndata.schema.ColumnKind;
import io.syndata.schema.DataType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A copula attribute: continuous (doubles) or categorical (codes into a dictionary, -1 for null).
 */
final class Attr {
  final Column column;
  final int scanIndex;
  final boolean categorical;
  final Codec.Learner learner;
  Codec codec;
  final List<Object> dictionary = new ArrayList<>();
  final Map<Object, Integer> codes = new HashMap<>();

  /** For string categories: a shape model in case the column turns out to have too many values. */
  final TextModel.Learner fallback;

  boolean demoted;

  Attr(Column column, int scanIndex, boolean categorical, int minCount) {
    this.column = column;
    this.scanIndex = scanIndex;
    this.categorical = categorical;
    this.learner = categorical ? null : new Codec.Learner(column.type(), column.scale());
    this.fallback =
        categorical && column.type() == DataType.STRING
            ? new TextModel.Learner(
                column.nullable(), column.length(), column.kind() == ColumnKind.PII ? 0 : minCount)
            : null;
  }

  double encode(Object v) {
    if (categorical) {
      if (v == null) {
        return -1;
      }
      Integer code = codes.get(v);
      if (code == null) {
        code = dictionary.size();
        dictionary.add(v);
        codes.put(v, code);
      }
      return code;
    }
    if (v != null) {
      learner.observe(v);
    }
    return Codec.toDouble(v);
  }

  TrainingColumn training(double[] values) {
    return new TrainingColumn(
        column,
        categorical,
        categorical ? List.copyOf(dictionary) : List.of(),
        Optional.ofNullable(codec),
        values);
  }
}
