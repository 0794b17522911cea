package io.syndata.model.statistical;

import io.syndata.model.FitOptions;
import io.syndata.model.ModelTrainer;
import io.syndata.model.TableModel;
import io.syndata.model.TableModelCodec;
import io.syndata.model.fit.TrainingTable;
import io.syndata.schema.Table;

/**
 * The statistical model kind: per table a Gaussian copula over the empirical marginals of its
 * numeric, temporal and categorical columns, the number of child rows of each row per child
 * relation and (for child tables) up to 8 attributes of the primary parent row. Fast to fit and to
 * sample, exact in its marginals; the default of {@code --model auto} for every table, which
 * another kind replaces only where it scores better on held-out rows.
 */
public final class StatisticalTrainer implements ModelTrainer {
  public static final String KIND = "statistical";

  @Override
  public String kind() {
    return KIND;
  }

  /** The default of {@code --model auto}: above every other kind. */
  @Override
  public double suitability(Table table, long rows) {
    return 1;
  }

  @Override
  public TableModel fit(TrainingTable data, FitOptions options) {
    return CopulaFit.fit(data);
  }

  @Override
  public TableModelCodec codec() {
    return StatisticalCodec.INSTANCE;
  }
}
