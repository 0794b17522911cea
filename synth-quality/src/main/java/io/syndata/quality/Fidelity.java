package io.syndata.quality;

import io.syndata.data.RowBatch;
import io.syndata.data.SchemaFilter;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Compares a synthetic database with the real one it was learned from. Tables larger than
 * {@code maxRows} are compared on a deterministic reservoir sample of that many rows (seeded by
 * {@code seed}); children-per-parent counts always use every row.
 */
public final class Fidelity {
  /** Default evaluation sample per table. */
  public static final int DEFAULT_MAX_ROWS = 50_000;
  /** Pair trends look at no more than this many columns of a table (the first ones). */
  public static final int MAX_PAIR_COLUMNS = 25;

  private final int maxRows;
  private final long seed;

  public Fidelity(int maxRows, long seed) {
    if (maxRows < 100) {
      throw new SynthException("the evaluation sample must hold at least 100 rows, was " + maxRows);
    }
    this.maxRows = maxRows;
    this.seed = seed;
  }

  /**
   * Evaluates every table of {@code schema} (as read from {@code real}) against the table of the
   * same name in {@code synthetic}.
   */
  public FidelityReport evaluate(Schema schema, Source real, Source synthetic) {
    Schema synthSchema = synthetic.introspect(SchemaFilter.ALL);
    List<FidelityReport.ColumnShape> shapes = new ArrayList<>();
    List<FidelityReport.PairTrend> pairs = new ArrayList<>();
    List<FidelityReport.Cardinality> cardinality = new ArrayList<>();
    Map<String, Long> compared = new LinkedHashMap<>();
    Map<String, TableData> realData = new HashMap<>();
    Map<String, TableData> synthData = new HashMap<>();
    boolean sampled = false;
    for (Table table : schema.tables()) {
      Table synthTable = match(synthSchema, table);
      TableData r = load(real, table, table);
      TableData s = load(synthetic, synthTable, table);
      realData.put(table.name(), r);
      synthData.put(table.name(), s);
      compared.put(table.name(), (long) r.size());
      sampled |= r.total > r.size();
      compareColumns(table, r, s, shapes, pairs);
    }
    for (Table table : schema.tables()) {
      for (ForeignKey fk : table.foreignKeys()) {
        double score = Metrics.ksComplement(
            childCounts(realData.get(table.name()), fk, realData.get(fk.parentTable())),
            childCounts(synthData.get(table.name()), fk, synthData.get(fk.parentTable())));
        cardinality.add(new FidelityReport.Cardinality(table.name(), fk.describe(table.name()), score));
      }
    }
    return new FidelityReport(shapes, pairs, cardinality, compared, sampled);
  }

  private static Table match(Schema synthSchema, Table table) {
    return synthSchema.find(table.name())
        .or(() -> synthSchema.tables().stream().filter(t -> t.name().equalsIgnoreCase(table.name())).findFirst())
        .orElseThrow(() -> new SynthException("the synthetic data has no table " + table.name()));
  }

  /** Columns whose distribution is learned (keys, text and personal data are regenerated, not compared). */
  static List<Column> comparedColumns(Table table) {
    return table.columns().stream()
        .filter(c -> !c.excluded())
        .filter(c -> c.kind() == ColumnKind.NUMERIC || c.kind() == ColumnKind.DATETIME || c.kind() == ColumnKind.CATEGORICAL)
        .toList();
  }

  private void compareColumns(Table table, TableData r, TableData s,
      List<FidelityReport.ColumnShape> shapes, List<FidelityReport.PairTrend> pairs) {
    List<Column> columns = comparedColumns(table);
    for (Column c : columns) {
      Object[] rv = r.column(c.name());
      Object[] sv = s.column(c.name());
      if (isOrdered(c)) {
        shapes.add(new FidelityReport.ColumnShape(table.name(), c.name(), "KSComplement",
            Metrics.ksComplement(numbers(rv), numbers(sv))));
      } else {
        shapes.add(new FidelityReport.ColumnShape(table.name(), c.name(), "TVComplement", Metrics.tvComplement(rv, sv)));
      }
    }
    List<Column> pairColumns = columns.subList(0, Math.min(columns.size(), MAX_PAIR_COLUMNS));
    for (int i = 0; i < pairColumns.size(); i++) {
      for (int j = i + 1; j < pairColumns.size(); j++) {
        Column a = pairColumns.get(i);
        Column b = pairColumns.get(j);
        if (isOrdered(a) && isOrdered(b)) {
          pairs.add(new FidelityReport.PairTrend(table.name(), a.name(), b.name(), "CorrelationSimilarity",
              Metrics.correlationSimilarity(numbers(r.column(a.name())), numbers(r.column(b.name())),
                  numbers(s.column(a.name())), numbers(s.column(b.name())))));
        } else {
          pairs.add(new FidelityReport.PairTrend(table.name(), a.name(), b.name(), "ContingencySimilarity",
              Metrics.contingencySimilarity(labels(a, r, r), labels(b, r, r), labels(a, s, r), labels(b, s, r))));
        }
      }
    }
  }

