package io.syndata.engine;

import io.syndata.data.ForwardingTarget;
import io.syndata.data.RowBatch;
import io.syndata.data.Target;
import io.syndata.schema.Column;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a model's rows into tables that migrations have changed since training: columns the target
 * no longer has are left out of each batch, and new columns without a default get a value derived
 * from the seed, the column and the row's other values — a function of the row, so that the output
 * does not depend on the order in which threads deliver batches.
 */
final class DriftTarget extends ForwardingTarget {
  private final long seed;
  private final Map<String, Set<String>> dropped = new HashMap<>();
  private final Map<String, List<Column>> added = new HashMap<>();

  DriftTarget(Target delegate, List<SchemaDrift.Difference> differences, long seed) {
    super(delegate);
    this.seed = seed;
    for (SchemaDrift.Difference d : differences) {
      if (d.kind() == SchemaDrift.Kind.DROPPED_COLUMN) {
        dropped.computeIfAbsent(d.table(), t -> new HashSet<>()).add(d.column().orElseThrow());
      } else if (d.kind() == SchemaDrift.Kind.NEW_COLUMN && !d.hasDefault()) {
        added
            .computeIfAbsent(d.table(), t -> new ArrayList<>())
            .add(d.targetColumn().orElseThrow());
      }
    }
  }

  @Override
  public void begin(Schema schema) {
    delegate.begin(schema.map(this::adapt));
  }

  private Table adapt(Table t) {
    Set<String> gone = dropped.getOrDefault(t.name(), Set.of());
    List<Column> columns = new ArrayList<>();
    for (Column c : t.columns()) {
      if (!gone.contains(c.name())) {
        columns.add(c);
      }
    }
    columns.addAll(added.getOrDefault(t.name(), List.of()));
    List<List<String>> uniques =
        t.uniqueKeys().stream().filter(u -> u.stream().noneMatch(gone::contains)).toList();
    return new Table(
        t.name(),
        t.namespace(),
        columns,
        t.primaryKey(),
        uniques,
        t.foreignKeys(),
        t.rowCount(),
        t.model());
  }

  @Override
  public void write(RowBatch batch) {
    Set<String> gone = dropped.getOrDefault(batch.table(), Set.of());
    List<Column> extra = added.getOrDefault(batch.table(), List.of());
    if (gone.isEmpty() && extra.isEmpty()) {
      delegate.write(batch);
      return;
    }
    List<String> columns = new ArrayList<>();
    List<Object[]> values = new ArrayList<>();
    for (int c = 0; c < batch.columns().size(); c++) {
      if (!gone.contains(batch.columns().get(c))) {
        columns.add(batch.columns().get(c));
        values.add(batch.values()[c]);
      }
    }
    for (Column column : extra) {
      Object[] filled = new Object[batch.size()];
      long columnSeed = mix(seed ^ (batch.table() + "." + column.name()).hashCode());
      for (int r = 0; r < batch.size(); r++) {
        filled[r] = fallback(column, mix(columnSeed ^ rowHash(batch, r)));
      }
      columns.add(column.name());
      values.add(filled);
    }
    delegate.write(
        new RowBatch(batch.table(), columns, values.toArray(new Object[0][]), batch.size()));
  }

  private static long rowHash(RowBatch batch, int row) {
    long h = 17;
    for (int c = 0; c < batch.columns().size(); c++) {
      Object v = batch.value(c, row);
      h = h * 31 + (v == null ? 0 : v.hashCode());
    }
    return h;
  }

  /** A value of the column's type that fits its length and precision. */
  static Object fallback(Column c, long h) {
    long n = h & Long.MAX_VALUE;
    return switch (c.type()) {
      case BOOLEAN -> (n & 1) == 0;
      case INTEGER -> n % 1000;
      case DECIMAL -> {
        int intDigits =
            c.precision() == 0 ? 6 : Math.max(0, Math.min(6, c.precision() - c.scale()));
        long bound = (long) Math.pow(10, intDigits);
        yield BigDecimal.valueOf(n % Math.max(1, bound))
            .setScale(c.scale(), RoundingMode.UNNECESSARY);
      }
      case FLOAT -> (n % 100_000) / 100.0;
      case STRING -> {
        String s = Long.toString(n, 36);
        yield c.length() > 0 && s.length() > c.length() ? s.substring(0, c.length()) : s;
      }
      case DATE -> LocalDate.of(2020, 1, 1).plusDays(n % 1461);
      case TIME -> LocalTime.ofSecondOfDay(n % 86_400);
      case TIMESTAMP -> LocalDateTime.of(2020, 1, 1, 0, 0).plusSeconds(n % (1461L * 86_400));
      case TIMESTAMP_TZ ->
          OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
              .plusSeconds(n % (1461L * 86_400));
      case UUID -> new UUID(h, mix(h));
    };
  }

  /** SplitMix64's finaliser: spreads nearby inputs over the whole range. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  @Override
  public void update(RowBatch batch, List<String> keyColumns, long[] rowIndex) {
    Set<String> gone = dropped.getOrDefault(batch.table(), Set.of());
    if (batch.columns().stream().noneMatch(gone::contains)) {
      delegate.update(batch, keyColumns, rowIndex);
    }
    // A deferred key column cannot be dropped: SchemaDrift refuses drift on key columns.
  }
}
