package io.syndata.neural;

import io.syndata.model.fit.CategoricalMarginal;
import io.syndata.model.fit.Codec;
import io.syndata.model.fit.NumericMarginal;
import io.syndata.model.fit.TextGenerator;
import io.syndata.model.fit.TrainingColumn;
import io.syndata.model.fit.TrainingTable;
import io.syndata.schema.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits a {@link NeuralTableModel} on a table's training sample: the column codes from the same
 * marginals the statistical model uses, the encoded rows and parent contexts, then {@link VaeGan}.
 */
final class NeuralFit {
  private static final Logger LOG = LoggerFactory.getLogger(NeuralFit.class);

  /** A child table is conditioned on its parent only with at least this many parented rows. */
  static final int MIN_CONDITIONED_ROWS = 10;

  private NeuralFit() {}

  static NeuralTableModel fit(TrainingTable t, NeuralOptions options, long seed) {
    List<String> attributeColumns = t.attributeColumns();
    int size = t.size();
    List<ColumnCode> codes = new ArrayList<>();
    List<TrainingColumn> sources = new ArrayList<>();
    int[] codeIndex = new int[attributeColumns.size()];
    TextGenerator[] texts = new TextGenerator[attributeColumns.size()];
    for (int i = 0; i < attributeColumns.size(); i++) {
      String name = attributeColumns.get(i);
      codeIndex[i] = -1;
      for (TrainingColumn c : t.columns()) {
        if (c.column().name().equals(name)) {
          codeIndex[i] = codes.size();
          codes.add(code(c, size, null, options.encoding()));
          sources.add(c);
        }
      }
      texts[i] = t.texts().get(name);
    }
    int attributeCodes = codes.size();
    Codec countCodec = new Codec(DataType.INTEGER, 0, 0, 1);
    double[][] counts = new double[t.childRelations().size()][size];
    for (int k = 0; k < counts.length; k++) {
      for (int i = 0; i < size; i++) {
        counts[k][i] = t.childCounts()[k][i];
      }
      codes.add(
          ColumnCode.continuous(
              NumericMarginal.fit(
                  countCodec, counts[k], size, null, false, NumericMarginal.MAX_DISCRETE_COUNTS)));
    }
    RowCode row = new RowCode(codes);
    boolean conditioned = !t.conditioning().isEmpty() && t.parentedRows() >= MIN_CONDITIONED_ROWS;
    RowCode context = null;
    if (conditioned) {
      List<ColumnCode> parentCodes = new ArrayList<>();
      for (TrainingColumn c : t.conditioning()) {
        // The parent's columns are inputs only: the quantile score is enough of a feature.
        parentCodes.add(code(c, size, t.hasParent(), NeuralOptions.Encoding.QUANTILE));
      }
      context = new RowCode(parentCodes);
    }
    int d = row.width;
    int cw = context == null ? 0 : 1 + context.width;
    float[] x = new float[size * d];
    float[] ctx = new float[size * cw];
    double[] buffer = new double[Math.max(d, cw)];
    Object[] parentRow = new Object[conditioned ? t.conditioning().size() : 0];
    for (int r = 0; r < size; r++) {
      java.util.Arrays.fill(buffer, 0);
      for (int k = 0; k < attributeCodes; k++) {
        encode(sources.get(k), codes.get(k), r, buffer, row.offsets[k]);
      }
      for (int k = 0; k < counts.length; k++) {
        codes.get(attributeCodes + k).encode(counts[k][r], buffer, row.offsets[attributeCodes + k]);
      }
      for (int j = 0; j < d; j++) {
        x[r * d + j] = (float) buffer[j];
      }
      if (conditioned) {
        for (int k = 0; k < parentRow.length; k++) {
          TrainingColumn c = t.conditioning().get(k);
          parentRow[k] = c.decode(c.values()[r]);
        }
        NeuralTableModel.encodeContext(context, t.hasParent()[r] ? parentRow : null, buffer);
        for (int j = 0; j < cw; j++) {
          ctx[r * cw + j] = (float) buffer[j];
        }
      }
    }
    LOG.info(
        "vaegan {}: {} rows, {} row slots ({} continuous, {} one-hot groups), {} context slots",
        t.table().name(),
        size,
        d,
        row.continuousSlots(),
        row.groups.size(),
        cw);
    VaeGan.Result result;
    // One gradient collector per process (PyTorch's autograd mode is global): one fit at a time.
    synchronized (Torch.class) {
      result = new VaeGan(row, cw, options, t.table().name()).train(x, ctx, size, seed);
    }
    Map<String, Object> training = new LinkedHashMap<>();
    training.put("epochs", result.epochs());
    training.put("validationLoss", result.validationLoss());
    training.put("restarts", result.restarts());
    training.put("seconds", Math.round(result.seconds() * 10) / 10.0);
    training.put("trainingRows", result.rows());
    training.put("options", options.toString());
    List<String> parentColumns =
        conditioned ? t.conditioning().stream().map(c -> c.column().name()).toList() : List.of();
    return new NeuralTableModel(
        t.table(),
        t.sourceRows(),
        attributeColumns,
        codeIndex,
        texts,
        row,
        attributeCodes,
        context,
        result.decoder(),
        result.sigma(),
        options.latent(),
        t.childRelations(),
        t.parentRelation(),
        parentColumns,
        t.keyFormats(),
        t.nullRates(),
        training);
  }

  /**
   * The code of a training column, fitted on the rows {@code include} admits (all when null), its
   * continuous values encoded as {@code encoding} says.
   */
  static ColumnCode code(
      TrainingColumn c, int size, boolean[] include, NeuralOptions.Encoding encoding) {
    if (c.categorical()) {
      double[] codes = c.values();
      if (include != null) {
        codes = java.util.Arrays.copyOf(codes, size);
        for (int i = 0; i < size; i++) {
          if (!include[i]) {
            codes[i] = Double.NaN;
          }
        }
      }
      return ColumnCode.categorical(
          CategoricalMarginal.fit(c.dictionary(), codes, size, c.column().nullable()));
    }
    NumericMarginal m =
        NumericMarginal.fit(
            c.codec().orElseThrow(), c.values(), size, include, c.column().nullable());
    return encoding == NeuralOptions.Encoding.MODE
        ? ColumnCode.modeSpecific(m)
        : ColumnCode.numeric(m);
  }

  /** Writes the code of row {@code r} of a training column. */
  static void encode(TrainingColumn c, ColumnCode code, int r, double[] out, int at) {
    double v = c.values()[r];
    if (c.categorical()) {
      code.encode(c.decode(v), out, at);
    } else {
      code.encode(v, out, at);
    }
  }
}
