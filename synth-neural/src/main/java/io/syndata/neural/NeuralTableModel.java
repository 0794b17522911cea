package io.syndata.neural;

import io.syndata.model.KeyFormat;
import io.syndata.model.TableModel;
import io.syndata.model.TableSample;
import io.syndata.model.fit.Gaussian;
import io.syndata.model.fit.TextGenerator;
import io.syndata.schema.Relation;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The {@code vaegan} model of one table: the trained decoder maps a standard normal latent code and
 * the encoded parent row (for child tables) to the table's row vector ({@link RowCode}: attributes,
 * then one child count per child relation), which the column codes decode. Sampling runs in Java
 * ({@link Mlp}), so it needs no native library and is thread-safe.
 */
final class NeuralTableModel implements TableModel {
  final Table table;
  final long sourceRows;
  final List<String> attributeColumns;

  /** Per attribute column: its column index in {@link #row}, or -1 for a text column. */
  final int[] codeIndex;

  final TextGenerator[] texts;

  /** Attributes, then child counts. */
  final RowCode row;

  final int attributeCodes;

  /** The parent's conditioning columns; null for an unconditioned table. */
  final RowCode context;

  final Mlp decoder;

  /**
   * Per slot of {@link #row}: the spread of a continuous slot's value around the decoder's mean.
   */
  final double[] sigma;

  final int latent;
  final List<Relation> childRelations;
  final Optional<Relation> parentRelation;
  final List<String> parentColumns;
  final Map<String, KeyFormat> keyFormats;
  final Map<Relation, Double> nullRates;

  /** How the model was trained: epochs run, best validation loss, seconds; for the model file. */
  final Map<String, Object> training;

  NeuralTableModel(
      Table table,
      long sourceRows,
      List<String> attributeColumns,
      int[] codeIndex,
      TextGenerator[] texts,
      RowCode row,
      int attributeCodes,
      RowCode context,
      Mlp decoder,
      double[] sigma,
      int latent,
      List<Relation> childRelations,
      Optional<Relation> parentRelation,
      List<String> parentColumns,
      Map<String, KeyFormat> keyFormats,
      Map<Relation, Double> nullRates,
      Map<String, Object> training) {
    this.table = table;
    this.sourceRows = sourceRows;
    this.attributeColumns = List.copyOf(attributeColumns);
    this.codeIndex = codeIndex;
    this.texts = texts;
    this.row = row;
    this.attributeCodes = attributeCodes;
    this.context = context;
    this.decoder = decoder;
    this.sigma = sigma;
    this.latent = latent;
    this.childRelations = List.copyOf(childRelations);
    this.parentRelation = parentRelation;
    this.parentColumns = List.copyOf(parentColumns);
    this.keyFormats = Collections.unmodifiableMap(new LinkedHashMap<>(keyFormats));
    this.nullRates = Map.copyOf(nullRates);
    this.training = Collections.unmodifiableMap(new LinkedHashMap<>(training));
    if (decoder.inputs() != latent + contextWidth() || decoder.outputs() != row.width) {
      throw new SynthException(
          "table " + table.name() + ": the vaegan decoder does not match the row's encoding");
    }
  }

  /** Inputs of the context: a "has a parent" flag and the parent's encoded columns; 0 if none. */
  int contextWidth() {
    return context == null ? 0 : 1 + context.width;
  }

  @Override
  public Table table() {
    return table;
  }

  @Override
  public long sourceRows() {
    return sourceRows;
  }

  @Override
  public List<String> attributeColumns() {
    return attributeColumns;
  }

  @Override
  public List<Relation> childRelations() {
    return childRelations;
  }

  @Override
  public Optional<Relation> parentRelation() {
    return parentRelation;
  }

  @Override
  public List<String> parentColumns() {
    return parentColumns;
  }

  @Override
  public Map<String, KeyFormat> keyFormats() {
    return keyFormats;
  }

  @Override
  public double nullRate(Relation relation) {
    return nullRates.getOrDefault(relation, 0.0);
  }

  /** Writes the context of one row: the flag, then each parent column's code. */
  static void encodeContext(RowCode context, Object[] parentRow, double[] out) {
    java.util.Arrays.fill(out, 0);
    if (parentRow == null) {
      return;
    }
    out[0] = 1;
    for (int k = 0; k < context.columns.length; k++) {
      context.columns[k].encode(parentRow[k], out, 1 + context.offsets[k]);
    }
  }

  /**
   * A batch at least this large is calibrated to the source's marginals: the non-null scores of
   * each continuous column are replaced by the standard normal quantiles of their ranks, and each
   * one-hot column is drawn with the source's shares.
   */
  static final int MIN_CALIBRATED_ROWS = 256;

