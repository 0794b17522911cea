package io.syndata.model;

import io.syndata.schema.Relation;
import io.syndata.schema.Table;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The fitted model of one table, whatever the model kind: it samples the table's attribute columns
 * and, for each child relation, how many child rows each sampled row has, optionally conditioned on
 * the values of each row's parent. Keys are not sampled: the {@link Generator} makes them from
 * {@link #keyFormats()} and the parents' rows. Implementations are immutable and thread-safe; all
 * randomness comes from the generator passed to {@link #sample}.
 */
public interface TableModel {

  /** The table as fitted (columns, kinds, keys). */
  Table table();

  /** Rows of the table in the source. */
  long sourceRows();

  /**
   * The columns {@link #sample} returns values for, in table order: every written column that is
   * not a key or ID.
   */
  List<String> attributeColumns();

  /**
   * The relations in which this table is the parent and for which {@link #sample} returns a child
   * count per row: every non-deferred child relation, secondary parents included.
   */
  List<Relation> childRelations();

  /** The relation whose parent row conditions each sampled row; empty for root tables. */
  Optional<Relation> parentRelation();

  /** The parent's columns whose values {@link #sample} conditions on, in order; empty when none. */
  List<String> parentColumns();

  /**
   * How to make the values of columns that are not sampled: primary-key columns that are not part
   * of a foreign key, and non-key {@link io.syndata.schema.ColumnKind#ID} columns.
   */
  Map<String, KeyFormat> keyFormats();

  /**
   * The share of source rows whose foreign key of {@code relation} (where this table is the child)
   * is null.
   */
  double nullRate(io.syndata.schema.Relation relation);

  /**
   * Samples {@code n} rows.
   *
   * @param parentValues the values of {@link #parentColumns()} of each row's parent, as {@code
   *     parentValues[column][row]} in canonical types; an array of length 0 samples from the
   *     unconditioned distribution
   * @param random the only source of randomness: equal generators give equal samples
   */
  TableSample sample(int n, Object[][] parentValues, SplittableRandom random);

  /**
   * The marginals and correlations the model holds for its sampled columns, for a report that
   * compares generated rows with the model; empty for model kinds that keep no such statistics.
   */
  default Optional<LearnedStatistics> statistics() {
    return Optional.empty();
  }
}