  private static boolean isOrdered(Column c) {
    return c.kind() == ColumnKind.NUMERIC || c.kind() == ColumnKind.DATETIME;
  }

  /** Category labels of a column; ordered columns are binned over the real column's range. */
  private static Object[] labels(Column c, TableData data, TableData real) {
    Object[] values = data.column(c.name());
    if (!isOrdered(c)) {
      return values;
    }
    double[] realNumbers = numbers(real.column(c.name()));
    double min = Arrays.stream(realNumbers).filter(x -> !Double.isNaN(x)).min().orElse(0);
    double max = Arrays.stream(realNumbers).filter(x -> !Double.isNaN(x)).max().orElse(0);
    return Metrics.binner(numbers(values), min, max);
  }

  private static double[] numbers(Object[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Values.toDouble(values[i]);
    }
    return out;
  }

  /** Children per parent row: one entry per parent row, parents without children counting 0. */
  private static double[] childCounts(TableData child, ForeignKey fk, TableData parent) {
    Map<List<Object>, Integer> counts = child.fkCounts.get(fk.name());
    double[] out = new double[(int) parent.total];
    int i = 0;
    for (int c : counts.values()) {
      if (i < out.length) {
        out[i++] = c;
      }
    }
    return out;
  }

  /** Reads a table: a reservoir sample of the compared columns, and per-FK counts of every row. */
  private TableData load(Source source, Table readAs, Table logical) {
    List<Column> columns = comparedColumns(logical);
    List<String> wanted = new ArrayList<>();
    for (Column c : columns) {
      wanted.add(physicalName(readAs, c.name()));
    }
    List<ForeignKey> fks = logical.foreignKeys();
    for (ForeignKey fk : fks) {
      for (String col : fk.columns()) {
        String physical = physicalName(readAs, col);
        if (!wanted.contains(physical)) {
          wanted.add(physical);
        }
      }
    }
    if (wanted.isEmpty() && !readAs.columns().isEmpty()) {
      wanted.add(readAs.columns().get(0).name());
    }
    TableData data = new TableData(columns.stream().map(Column::name).toList(), maxRows);
    SplittableRandom rng = new SplittableRandom(seed ^ logical.name().hashCode());
    for (ForeignKey fk : fks) {
      data.fkCounts.put(fk.name(), new HashMap<>());
    }
    source.scan(readAs, wanted, batch -> {
      int[] columnIndex = columns.stream().mapToInt(c -> batch.columnIndex(physicalName(readAs, c.name()))).toArray();
      for (int row = 0; row < batch.size(); row++) {
        data.offer(batch, columnIndex, row, rng);
        for (ForeignKey fk : fks) {
          List<Object> key = new ArrayList<>(fk.columns().size());
          boolean anyNull = false;
          for (String col : fk.columns()) {
            Object v = batch.value(batch.columnIndex(physicalName(readAs, col)), row);
            anyNull |= v == null;
            key.add(v);
          }
          if (!anyNull) {
            data.fkCounts.get(fk.name()).merge(key, 1, Integer::sum);
          }
        }
      }
    });
    return data;
  }

  private static String physicalName(Table readAs, String logicalColumn) {
    return readAs.findColumn(logicalColumn)
        .or(() -> readAs.columns().stream().filter(c -> c.name().toLowerCase(Locale.ROOT)
            .equals(logicalColumn.toLowerCase(Locale.ROOT))).findFirst())
        .map(Column::name)
        .orElseThrow(() -> new SynthException("table " + readAs.name() + " has no column " + logicalColumn));
  }

  /** A reservoir sample of rows, by column. */
  private static final class TableData {
    final List<String> names;
    final List<Object[]> rows = new ArrayList<>();
    final int capacity;
    final Map<String, Map<List<Object>, Integer>> fkCounts = new HashMap<>();
    long total;

    TableData(List<String> names, int capacity) {
      this.names = names;
      this.capacity = capacity;
    }

    void offer(RowBatch batch, int[] columnIndex, int row, SplittableRandom rng) {
      total++;
      int slot = rows.size() < capacity ? rows.size() : (int) rng.nextLong(total);
      if (slot >= capacity) {
        return;
      }
      Object[] values = new Object[columnIndex.length];
      for (int c = 0; c < columnIndex.length; c++) {
        values[c] = batch.value(columnIndex[c], row);
      }
      if (slot == rows.size()) {
        rows.add(values);
      } else {
        rows.set(slot, values);
      }
    }

    int size() {
      return rows.size();
    }

    Object[] column(String name) {
      int c = names.indexOf(name);
      Object[] out = new Object[rows.size()];
      for (int r = 0; r < out.length; r++) {
        out[r] = rows.get(r)[c];
      }
      return out;
    }
  }
}