  /**
   * Whether a batch is calibrated: a root table's batch, and a child table's batch whose rows all
   * have a parent. The engine hands a child table's rows in batches of up to {@link
   * io.syndata.data.Source#BATCH_SIZE} rows of consecutive parents, sampled independently, so a
   * batch's parents are a sample of all parents, weighted by their children as in the source, and
   * its rows' marginal should be the table's. Ranks and scaled odds keep what each row's parent
   * makes of it: a child of a parent that gives large values still ranks high. Rows without a
   * parent (a null foreign key) are not calibrated: their marginal is not the table's.
   */
  static boolean calibrates(int contextWidth, boolean conditioned, int n) {
    return (contextWidth == 0 || conditioned) && n >= MIN_CALIBRATED_ROWS;
  }

  /**
   * Replaces the non-null scores by the normal quantiles at their mid-ranks, ties in row order. The
   * decoder's scores are only roughly standard normal; their ranks carry the dependence the network
   * learned, and the quantiles make each column's marginal that of the source, as exact as the
   * copula's.
   */
  static void calibrate(double[] z) {
    int m = 0;
    for (double v : z) {
      m += Double.isNaN(v) ? 0 : 1;
    }
    double[] sorted = new double[m];
    for (int r = 0, i = 0; r < z.length; r++) {
      if (!Double.isNaN(z[r])) {
        sorted[i++] = z[r] + 0.0; // -0.0 and 0.0 tie, as equal scores
      }
    }
    java.util.Arrays.sort(sorted);
    // A value's rank is where its run of equals starts plus how many equal values came before it.
    int[] equalsBefore = new int[m];
    for (int r = 0; r < z.length; r++) {
      if (!Double.isNaN(z[r])) {
        int first = firstAtLeast(sorted, z[r] + 0.0);
        int rank = first + equalsBefore[first]++;
        z[r] = Gaussian.quantile((rank + 0.5) / m);
      }
    }
  }

