package io.syndata.model;

import io.syndata.model.fit.TrainingTable;
import io.syndata.schema.Table;

/**
 * A model kind: fits the model of one table from what the relational half of fitting ({@link
 * io.syndata.model.fit.RelationalFit}) learned, and saves and loads such models. Found by {@link
 * #kind()} through {@link ModelKinds} ({@link java.util.ServiceLoader}), so a module adds a kind by
 * listing its trainer in {@code META-INF/services/io.syndata.model.ModelTrainer}. A trainer is
 * configuration; the models it makes are immutable.
 */
public interface ModelTrainer {

  /** The kind's name, as given to {@code --model} and written in model files. */
  String kind();

  /**
   * How well this kind suits a table of {@code rows} source rows, for {@code --model auto}: the
   * kind with the highest value is the table's default (ties go to the kind first in name order);
   * every other kind with a value of at least 0 is a contender that auto fits too and chooses when
   * it scores better on held-out rows. A kind that should never be chosen automatically returns a
   * negative value.
   */
  double suitability(Table table, long rows);

  /**
   * Fits one table. Deterministic: equal training data and options give an equal model.
   *
   * @param data the table's training sample and relational facts
   */
  TableModel fit(TrainingTable data, FitOptions options);

  /** Reads and writes this kind's table models in model files. */
  TableModelCodec codec();
}
