package io.syndata.quality;

import io.syndata.data.Source;
import io.syndata.schema.Column;
import io.syndata.schema.ColumnKind;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fidelity metrics with the SDMetrics definitions: column shapes, missing values, column pair
 * trends, cardinality and inter-table trends along every foreign-key path of up to {@value
 * #MAX_HOPS} hops.
 */
public final class Fidelity {
  /** Default evaluation sample per table. */
  public static final int DEFAULT_MAX_ROWS = 50_000;

  /** Pair trends look at no more than this many columns of a table (the first ones). */
  public static final int MAX_PAIR_COLUMNS = 25;

  /** Inter-table trends follow foreign keys up to this many hops. */
  public static final int MAX_HOPS = 3;

  /** Inter-table trends look at no more than this many columns on each side of a path. */
  public static final int MAX_PATH_COLUMNS = 10;

  private final int maxRows;
  private final long seed;

  public Fidelity(int maxRows, long seed) {
    if (maxRows < 100) {
      throw new SynthException("the evaluation sample must hold at least 100 rows, was " + maxRows);
    }
    this.maxRows = maxRows;
    this.seed = seed;
  }

  /** Reads both sides and evaluates them; see {@link #evaluate(EvaluationData)}. */
  public FidelityReport evaluate(Schema schema, Source real, Source synthetic) {
    return evaluate(EvaluationData.load(schema, real, synthetic, Optional.empty(), maxRows, seed));
  }

  public static FidelityReport evaluate(EvaluationData data) {
    Schema schema = data.schema();
    List<FidelityReport.ColumnShape> shapes = new ArrayList<>();
    List<FidelityReport.MissingValues> missing = new ArrayList<>();
    List<FidelityReport.PairTrend> pairs = new ArrayList<>();
    List<FidelityReport.Cardinality> cardinality = new ArrayList<>();
    List<FidelityReport.IntertableTrend> intertable = new ArrayList<>();
    Map<String, Long> compared = new java.util.LinkedHashMap<>();
    for (Table table : schema.tables()) {
      TableData r = data.real(table.name());
      TableData s = data.synthetic(table.name());
      compared.put(table.name(), (long) r.size());
      compareColumns(table, r, s, shapes, missing, pairs);
      for (ForeignKey fk : table.foreignKeys()) {
        double score =
            Metrics.ksComplement(
                childCounts(r, fk, data.real(fk.parentTable())),
                childCounts(s, fk, data.synthetic(fk.parentTable())));
        cardinality.add(
            new FidelityReport.Cardinality(table.name(), fk.describe(table.name()), score));
      }
      for (List<ForeignKey> path : paths(schema, table)) {
        intertable.addAll(intertable(data, table, path));
      }
    }
    return new FidelityReport(
        shapes, missing, pairs, cardinality, intertable, compared, data.sampled());
  }

  /**
   * Columns whose distribution is learned (keys, text and personal data are regenerated, not
   * compared).
   */
  public static List<Column> comparedColumns(Table table) {
    return table.columns().stream()
        .filter(c -> !c.excluded())
        .filter(
            c ->
                c.kind() == ColumnKind.NUMERIC
                    || c.kind() == ColumnKind.DATETIME
                    || c.kind() == ColumnKind.CATEGORICAL)
        .toList();
  }

  public static boolean isOrdered(Column c) {
    return c.kind() == ColumnKind.NUMERIC || c.kind() == ColumnKind.DATETIME;
  }

  private static void compareColumns(
      Table table,
      TableData r,
      TableData s,
      List<FidelityReport.ColumnShape> shapes,
      List<FidelityReport.MissingValues> missing,
      List<FidelityReport.PairTrend> pairs) {
    List<Column> columns = comparedColumns(table);
    for (Column c : columns) {
      Object[] rv = r.column(c.name());
      Object[] sv = s.column(c.name());
      if (isOrdered(c)) {
        shapes.add(
            new FidelityReport.ColumnShape(
                table.name(),
                c.name(),
                "KSComplement",
                Metrics.ksComplement(numbers(rv), numbers(sv))));
      } else {
        shapes.add(
            new FidelityReport.ColumnShape(
                table.name(), c.name(), "TVComplement", Metrics.tvComplement(rv, sv)));
      }
      if (c.nullable()) {
        missing.add(
            new FidelityReport.MissingValues(
                table.name(),
                c.name(),
                nullShare(rv),
                nullShare(sv),
                1 - Math.abs(nullShare(rv) - nullShare(sv))));
      }
    }
    List<Column> pairColumns = columns.subList(0, Math.min(columns.size(), MAX_PAIR_COLUMNS));
    for (int i = 0; i < pairColumns.size(); i++) {
      for (int j = i + 1; j < pairColumns.size(); j++) {
        Column a = pairColumns.get(i);
        Column b = pairColumns.get(j);
        Pair score =
            pairScore(
                a,
                r.column(a.name()),
                s.column(a.name()),
                b,
                r.column(b.name()),
                s.column(b.name()));
        pairs.add(
            new FidelityReport.PairTrend(
                table.name(), a.name(), b.name(), score.metric, score.score));
      }
    }
  }

  private record Pair(String metric, double score) {}

  /** CorrelationSimilarity for two ordered columns, else ContingencySimilarity with 10 bins. */
  private static Pair pairScore(
      Column a, Object[] ra, Object[] sa, Column b, Object[] rb, Object[] sb) {
    if (isOrdered(a) && isOrdered(b)) {
      return new Pair(
          "CorrelationSimilarity",
          Metrics.correlationSimilarity(numbers(ra), numbers(rb), numbers(sa), numbers(sb)));
    }
    return new Pair(
        "ContingencySimilarity",
        Metrics.contingencySimilarity(
            labels(a, ra, ra), labels(b, rb, rb), labels(a, sa, ra), labels(b, sb, rb)));
  }

  /**
   * Every chain of up to {@value #MAX_HOPS} foreign keys starting at the table, self-references
   * left out.
   */
  static List<List<ForeignKey>> paths(Schema schema, Table table) {
    List<List<ForeignKey>> out = new ArrayList<>();
    extend(schema, table, new ArrayList<>(), new ArrayList<>(List.of(table.name())), out);
    return out;
  }

  private static void extend(
      Schema schema,
      Table at,
      List<ForeignKey> path,
      List<String> visited,
      List<List<ForeignKey>> out) {
    if (path.size() == MAX_HOPS) {
      return;
    }
    for (ForeignKey fk : at.foreignKeys()) {
      if (visited.contains(fk.parentTable())) {
        continue;
      }
      path.add(fk);
      visited.add(fk.parentTable());
      out.add(List.copyOf(path));
      extend(schema, schema.table(fk.parentTable()), path, visited, out);
      path.remove(path.size() - 1);
      visited.remove(visited.size() - 1);
    }
  }

  /** Pair trends between the table's columns and the columns of the ancestor a path ends at. */
  private static List<FidelityReport.IntertableTrend> intertable(
      EvaluationData data, Table table, List<ForeignKey> path) {
    Schema schema = data.schema();
    Table ancestor = schema.table(path.get(path.size() - 1).parentTable());
    List<Column> mine = comparedColumns(table);
    List<Column> theirs = comparedColumns(ancestor);
    if (mine.isEmpty() || theirs.isEmpty()) {
      return List.of();
    }
    mine = mine.subList(0, Math.min(mine.size(), MAX_PATH_COLUMNS));
    theirs = theirs.subList(0, Math.min(theirs.size(), MAX_PATH_COLUMNS));
    int[] realJoin = join(schema, table, path, data::real);
    int[] synthJoin = join(schema, table, path, data::synthetic);
    StringBuilder name = new StringBuilder(table.name());
    for (ForeignKey fk : path) {
      name.append(" -> ").append(fk.parentTable());
    }
    List<FidelityReport.IntertableTrend> out = new ArrayList<>();
    for (Column a : mine) {
      for (Column b : theirs) {
        Object[] ra = joined(data.real(table.name()).column(a.name()), realJoin, false);
        Object[] rb = joined(data.real(ancestor.name()).column(b.name()), realJoin, true);
        Object[] sa = joined(data.synthetic(table.name()).column(a.name()), synthJoin, false);
        Object[] sb = joined(data.synthetic(ancestor.name()).column(b.name()), synthJoin, true);
        if (ra.length < 2 || sa.length < 2) {
          continue;
        }
        Pair score = pairScore(a, ra, sa, b, rb, sb);
        out.add(
            new FidelityReport.IntertableTrend(
                name.toString(),
                path.size(),
                a.name(),
                ancestor.name() + "." + b.name(),
                score.metric,
                score.score));
      }
    }
    return out;
  }

  /**
   * For each sampled row of the table, the index of its ancestor's sampled row at the end of the
   * path, or -1 when a key is null or the ancestor row is not in the sample.
   */
  private static int[] join(
      Schema schema,
      Table table,
      List<ForeignKey> path,
      java.util.function.Function<String, TableData> side) {
    TableData start = side.apply(table.name());
    int[] at = new int[start.size()];
    for (int i = 0; i < at.length; i++) {
      at[i] = i;
    }
    Table current = table;
    for (ForeignKey fk : path) {
      TableData child = side.apply(current.name());
      Table parentTable = schema.table(fk.parentTable());
      TableData parent = side.apply(parentTable.name());
      int[] childKey = fk.columns().stream().mapToInt(c -> child.columns().indexOf(c)).toArray();
      int[] parentKey =
          fk.parentColumns().stream().mapToInt(c -> parent.columns().indexOf(c)).toArray();
      Map<List<Object>, Integer> index = new HashMap<>();
      for (int r = 0; r < parent.size(); r++) {
        index.putIfAbsent(key(parent.row(r), parentKey), r);
      }
      for (int i = 0; i < at.length; i++) {
        if (at[i] >= 0) {
          List<Object> k = key(child.row(at[i]), childKey);
          Integer p = k == null ? null : index.get(k);
          at[i] = p == null ? -1 : p;
        }
      }
      current = parentTable;
    }
    return at;
  }

  private static List<Object> key(Object[] row, int[] columns) {
    Object[] k = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      k[i] = Values.key(row[columns[i]]);
      if (k[i] == null) {
        return null;
      }
    }
    return Arrays.asList(k);
  }

  /** The values of the joined rows: the table's own (ancestor false) or the ancestor's. */
  private static Object[] joined(Object[] values, int[] join, boolean ancestor) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < join.length; i++) {
      if (join[i] >= 0) {
        out.add(ancestor ? values[join[i]] : values[i]);
      }
    }
    return out.toArray();
  }

  private static double nullShare(Object[] values) {
    if (values.length == 0) {
      return 0;
    }
    long nulls = Arrays.stream(values).filter(v -> v == null).count();
    return nulls / (double) values.length;
  }

  /** Category labels of a column; ordered columns are binned over the real column's range. */
  static Object[] labels(Column c, Object[] values, Object[] realValues) {
    if (!isOrdered(c)) {
      return values;
    }
    double[] realNumbers = numbers(realValues);
    double min = Arrays.stream(realNumbers).filter(x -> !Double.isNaN(x)).min().orElse(0);
    double max = Arrays.stream(realNumbers).filter(x -> !Double.isNaN(x)).max().orElse(0);
    return Metrics.binner(numbers(values), min, max);
  }

  public static double[] numbers(Object[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Values.toDouble(values[i]);
    }
    return out;
  }

  /** Children per parent row: one entry per parent row, parents without children counting 0. */
  private static double[] childCounts(TableData child, ForeignKey fk, TableData parent) {
    Map<List<Object>, Integer> counts = child.childCounts(fk.name());
    double[] out = new double[(int) parent.totalRows()];
    int i = 0;
    for (int c : counts.values()) {
      if (i < out.length) {
        out[i++] = c;
      }
    }
    return out;
  }
}
