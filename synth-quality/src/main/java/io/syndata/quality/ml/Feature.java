package io.syndata.quality.ml;

import io.syndata.quality.Fidelity;
import io.syndata.quality.TableData;
import io.syndata.schema.Column;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * One model input in raw form, over a set of rows: numbers (NaN when missing) for numeric and
 * datetime columns, normalised labels for categorical ones.
 */
record Feature(String name, double[] numbers, Object[] labels) {

  static Feature numeric(String name, double[] numbers) {
    return new Feature(name, numbers, null);
  }

  static Feature categorical(String name, Object[] labels) {
    return new Feature(name, null, labels);
  }

  boolean isNumeric() {
    return numbers != null;
  }

  int size() {
    return isNumeric() ? numbers.length : labels.length;
  }

  /** The compared columns of a table that can serve as features: key columns are left out. */
  static List<Column> columns(Table table) {
    return Fidelity.comparedColumns(table).stream()
        .filter(c -> !table.isKeyColumn(c.name()))
        .toList();
  }

  /** The columns' values at the given rows of the table data. */
  static List<Feature> of(List<Column> columns, TableData data, int[] rows) {
    List<Feature> out = new ArrayList<>(columns.size());
    for (Column c : columns) {
      out.add(of(c, data.column(c.name()), rows));
    }
    return out;
  }

  static Feature of(Column c, Object[] values, int[] rows) {
    Object[] picked = new Object[rows.length];
    for (int i = 0; i < rows.length; i++) {
      picked[i] = values[rows[i]];
    }
    return Fidelity.isOrdered(c)
        ? numeric(c.name(), Fidelity.numbers(picked))
        : categorical(c.name(), Labels.keys(picked));
  }
}
