package io.syndata.model.fit;

import io.syndata.schema.Table;
import java.util.Arrays;
import java.util.List;

/**
 * What fitting learns about a table's address parts while scanning: the combinations they take, and
 * how often they equal those of the row's primary parent (compared in the parent's sample, where
 * the parent holds the same parts as categories).
 */
final class AddressFit {
  private final AddressBlock.Learner learner;
  private final int[] scanIndex;
  private final Link primaryLink;

  /** Per address part: the primary parent's categorical attribute holding it, or -1. */
  private final int[] parentAttrs;

  private AddressFit(String[] columns, List<String> scanColumns, Link primaryLink) {
    this.learner = new AddressBlock.Learner(columns);
    this.scanIndex =
        Arrays.stream(columns).mapToInt(c -> c == null ? -1 : scanColumns.indexOf(c)).toArray();
    this.primaryLink = primaryLink;
    this.parentAttrs = parentAttrs(columns);
  }

  /** The address fit of a table with at least two address parts, else null. */
  static AddressFit of(Table table, List<String> scanColumns, Link primaryLink) {
    String[] columns = AddressBlock.columnsOf(table);
    return columns == null ? null : new AddressFit(columns, scanColumns, primaryLink);
  }

  /**
   * The primary parent's categorical attributes holding the parts this table has too, by part; all
   * -1 when there are none. Names them in the learner.
   */
  private int[] parentAttrs(String[] columns) {
    int[] out = new int[AddressBlock.PARTS.size()];
    Arrays.fill(out, -1);
    if (primaryLink == null) {
      return out;
    }
    String[] parentColumns = AddressBlock.columnsOf(primaryLink.parent.table);
    if (parentColumns == null) {
      return out;
    }
    List<Attr> attrs = primaryLink.parent.attrs;
    for (int p = 0; p < out.length; p++) {
      for (int i = 0; i < attrs.size() && columns[p] != null; i++) {
        Attr a = attrs.get(i);
        if (a.categorical && !a.demoted && a.column.name().equals(parentColumns[p])) {
          out[p] = i;
          learner.parentColumns[p] = parentColumns[p];
        }
      }
    }
    return out;
  }

  /**
   * Observes row {@code r} of a batch; {@code parentSlot} is its parent row's sample slot or -1.
   */
  void observe(Object[][] v, int r, int parentSlot) {
    String[] parts = new String[scanIndex.length];
    for (int p = 0; p < parts.length; p++) {
      parts[p] = scanIndex[p] < 0 ? null : java.util.Objects.toString(v[scanIndex[p]][r], null);
    }
    learner.observe(parts);
    if (parentSlot >= 0 && Arrays.stream(parentAttrs).anyMatch(a -> a >= 0)) {
      learner.observeParent(sameAsParent(parts, parentSlot));
    }
  }

  /** Whether a row's address parts equal those of its parent row (in the parent's sample). */
  private boolean sameAsParent(String[] parts, int parentSlot) {
    for (int p = 0; p < parts.length; p++) {
      int a = parentAttrs[p];
      if (a < 0) {
        continue;
      }
      Attr attr = primaryLink.parent.attrs.get(a);
      int code = (int) primaryLink.parent.attrValues[a][parentSlot];
      Object parentValue = code < 0 ? null : attr.dictionary.get(code);
      if (!java.util.Objects.equals(
          parentValue == null ? null : parentValue.toString(), parts[p])) {
        return false;
      }
    }
    return true;
  }

  AddressBlock model(int minCount) {
    return learner.model(minCount);
  }
}
