package io.syndata.neural;

import static io.syndata.neural.Tables.col;
import static io.syndata.neural.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.data.InMemorySource;
import io.syndata.model.FitOptions;
import io.syndata.model.OrphanPolicy;
import io.syndata.model.SynthModel;
import io.syndata.model.TableSample;
import io.syndata.schema.DataType;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A child table's batch, conditioned on its rows' parents, is calibrated to the source's marginals
 * as a root table's is. The network is trained for three epochs only, so its own marginals are far
 * from the source's (before children were calibrated, a batch of the 994 source children had a
 * Kolmogorov–Smirnov distance of 0.23 for y and a total variation of 0.25 for kind; calibrated,
 * this test's batch has 0.001 and 0.007); calibration does not depend on how well the network
 * learned, only on the ranks and odds it gives.
 */
class ChildCalibrationTest {

  /** Parents with x uniform on [-3, 3]; children with y = |x| + noise and a kind set by x. */
  private record Family(InMemorySource source, List<Object[]> parents, List<Object[]> children) {}

  private static Family family(int parents, long seed) {
    Random r = new Random(seed);
    Table p =
        table(
            "parent",
            List.of(col("id", DataType.INTEGER, false), col("x", DataType.FLOAT, false)),
            List.of("id"),
            List.of());
    Table c =
        table(
            "child",
            List.of(
                col("id", DataType.INTEGER, false),
                col("parent_id", DataType.INTEGER, false),
                col("y", DataType.FLOAT, false),
                col("kind", DataType.STRING, false)),
            List.of("id"),
            List.of(
                new ForeignKey(
                    "fk_child_parent", List.of("parent_id"), "parent", List.of("id"), false)));
    List<Object[]> ps = new ArrayList<>();
    List<Object[]> cs = new ArrayList<>();
    for (int i = 0; i < parents; i++) {
      double x = -3 + 6 * r.nextDouble();
      ps.add(new Object[] {(long) i, x});
      int children = Math.abs(x) > 1.5 ? 4 : 1;
      for (int k = 0; k < children; k++) {
        String kind = Math.abs(x) > 2 ? "far" : r.nextDouble() < 0.7 ? "near" : "mid";
        cs.add(
            new Object[] {(long) cs.size(), (long) i, Math.abs(x) + 0.1 * r.nextGaussian(), kind});
      }
    }
    return new Family(
        InMemorySource.ofRows(new Schema(List.of(p, c)), Map.of("parent", ps, "child", cs)),
        ps,
        cs);
  }

  @Test
  void aChildBatchHasTheSourcesMarginalsWhileConditionedOnItsParents() {
    Family family = family(400, 3);
    Map<String, String> options = new HashMap<>(Tables.QUICK);
    options.put("epochs", "3");
    SynthModel model =
        Tables.fit(
            family.source(),
            new FitOptions(
                11, OrphanPolicy.FAIL, FitOptions.DEFAULT_MAX_FIT_ROWS, "vaegan", options));
    NeuralTableModel child = (NeuralTableModel) model.table("child");
    assertThat(child.parentColumns()).containsExactly("x");

    List<Object[]> parents = family.parents();
    List<Object[]> children = family.children();
    // Each source child four times: a batch of about 4,000 rows, whose draws of kind vary by about
    // 0.01 in total variation.
    int copies = 4;
    int n = children.size() * copies;
    Object[][] parentValues = new Object[1][n];
    double[] sourceY = new double[n];
    List<Object> sourceKind = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      Object[] row = children.get(r / copies);
      parentValues[0][r] = parents.get((int) (long) (Long) row[1])[1];
      sourceY[r] = (Double) row[2];
      sourceKind.add(row[3]);
    }
    TableSample sample = child.sample(n, parentValues, new SplittableRandom(7));
    int y = child.attributeColumns().indexOf("y");
    int kind = child.attributeColumns().indexOf("kind");
    double[] sampledY = Arrays.stream(sample.values()[y]).mapToDouble(v -> (Double) v).toArray();

    assertThat(n).isGreaterThan(NeuralTableModel.MIN_CALIBRATED_ROWS);
    assertThat(ks(sourceY, sampledY)).as("KS distance of y").isLessThan(0.03);
    assertThat(tv(sourceKind, Arrays.asList(sample.values()[kind])))
        .as("total variation of kind")
        .isLessThan(0.04);
  }

  /** The largest gap between the two empirical distribution functions. */
  private static double ks(double[] a, double[] b) {
    double[] x = a.clone();
    double[] y = b.clone();
    Arrays.sort(x);
    Arrays.sort(y);
    double d = 0;
    int i = 0;
    int j = 0;
    while (i < x.length && j < y.length) {
      double v = Math.min(x[i], y[j]);
      while (i < x.length && x[i] <= v) {
        i++;
      }
      while (j < y.length && y[j] <= v) {
        j++;
      }
      d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
    }
    return d;
  }

  /** Half the sum of the absolute differences of the two lists' shares per value. */
  private static double tv(List<Object> a, List<Object> b) {
    Map<Object, Double> diff = new HashMap<>();
    a.forEach(v -> diff.merge(v, 1.0 / a.size(), Double::sum));
    b.forEach(v -> diff.merge(v, -1.0 / b.size(), Double::sum));
    return diff.values().stream().mapToDouble(Math::abs).sum() / 2;
  }
}
