package io.syndata.engine;

import io.syndata.data.RowBatch;
import io.syndata.model.LearnedStatistics;
import io.syndata.model.fit.Gaussian;
import io.syndata.model.fit.Marginal;
import java.util.ArrayList;
import java.util.List;

/**
 * Tallies the generated rows of one table against the statistics its model learned: each sampled
 * column's values ({@link ColumnTally}) and the correlations of their normal scores. Correlations
 * are summed over the first {@value #CORRELATION_ROWS} rows, since each pair costs a product per
 * row; the generator draws every partition from its own seed, so the first rows are a sample like
 * any other.
 */
final class TableTally {
  static final int CORRELATION_ROWS = 200_000;

  /** Pairs grow with the square of the columns; more than this are left out of correlations. */
  static final int MAX_CORRELATED = 40;

  private final String table;
  private final long sourceRows;
  private final LearnedStatistics statistics;
  private final List<ColumnTally> columns = new ArrayList<>();
  private final int correlated;
  private final double[] sum;
  private final double[][] products;
  private final double[] scores;
  private long correlatedRows;
  private long rows;

  TableTally(String table, long sourceRows, LearnedStatistics statistics) {
    this.table = table;
    this.sourceRows = sourceRows;
    this.statistics = statistics;
    for (int i = 0; i < statistics.columns().size(); i++) {
      columns.add(new ColumnTally(statistics.columns().get(i), statistics.marginals().get(i)));
    }
    this.correlated = Math.min(MAX_CORRELATED, columns.size());
    this.sum = new double[correlated];
    this.products = new double[correlated][];
    for (int i = 0; i < correlated; i++) {
      products[i] = new double[i + 1];
    }
    this.scores = new double[correlated];
  }

  void add(RowBatch batch) {
    int[] at = new int[columns.size()];
    for (int c = 0; c < at.length; c++) {
      at[c] = batch.columns().indexOf(statistics.columns().get(c));
    }
    for (int r = 0; r < batch.size(); r++) {
      for (int c = 0; c < at.length; c++) {
        if (at[c] >= 0) {
          columns.get(c).add(batch.value(at[c], r));
        }
      }
      if (correlatedRows < CORRELATION_ROWS && correlated > 1) {
        addScores(batch, at, r);
      }
    }
    rows += batch.size();
  }

  private void addScores(RowBatch batch, int[] at, int r) {
    for (int c = 0; c < correlated; c++) {
      Object value = at[c] >= 0 ? batch.value(at[c], r) : null;
      scores[c] = Gaussian.quantile(columns.get(c).marginal().cdf(value));
    }
    for (int i = 0; i < correlated; i++) {
      sum[i] += scores[i];
      double[] row = products[i];
      for (int j = 0; j <= i; j++) {
        row[j] += scores[i] * scores[j];
      }
    }
    correlatedRows++;
  }

  ModelReport.TableResult result() {
    List<ModelReport.ColumnResult> results = columns.stream().map(ColumnTally::result).toList();
    double total = 0;
    double worst = -1;
    String worstPair = "";
    int pairs = 0;
    if (correlatedRows > 1) {
      double n = correlatedRows;
      for (int i = 0; i < correlated; i++) {
        for (int j = 0; j < i; j++) {
          double cov = products[i][j] / n - (sum[i] / n) * (sum[j] / n);
          double vi = products[i][i] / n - (sum[i] / n) * (sum[i] / n);
          double vj = products[j][j] / n - (sum[j] / n) * (sum[j] / n);
          double pearson = vi <= 0 || vj <= 0 ? 0 : cov / Math.sqrt(vi * vj);
          // The model stores latent correlations: discrete columns' scores understate them by their
          // attenuation, so the generated rows' correlation is corrected the same way.
          Marginal mi = columns.get(i).marginal();
          Marginal mj = columns.get(j).marginal();
          double latent =
              Math.max(-0.99, Math.min(0.99, pearson * mi.attenuation() * mj.attenuation()));
          double difference = Math.abs(latent - statistics.correlation()[i][j]);
          total += difference;
          pairs++;
          if (difference > worst) {
            worst = difference;
            worstPair = statistics.columns().get(j) + " ~ " + statistics.columns().get(i);
          }
        }
      }
    }
    return new ModelReport.TableResult(
        table,
        sourceRows,
        rows,
        true,
        results,
        pairs,
        pairs == 0 ? 0 : total / pairs,
        pairs == 0 ? 0 : worst,
        worstPair);
  }

  static ModelReport.TableResult withoutStatistics(String table, long sourceRows, long rows) {
    return new ModelReport.TableResult(table, sourceRows, rows, false, List.of(), 0, 0, 0, "");
  }
}
