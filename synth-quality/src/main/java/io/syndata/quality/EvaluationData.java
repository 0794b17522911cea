package io.syndata.quality;

import io.syndata.data.SchemaFilter;
import io.syndata.data.Source;
import io.syndata.schema.Column;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Real, synthetic and (optionally) holdout rows of every table of a schema, read once and sampled
 * deterministically: tables larger than {@code maxRows} keep a reservoir sample seeded by {@code
 * seed} and the table name. Every metric of the report works on this.
 */
public final class EvaluationData {
  private final Schema schema;
  private final Map<String, TableData> real;
  private final Map<String, TableData> synthetic;
  private final Map<String, TableData> holdout;
  private final int maxRows;
  private final long seed;

  private EvaluationData(
      Schema schema,
      Map<String, TableData> real,
      Map<String, TableData> synthetic,
      Map<String, TableData> holdout,
      int maxRows,
      long seed) {
    this.schema = schema;
    this.real = real;
    this.synthetic = synthetic;
    this.holdout = holdout;
    this.maxRows = maxRows;
    this.seed = seed;
  }

  /**
   * Reads every table of {@code schema} from the real source (where the schema came from), and the
   * table of the same name (case-insensitively) from the synthetic and holdout sources.
   */
  public static EvaluationData load(
      Schema schema,
      Source real,
      Source synthetic,
      Optional<Source> holdout,
      int maxRows,
      long seed) {
    if (maxRows < 100) {
      throw new SynthException("the evaluation sample must hold at least 100 rows, was " + maxRows);
    }
    Schema synthSchema = synthetic.introspect(SchemaFilter.ALL);
    Optional<Schema> holdoutSchema = holdout.map(h -> h.introspect(SchemaFilter.ALL));
    Map<String, TableData> r = new LinkedHashMap<>();
    Map<String, TableData> s = new LinkedHashMap<>();
    Map<String, TableData> h = new LinkedHashMap<>();
    for (Table table : schema.tables()) {
      r.put(table.name(), read(real, table, table, maxRows, seed));
      s.put(
          table.name(),
          read(synthetic, match(synthSchema, table, "synthetic"), table, maxRows, seed));
      if (holdout.isPresent()) {
        h.put(
            table.name(),
            read(
                holdout.get(), match(holdoutSchema.get(), table, "holdout"), table, maxRows, seed));
      }
    }
    return new EvaluationData(schema, r, s, h, maxRows, seed);
  }

  /** Builds evaluation data from tables already in memory (tests, callers that hold data). */
  public static EvaluationData of(
      Schema schema,
      Map<String, TableData> real,
      Map<String, TableData> synthetic,
      Map<String, TableData> holdout,
      long seed) {
    for (Table table : schema.tables()) {
      for (Map<String, TableData> side : List.of(real, synthetic, holdout)) {
        TableData data = side.get(table.name());
        if (data != null) {
          countKeys(table, data);
        }
      }
    }
    return new EvaluationData(
        schema,
        Map.copyOf(real),
        Map.copyOf(synthetic),
        Map.copyOf(holdout),
        Integer.MAX_VALUE,
        seed);
  }

  public Schema schema() {
    return schema;
  }

  /** A column named as {@code table.column}, with its table. */
  public record QualifiedColumn(Table table, Column column) {}

  /**
   * Resolves {@code table.column} against the schema.
   *
   * @param role what the column is for, for messages ({@code ML utility target})
   * @throws SynthException naming the role and what is missing
   */
  public QualifiedColumn column(String qualified, String role) {
    int dot = qualified.indexOf('.');
    if (dot <= 0 || dot == qualified.length() - 1) {
      throw new SynthException(role + " '" + qualified + "' must name a column as table.column");
    }
    String tableName = qualified.substring(0, dot);
    String columnName = qualified.substring(dot + 1);
    Table table =
        schema
            .find(tableName)
            .orElseThrow(
                () ->
                    new SynthException(
                        role
                            + " '"
                            + qualified
                            + "': the schema has no table "
                            + tableName
                            + "; its tables are "
                            + schema.tables().stream().map(Table::name).toList()));
    Column column =
        table
            .findColumn(columnName)
            .orElseThrow(
                () ->
                    new SynthException(
                        role
                            + " '"
                            + qualified
                            + "': table "
                            + tableName
                            + " has no column "
                            + columnName));
    return new QualifiedColumn(table, column);
  }

