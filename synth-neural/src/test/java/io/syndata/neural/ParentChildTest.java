package io.syndata.neural;

import static io.syndata.neural.Tables.col;
import static io.syndata.neural.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.data.InMemorySource;
import io.syndata.data.InMemoryTarget;
import io.syndata.schema.DataType;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A parent→child dependence no copula holds: a parent's x is uniform on [-3, 3]; it has 4 children
 * where |x| > 1.5 and 1 otherwise, and each child's y is |x| + noise(0.1). Both are symmetric in x,
 * so their correlation with x is zero.
 */
// Alone: mvn -pl synth-neural -am test -Dgroups=neural-quality
@org.junit.jupiter.api.Tag("neural-quality")
class ParentChildTest {

  static InMemorySource family(int parents, long seed) {
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
                col("y", DataType.FLOAT, false)),
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
        cs.add(new Object[] {(long) cs.size(), (long) i, Math.abs(x) + 0.1 * r.nextGaussian()});
      }
    }
    return InMemorySource.ofRows(new Schema(List.of(p, c)), Map.of("parent", ps, "child", cs));
  }

  /** {mean squared error of y from |parent x|, mean children where |x| > 1.5, and elsewhere}. */
  static double[] measure(InMemoryTarget out) {
    Map<Object, Double> xOf = new HashMap<>();
    List<Object> ids = Tables.column(out, "parent", "id");
    List<Object> xs = Tables.column(out, "parent", "x");
    for (int i = 0; i < ids.size(); i++) {
      xOf.put(ids.get(i), ((Number) xs.get(i)).doubleValue());
    }
    List<Object> parentIds = Tables.column(out, "child", "parent_id");
    List<Object> ys = Tables.column(out, "child", "y");
    Map<Object, Integer> children = new HashMap<>();
    double error = 0;
    for (int i = 0; i < ys.size(); i++) {
      double x = xOf.get(parentIds.get(i));
      double e = ((Number) ys.get(i)).doubleValue() - Math.abs(x);
      error += e * e;
      children.merge(parentIds.get(i), 1, Integer::sum);
    }
    double[] sum = new double[2];
    int[] n = new int[2];
    for (Map.Entry<Object, Double> e : xOf.entrySet()) {
      int far = Math.abs(e.getValue()) > 1.5 ? 0 : 1;
      sum[far] += children.getOrDefault(e.getKey(), 0);
      n[far]++;
    }
    return new double[] {error / ys.size(), sum[0] / n[0], sum[1] / n[1]};
  }

  @Test
  void childrenFollowTheirParentWhereTheCopulaCannot() {
    InMemorySource source = family(1500, 11);
    double[] neural = measure(Tables.generate(Tables.fit(source, Tables.options("vaegan", 1)), 5));
    double[] copula =
        measure(Tables.generate(Tables.fit(source, Tables.options("statistical", 1)), 5));
    System.out.printf(
        "family: vaegan %s, copula %s%n",
        java.util.Arrays.toString(neural), java.util.Arrays.toString(copula));
    // Source: error 0.01, 4 children per far parent and 1 per near one. Measured once: vaegan
    // error 0.16 with 3.2 and 1.9 children, the copula 1.53 with 2.5 and 2.6.
    assertThat(neural[0]).as("vaegan, mean squared error of y from |parent x|").isLessThan(0.3);
    assertThat(copula[0]).as("copula, mean squared error of y from |parent x|").isGreaterThan(0.5);
    assertThat(neural[1] - neural[2])
        .as("vaegan, extra children of far parents (source: 3)")
        .isGreaterThan(1.0);
    assertThat(copula[1] - copula[2])
        .as("copula, extra children of far parents (source: 3)")
        .isLessThan(0.5);
  }
}
