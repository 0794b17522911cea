package io.syndata.model;

import io.syndata.schema.Relation;
import io.syndata.schema.SynthException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The parent rows of one secondary foreign key for every row of the child table, as a function of
 * the child row's ordinal: the parents' sampled child counts, rescaled to the child rows that are
 * not null, make a multiset of slots; a keyed {@link Permutation} of the ordinals deals them out.
 * Each parent so gets its sampled number of children (an order line's product follows the products'
 * popularity), the share of nulls is exact, and no partition needs another's rows.
 */
final class SecondaryParents {
  private final long[] cumulative;
  private final long nonNull;
  private final Permutation permutation;

  /**
   * @param parent the parent table's rows, with their child counts in {@code relation}
   * @param childRows the planned rows of the child table (its ordinals are {@code [0, childRows)})
   * @param nullRate the share of child rows whose key is null
   * @param nullable whether the foreign key may be null
   */
  private SecondaryParents(
      Relation relation,
      TableStore parent,
      long childRows,
      double nullRate,
      boolean nullable,
      long seed) {
    long nulls = Math.round(childRows * nullRate);
    this.nonNull = childRows - nulls;
    this.permutation =
        new Permutation(
            Math.max(1, childRows),
            Seeds.derive(seed, relation.child(), "secondary", relation.fk().name()));
    int m = parent.size();
    if (m == 0) {
      if (nonNull > 0 && !nullable) {
        throw new SynthException(
            "cannot generate "
                + relation.child()
                + ": its foreign key "
                + relation
                + " is NOT NULL but "
                + relation.parent()
                + " has no rows (give it rows with --rows "
                + relation.parent()
                + "=N)");
      }
      this.cumulative = new long[0];
      return;
    }
    int[] counts = new int[m];
    for (int j = 0; j < m; j++) {
      counts[j] = parent.count(relation, j);
    }
    counts = Counts.rescale(counts, nonNull, false, null);
    this.cumulative = new long[m];
    long sum = 0;
    for (int j = 0; j < m; j++) {
      sum += counts[j];
      cumulative[j] = sum;
    }
  }

  /**
   * The parents of one secondary relation, for the child table's planned rows and its learned share
   * of null keys (when the key may be null).
   */
  static SecondaryParents of(
      SynthModel model, GenerationPlan plan, Relation relation, TableStore parent, long seed) {
    TableModel child = model.table(relation.child());
    boolean nullable =
        relation.fk().columns().stream().allMatch(c -> child.table().column(c).nullable());
    return new SecondaryParents(
        relation,
        parent,
        plan.table(relation.child()).rows(),
        nullable ? child.nullRate(relation) : 0,
        nullable,
        seed);
  }

  /** The parent row of the child row with this ordinal, or -1 for a null key. */
  int parentOf(long childOrdinal) {
    if (cumulative.length == 0) {
      return -1;
    }
    long slot = permutation.apply(childOrdinal);
    return slot >= nonNull ? -1 : rowOfSlot(slot);
  }

  /** Another parent row, drawn in proportion to the parents' child counts. */
  int draw(SplittableRandom random) {
    if (cumulative.length == 0 || nonNull == 0) {
      return -1;
    }
    return rowOfSlot(random.nextLong(nonNull));
  }

  private int rowOfSlot(long slot) {
    int i = Arrays.binarySearch(cumulative, slot + 1);
    if (i < 0) {
      i = -i - 1;
    }
    // The first parent whose cumulative count exceeds the slot; equal entries belong to parents
    // with no slot, so step back over them to the first.
    while (i > 0 && cumulative[i - 1] == cumulative[i]) {
      i--;
    }
    return i;
  }
}
