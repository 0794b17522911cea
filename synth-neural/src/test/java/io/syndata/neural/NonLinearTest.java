package io.syndata.neural;

import static io.syndata.neural.Tables.col;
import static io.syndata.neural.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.data.InMemorySource;
import io.syndata.data.InMemoryTarget;
import io.syndata.model.SynthModel;
import io.syndata.schema.DataType;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Relations a Gaussian copula cannot hold (it keeps monotone dependence only) and the VAE-GAN
 * learns: each test fits both kinds on the same rows and states the tolerance either side. The
 * tolerances leave room for the spread between trainings (see docs/neural.md, determinism): the XOR
 * share, for one, ranged 0.72 to 0.90 over runs of this test before tensors were aligned.
 */
// Alone: mvn -pl synth-neural -am test -Dgroups=neural-quality
@org.junit.jupiter.api.Tag("neural-quality")
class NonLinearTest {
  static final int ROWS = 3000;

  private static InMemorySource single(String[] names, DataType[] types, List<Object[]> rows) {
    List<io.syndata.schema.Column> columns = new ArrayList<>();
    columns.add(col("id", DataType.INTEGER, false));
    for (int i = 0; i < names.length; i++) {
      columns.add(col(names[i], types[i], false));
    }
    Table t = table("t", columns, List.of("id"), List.of());
    List<Object[]> withIds = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Object[] row = new Object[names.length + 1];
      row[0] = (long) i;
      System.arraycopy(rows.get(i), 0, row, 1, names.length);
      withIds.add(row);
    }
    return InMemorySource.ofRows(new Schema(List.of(t)), Map.of("t", withIds));
  }

  private static InMemoryTarget roundTrip(InMemorySource source, String kind) {
    SynthModel model = Tables.fit(source, Tables.options(kind, 1));
    return Tables.generate(model, 7);
  }

  /** y = sin(x) + noise(0.1), x uniform on [-3, 3]: no monotone relation for a copula to keep. */
  static InMemorySource sine(int n, long seed) {
    Random r = new Random(seed);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double x = -3 + 6 * r.nextDouble();
      rows.add(new Object[] {x, Math.sin(x) + 0.1 * r.nextGaussian()});
    }
    return single(new String[] {"x", "y"}, new DataType[] {DataType.FLOAT, DataType.FLOAT}, rows);
  }

  /** Mean squared distance of generated y from sin(x) (the source's own is 0.01). */
  static double sineError(InMemoryTarget out) {
    double[] x = Tables.doubles(Tables.column(out, "t", "x"));
    double[] y = Tables.doubles(Tables.column(out, "t", "y"));
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += (y[i] - Math.sin(x[i])) * (y[i] - Math.sin(x[i]));
    }
    return sum / x.length;
  }

  @Test
  void learnsASineWhereTheCopulaCannot() {
    InMemorySource source = sine(ROWS, 1);
    double neural = sineError(roundTrip(source, "vaegan"));
    double copula = sineError(roundTrip(source, "statistical"));
    System.out.printf("sine: vaegan %.6f, copula %.6f%n", neural, copula);
    // The source's own error is the noise, 0.01; independent columns would give about 0.5.
    assertThat(neural).as("vaegan's mean squared error from sin(x)").isLessThan(0.3);
    assertThat(copula).as("the copula's mean squared error from sin(x)").isGreaterThan(0.4);
  }

  /**
   * Two clusters: x = -2 with y spread 0.2, or x = 2 with y spread 2, both centred at y = 0. No
   * correlation at all, so a copula gives both clusters the same (mixed) spread of y.
   */
  @Test
  void keepsTwoClustersApart() {
    Random r = new Random(2);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      boolean left = r.nextBoolean();
      double x = (left ? -2 : 2) + 0.2 * r.nextGaussian();
      double y = (left ? 0.2 : 2) * r.nextGaussian();
      rows.add(new Object[] {x, y});
    }
    InMemorySource source =
        single(new String[] {"x", "y"}, new DataType[] {DataType.FLOAT, DataType.FLOAT}, rows);
    double[] neural = spreads(roundTrip(source, "vaegan"));
    double[] copula = spreads(roundTrip(source, "statistical"));
    System.out.printf(
        "clusters: vaegan %s, copula %s%n", Arrays.toString(neural), Arrays.toString(copula));
    // Left cluster: 0.2 in the source; right: 2.
    assertThat(neural[0]).as("vaegan, spread of y on the left").isLessThan(1.0);
    assertThat(neural[1]).as("vaegan, spread of y on the right").isBetween(1.4, 2.6);
    assertThat(copula[0]).as("copula, spread of y on the left").isGreaterThan(1.2);
  }

  /** The standard deviation of y where x < 0, and where x >= 0. */
  private static double[] spreads(InMemoryTarget out) {
    double[] x = Tables.doubles(Tables.column(out, "t", "x"));
    double[] y = Tables.doubles(Tables.column(out, "t", "y"));
    double[] sum = new double[2];
    double[] squares = new double[2];
    int[] n = new int[2];
    for (int i = 0; i < x.length; i++) {
      int side = x[i] < 0 ? 0 : 1;
      sum[side] += y[i];
      squares[side] += y[i] * y[i];
      n[side]++;
    }
    double[] sd = new double[2];
    for (int s = 0; s < 2; s++) {
      double mean = sum[s] / n[s];
      sd[s] = Math.sqrt(squares[s] / n[s] - mean * mean);
    }
    return sd;
  }

  /**
   * c = a XOR b over three categorical columns: every pair is independent, so a copula (which sees
   * pairs only) draws c at random, right half the time.
   */
  @Test
  void learnsAnXorOfTwoCategories() {
    Random r = new Random(3);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      boolean a = r.nextBoolean();
      boolean b = r.nextBoolean();
      rows.add(new Object[] {a ? "yes" : "no", b ? "on" : "off", a ^ b ? "odd" : "even"});
    }
    InMemorySource source =
        single(
            new String[] {"a", "b", "c"},
            new DataType[] {DataType.STRING, DataType.STRING, DataType.STRING},
            rows);
    double neural = xorShare(roundTrip(source, "vaegan"));
    double copula = xorShare(roundTrip(source, "statistical"));
    System.out.printf("xor: vaegan %.6f, copula %.6f%n", neural, copula);
    assertThat(neural).as("vaegan, share of rows where c = a XOR b").isGreaterThan(0.65);
    assertThat(copula).as("copula, share of rows where c = a XOR b").isLessThan(0.55);
  }

  private static double xorShare(InMemoryTarget out) {
    List<Object> a = Tables.column(out, "t", "a");
    List<Object> b = Tables.column(out, "t", "b");
    List<Object> c = Tables.column(out, "t", "c");
    int right = 0;
    for (int i = 0; i < a.size(); i++) {
      boolean xor = a.get(i).equals("yes") ^ b.get(i).equals("on");
      right += c.get(i).equals(xor ? "odd" : "even") ? 1 : 0;
    }
    return right / (double) a.size();
  }
}