  /**
   * The first index of {@code sorted} whose value is not below {@code v} (Double.compare order).
   */
  private static int firstAtLeast(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (Double.compare(sorted[mid], v) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Rounds of iterative proportional fitting of a batch's category probabilities. */
  static final int CALIBRATION_ROUNDS = 10;

  /**
   * Draws a one-hot column for a batch from the decoder's probabilities scaled per category
   * (iterative proportional fitting) so that the batch's expected counts are the source's shares:
   * each row keeps its own odds between categories, the dependence the network learned, while the
   * column's marginal becomes the source's.
   *
   * <p>The probabilities are kept slot by slot ({@code p[j * n + r]}), so that each round's two
   * passes run along contiguous rows: a row's total adds its slots in slot order in one lane of a
   * vector loop, and four slots' expected counts add up row after row side by side. The sums are
   * the ones a row-by-row loop makes, in the same order; only {@code q / sum} is computed as {@code
   * q * (1 / sum)}, one division per row and round instead of one per slot.
   */
  static void drawCalibrated(
      ColumnCode code, int at, float[] out, int w, int n, Object[] into, SplittableRandom random) {
    int slots = code.width();
    double[] target = code.shares();
    double[] p = new double[slots * n];
    double[] e = new double[slots];
    for (int r = 0; r < n; r++) {
      int o = r * w + at;
      // Not Math.max, whose care for NaN and -0.0 costs a branch per value: logits are finite,
      // and a max of -0.0 or 0.0 gives the same differences below.
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < slots; j++) {
        max = out[o + j] > max ? out[o + j] : max;
      }
      double sum = 0;
      for (int j = 0; j < slots; j++) {
        e[j] = Math.exp(out[o + j] - max);
        sum += e[j];
      }
      for (int j = 0; j < slots; j++) {
        p[j * n + r] = e[j] / sum;
      }
    }
    double[] scale = new double[slots];
    java.util.Arrays.fill(scale, 1);
    double[] expected = new double[slots];
    double[] inverse = new double[n];
    for (int round = 0; round < CALIBRATION_ROUNDS; round++) {
      rowTotals(p, scale, n, inverse);
      for (int r = 0; r < n; r++) {
        inverse[r] = 1 / inverse[r];
      }
      expectedCounts(p, scale, inverse, n, expected);
      for (int j = 0; j < slots; j++) {
        if (expected[j] > 0 && target[j] > 0) {
          scale[j] *= target[j] * n / expected[j];
        }
      }
    }
    double[] q = new double[slots];
    for (int r = 0; r < n; r++) {
      double sum = 0;
      for (int j = 0; j < slots; j++) {
        q[j] = p[j * n + r] * scale[j];
        sum += q[j];
      }
      double u = random.nextDouble() * sum;
      int slot = slots - 1;
      for (int j = 0; j < slots - 1; j++) {
        u -= q[j];
        if (u < 0) {
          slot = j;
          break;
        }
      }
      into[r] = code.valueOfSlot(slot, random);
    }
  }

  /** {@code total[r]} = the sum over slots j, in order, of {@code p[j * n + r] * scale[j]}. */
  private static void rowTotals(double[] p, double[] scale, int n, double[] total) {
    java.util.Arrays.fill(total, 0, n, 0);
    for (int j = 0; j < scale.length; j++) {
      double s = scale[j];
      int base = j * n;
      for (int r = 0; r < n; r++) {
        total[r] += p[base + r] * s;
      }
    }
  }

  /**
   * {@code expected[j]} = the sum over rows r, in order, of {@code p[j * n + r] * scale[j] *
   * inverse[r]}; four slots at a time, whose four running sums do not wait on each other.
   */
  private static void expectedCounts(
      double[] p, double[] scale, double[] inverse, int n, double[] expected) {
    int slots = scale.length;
    int j = 0;
    for (; j + 4 <= slots; j += 4) {
      double s0 = scale[j];
      double s1 = scale[j + 1];
      double s2 = scale[j + 2];
      double s3 = scale[j + 3];
      int b0 = j * n;
      int b1 = b0 + n;
      int b2 = b1 + n;
      int b3 = b2 + n;
      double e0 = 0;
      double e1 = 0;
      double e2 = 0;
      double e3 = 0;
      for (int r = 0; r < n; r++) {
        double v = inverse[r];
        e0 += p[b0 + r] * s0 * v;
        e1 += p[b1 + r] * s1 * v;
        e2 += p[b2 + r] * s2 * v;
        e3 += p[b3 + r] * s3 * v;
      }
      expected[j] = e0;
      expected[j + 1] = e1;
      expected[j + 2] = e2;
      expected[j + 3] = e3;
    }
    for (; j < slots; j++) {
      double s = scale[j];
      int base = j * n;
      double sum = 0;
      for (int r = 0; r < n; r++) {
        sum += p[base + r] * s * inverse[r];
      }
      expected[j] = sum;
    }
  }

  @Override
  public TableSample sample(int n, Object[][] parentValues, SplittableRandom random) {
    int c = contextWidth();
    boolean conditioned = c > 0 && parentValues.length > 0;
    if (conditioned && parentValues.length != parentColumns.size()) {
      throw new SynthException(
          "table "
              + table.name()
              + " conditions on "
              + parentColumns
              + " but got "
              + parentValues.length
              + " parent columns");
    }
    int in = latent + c;
    float[] input = new float[n * in];
    double[] ctx = new double[c];
    Object[] parentRow = new Object[parentColumns.size()];
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < latent; j++) {
        input[r * in + j] = (float) Gaussian.next(random);
      }
      if (c > 0) {
        if (conditioned) {
          for (int k = 0; k < parentRow.length; k++) {
            parentRow[k] = parentValues[k][r];
          }
        }
        encodeContext(context, conditioned ? parentRow : null, ctx);
        for (int j = 0; j < c; j++) {
          input[r * in + latent + j] = (float) ctx[j];
        }
      }
    }
    float[] out = decoder.forward(input, n);
    int w = row.width;
    double[] slots = new double[w];
    // Continuous columns as normal scores first (per code, per row), categories decoded at once.
    double[][] scores = new double[row.columns.length][];
    Object[][] decoded = new Object[row.columns.length][];
    for (int k = 0; k < row.columns.length; k++) {
      if (row.columns[k].kind == ColumnCode.Kind.CONTINUOUS) {
        scores[k] = new double[n];
      } else {
        decoded[k] = new Object[n];
      }
    }
    boolean calibrated = calibrates(c, conditioned, n);
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < w; j++) {
        slots[j] = out[r * w + j];
      }
      for (int k = 0; k < row.columns.length; k++) {
        int at = row.offsets[k];
        if (scores[k] != null) {
          scores[k][r] = row.columns[k].drawScore(slots, at, sigma[at], random);
        } else if (!calibrated) {
          decoded[k][r] = row.columns[k].decode(slots, at, sigma[at], random);
        }
      }
    }
    if (calibrated) {
      for (int k = 0; k < row.columns.length; k++) {
        if (decoded[k] != null) {
          drawCalibrated(row.columns[k], row.offsets[k], out, w, n, decoded[k], random);
        }
      }
      for (double[] z : scores) {
        if (z != null) {
          calibrate(z);
        }
      }
    }
    Object[][] values = new Object[attributeColumns.size()][];
    for (int i = 0; i < values.length; i++) {
      int k = codeIndex[i];
      if (k < 0) {
        values[i] = new String[n];
      } else if (scores[k] != null) {
        values[i] = new Object[n];
        for (int r = 0; r < n; r++) {
          values[i][r] = row.columns[k].decodeScore(scores[k][r]);
        }
      } else {
        values[i] = decoded[k];
      }
    }
    int[][] counts = new int[childRelations.size()][n];
    for (int k = 0; k < counts.length; k++) {
      int code = attributeCodes + k;
      for (int r = 0; r < n; r++) {
        double x = row.columns[code].valueOfScore(scores[code][r]);
        counts[k][r] = Double.isNaN(x) ? 0 : (int) Math.max(0, Math.round(x));
      }
    }
    for (int i = 0; i < values.length; i++) {
      if (codeIndex[i] < 0) {
        texts[i].generate((String[]) values[i], n, random);
      }
    }
    return new TableSample(values, counts, n);
  }
}