  public TableData real(String table) {
    return get(real, table, "real");
  }

  public TableData synthetic(String table) {
    return get(synthetic, table, "synthetic");
  }

  /** Holdout rows: real rows kept out of training, for honest privacy and utility figures. */
  public Optional<TableData> holdout(String table) {
    return Optional.ofNullable(holdout.get(table));
  }

  public boolean hasHoldout() {
    return !holdout.isEmpty();
  }

  /** The evaluation sample's limit per table. */
  public int maxRows() {
    return maxRows;
  }

  public long seed() {
    return seed;
  }

  /** Whether any real table was evaluated on a sample rather than in full. */
  public boolean sampled() {
    return real.values().stream().anyMatch(TableData::sampled);
  }

  private static TableData get(Map<String, TableData> tables, String table, String side) {
    TableData data = tables.get(table);
    if (data == null) {
      throw new SynthException("the " + side + " data has no table " + table);
    }
    return data;
  }

  private static Table match(Schema schema, Table table, String side) {
    return schema
        .find(table.name())
        .or(
            () ->
                schema.tables().stream()
                    .filter(t -> t.name().equalsIgnoreCase(table.name()))
                    .findFirst())
        .orElseThrow(
            () -> new SynthException("the " + side + " data has no table " + table.name()));
  }

  private static TableData read(
      Source source, Table readAs, Table logical, int maxRows, long seed) {
    List<Column> columns = logical.writtenColumns();
    List<String> physical = columns.stream().map(c -> physicalName(readAs, c.name())).toList();
    TableData data = new TableData(columns.stream().map(Column::name).toList(), maxRows);
    SplittableRandom rng =
        new SplittableRandom(seed ^ (long) logical.name().hashCode() * 0x9E3779B97F4A7C15L);
    List<ForeignKey> fks = logical.foreignKeys();
    int[][] fkIndex = new int[fks.size()][];
    for (int f = 0; f < fks.size(); f++) {
      fkIndex[f] =
          fks.get(f).columns().stream().mapToInt(c -> columns.indexOf(logical.column(c))).toArray();
    }
    source.scan(
        readAs,
        physical,
        batch -> {
          int[] index = physical.stream().mapToInt(batch::columnIndex).toArray();
          for (int row = 0; row < batch.size(); row++) {
            data.offer(batch, index, row, rng);
            for (int f = 0; f < fks.size(); f++) {
              Object[] key = new Object[fkIndex[f].length];
              for (int k = 0; k < key.length; k++) {
                key[k] = batch.value(index[fkIndex[f][k]], row);
              }
              data.countKey(fks.get(f).name(), key);
            }
          }
        });
    return data;
  }

  /** Counts each foreign key's values over the rows of a table built in memory. */
  private static void countKeys(Table table, TableData data) {
    for (ForeignKey fk : table.foreignKeys()) {
      if (!data.childCounts(fk.name()).isEmpty()) {
        continue;
      }
      int[] index = fk.columns().stream().mapToInt(c -> data.columns().indexOf(c)).toArray();
      for (int r = 0; r < data.size(); r++) {
        Object[] key = new Object[index.length];
        for (int k = 0; k < index.length; k++) {
          key[k] = index[k] < 0 ? null : data.row(r)[index[k]];
        }
        data.countKey(fk.name(), key);
      }
    }
  }

  private static String physicalName(Table readAs, String logicalColumn) {
    return readAs
        .findColumn(logicalColumn)
        .or(
            () ->
                readAs.columns().stream()
                    .filter(
                        c ->
                            c.name()
                                .toLowerCase(Locale.ROOT)
                                .equals(logicalColumn.toLowerCase(Locale.ROOT)))
                    .findFirst())
        .map(Column::name)
        .orElseThrow(
            () -> new SynthException("table " + readAs.name() + " has no column " + logicalColumn));
  }
}
