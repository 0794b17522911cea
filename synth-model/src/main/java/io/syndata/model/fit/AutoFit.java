package io.syndata.model.fit;

import io.syndata.data.Progress;
import io.syndata.model.FitOptions;
import io.syndata.model.ModelTrainer;
import io.syndata.model.TableModel;
import io.syndata.model.TableSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code --model auto} for one table: the most suitable kind (the default) unless another installed
 * kind, fitted on the same rows, scores better on held-out rows by at least {@link #MARGIN}. Tables
 * with fewer than {@link #MIN_ROWS} training rows or fewer than two modelled columns get the
 * default without a trial: too few rows to tell the kinds apart, or no dependence to learn.
 * Deterministic: the held-out rows, the fits and the samples all follow from the fit seed and the
 * table's name.
 */
final class AutoFit {
  /** Fewer training rows than this: the default kind, untried. */
  static final int MIN_ROWS = 500;

  /** How much better (in {@link HoldoutScore} points) a contender must score to be chosen. */
  static final double MARGIN = 0.01;

  /** Share of the training rows held out for the trial, at most {@link #MAX_HELD_OUT} rows. */
  static final double HELD_OUT_SHARE = 0.2;

  static final int MAX_HELD_OUT = 5_000;

  /** Rows sampled per held-out row: the sample side's noise in the score halves. */
  static final int COPIES = 2;

  private AutoFit() {}

  /**
   * The model auto chose for a table, and why.
   *
   * @param model the fitted model
   * @param kind its kind
   * @param reason one line for the user and the model file
   * @param trainingRows the rows the model was fitted on (fewer than the table's sample when a
   *     contender won: the held-out rows are not in it)
   */
  record Choice(TableModel model, String kind, String reason, int trainingRows) {}

  /**
   * Fits a table with the best of {@code ranked} (most suitable first).
   *
   * @param progress told the choice and its reason, as a note
   */
  static Choice fit(
      TrainingTable data, List<ModelTrainer> ranked, FitOptions options, Progress progress) {
    ModelTrainer first = ranked.get(0);
    String table = data.table().name();
    int modelled = data.columns().size() + data.childRelations().size();
    String untried = null;
    if (ranked.size() == 1) {
      untried = "the only installed kind";
    } else if (data.size() < MIN_ROWS) {
      untried =
          String.format(Locale.ROOT, "%,d training rows, fewer than %,d", data.size(), MIN_ROWS);
    } else if (modelled < 2) {
      untried = modelled + " modelled column, nothing to relate";
    }
    if (untried != null) {
      String reason = first.kind() + " chosen untried: " + untried;
      if (ranked.size() > 1) {
        progress.note("table " + table + ": " + reason);
      }
      return new Choice(first.fit(data, options), first.kind(), reason, data.size());
    }
    int[][] split = split(data.size(), data.hasParent(), options.seed(), table);
    TrainingTable train = rows(data, split[0]);
    TrainingTable heldOut = rows(data, split[1]);
    TableModel[] models = new TableModel[ranked.size()];
    HoldoutScore.Score[] scores = new HoldoutScore.Score[ranked.size()];
    int best = 0;
    for (int k = 0; k < ranked.size(); k++) {
      models[k] = ranked.get(k).fit(train, options);
      scores[k] = score(models[k], heldOut, options.seed(), table);
      if (k > 0 && scores[k].score() >= scores[best].score() + MARGIN) {
        best = k;
      }
    }
    StringBuilder reason = new StringBuilder();
    reason.append(
        String.format(
            Locale.ROOT,
            "%s chosen, score %.3f vs %s %.3f",
            ranked.get(best).kind(),
            scores[best].score(),
            ranked.get(best == 0 ? 1 : 0).kind(),
            scores[best == 0 ? 1 : 0].score()));
    for (int k = 2; k < ranked.size(); k++) {
      if (k != best) {
        reason.append(
            String.format(Locale.ROOT, ", %s %.3f", ranked.get(k).kind(), scores[k].score()));
      }
    }
    reason.append(
        String.format(
            Locale.ROOT,
            " (shapes/pairs/triples %s; %,d held-out rows, margin %.2f)",
            details(ranked, scores),
            heldOut.size(),
            MARGIN));
    progress.note("table " + table + ": " + reason);
    // The default kind is refitted on every row (it is the fast one); a contender that won keeps
    // the model fitted without the held-out rows rather than training twice.
    TableModel model = best == 0 ? first.fit(data, options) : models[best];
    return new Choice(
        model, ranked.get(best).kind(), reason.toString(), best == 0 ? data.size() : train.size());
  }

  private static String details(List<ModelTrainer> ranked, HoldoutScore.Score[] scores) {
    List<String> parts = new ArrayList<>();
    for (int k = 0; k < ranked.size(); k++) {
      parts.add(
          String.format(
              Locale.ROOT,
              "%s %.3f/%.3f/%.3f",
              ranked.get(k).kind(),
              scores[k].shapes(),
              scores[k].pairs(),
              scores[k].triples()));
    }
    return String.join(", ", parts);
  }

  /**
   * The training and held-out rows: a seeded shuffle, the held-out rows with a parent first so that
   * the conditioned sample is one batch.
   */
  static int[][] split(int size, boolean[] hasParent, long seed, String table) {
    int held = (int) Math.min(MAX_HELD_OUT, Math.round(size * HELD_OUT_SHARE));
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ table.hashCode());
    for (int i = size - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int[] train = Arrays.copyOfRange(order, held, size);
    Arrays.sort(train);
    int[] out = Arrays.copyOf(order, held);
    Arrays.sort(out);
    int[] parentedFirst = new int[held];
    int at = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (int r : out) {
        if (hasParent[r] == (pass == 0)) {
          parentedFirst[at++] = r;
        }
      }
    }
    return new int[][] {train, parentedFirst};
  }

  /** The rows {@code rows} of a training table, in that order; everything else shared. */
  static TrainingTable rows(TrainingTable t, int[] rows) {
    List<TrainingColumn> columns = new ArrayList<>();
    for (TrainingColumn c : t.columns()) {
      columns.add(slice(c, rows));
    }
    List<TrainingColumn> conditioning = new ArrayList<>();
    for (TrainingColumn c : t.conditioning()) {
      conditioning.add(slice(c, rows));
    }
    int[][] counts = new int[t.childCounts().length][rows.length];
    boolean[] hasParent = new boolean[rows.length];
    for (int i = 0; i < rows.length; i++) {
      for (int k = 0; k < counts.length; k++) {
        counts[k][i] = t.childCounts()[k][rows[i]];
      }
      hasParent[i] = t.hasParent()[rows[i]];
    }
    return new TrainingTable(
        t.table(),
        t.sourceRows(),
        rows.length,
        t.attributeColumns(),
        columns,
        t.texts(),
        t.childRelations(),
        counts,
        t.parentRelation(),
        conditioning,
        hasParent,
        t.keyFormats(),
        t.nullRates(),
        t.addresses());
  }

  private static TrainingColumn slice(TrainingColumn c, int[] rows) {
    double[] values = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      values[i] = c.values()[rows[i]];
    }
    return new TrainingColumn(c.column(), c.categorical(), c.dictionary(), c.codec(), values);
  }

  /**
   * Samples {@link #COPIES} rows per held-out row, each conditioned on that row's parent values
   * (the parented rows come first, see {@link #split}), and scores them against the held-out rows.
   */
  private static HoldoutScore.Score score(
      TableModel model, TrainingTable heldOut, long seed, String table) {
    int n = heldOut.size();
    int parented = heldOut.parentedRows();
    List<String> parentColumns = model.parentColumns();
    SplittableRandom random = new SplittableRandom(seed ^ 0xA5A5A5A5L ^ table.hashCode());
    List<TableSample> parts = new ArrayList<>();
    if (parented > 0 && !parentColumns.isEmpty()) {
      Object[][] parentValues = new Object[parentColumns.size()][parented * COPIES];
      for (int k = 0; k < parentColumns.size(); k++) {
        TrainingColumn c = conditioning(heldOut, parentColumns.get(k));
        for (int r = 0; r < parented * COPIES; r++) {
          parentValues[k][r] = c.decode(c.values()[r / COPIES]);
        }
      }
      parts.add(model.sample(parented * COPIES, parentValues, random));
      parts.add(model.sample((n - parented) * COPIES, new Object[0][], random));
    } else {
      parts.add(model.sample(n * COPIES, new Object[0][], random));
    }
    return HoldoutScore.score(heldOut, model.attributeColumns(), concat(parts), COPIES);
  }

  private static TrainingColumn conditioning(TrainingTable t, String column) {
    for (TrainingColumn c : t.conditioning()) {
      if (c.column().name().equals(column)) {
        return c;
      }
    }
    throw new IllegalStateException("no conditioning column " + column + " in " + t.table().name());
  }

  private static TableSample concat(List<TableSample> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    int size = parts.stream().mapToInt(TableSample::size).sum();
    TableSample first = parts.get(0);
    Object[][] values = new Object[first.values().length][size];
    int[][] counts = new int[first.childCounts().length][size];
    int at = 0;
    for (TableSample p : parts) {
      for (int c = 0; c < values.length; c++) {
        System.arraycopy(p.values()[c], 0, values[c], at, p.size());
      }
      for (int k = 0; k < counts.length; k++) {
        System.arraycopy(p.childCounts()[k], 0, counts[k], at, p.size());
      }
      at += p.size();
    }
    return new TableSample(values, counts, size);
  }
}
