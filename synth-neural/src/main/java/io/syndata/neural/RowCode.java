package io.syndata.neural;

import java.util.ArrayList;
import java.util.List;

/**
 * The layout of a row vector: the {@link ColumnCode}s of its columns side by side, and which slots
 * hold continuous values and which form one-hot groups (the decoder's heads: a mean per continuous
 * slot, a softmax per group).
 */
final class RowCode {
  final ColumnCode[] columns;
  final int[] offsets;
  final int width;

  /** Per slot: whether it holds a continuous value (else it belongs to a one-hot group). */
  final boolean[] continuous;

  /** The one-hot groups as {start, size}. */
  final List<int[]> groups;

  RowCode(List<ColumnCode> columns) {
    this.columns = columns.toArray(ColumnCode[]::new);
    this.offsets = new int[this.columns.length];
    int at = 0;
    List<Boolean> cont = new ArrayList<>();
    List<int[]> groups = new ArrayList<>();
    for (int c = 0; c < this.columns.length; c++) {
      ColumnCode code = this.columns[c];
      offsets[c] = at;
      if (code.kind == ColumnCode.Kind.CONTINUOUS) {
        cont.add(true);
        if (code.nullable) {
          groups.add(new int[] {at + 1, 2});
          cont.add(false);
          cont.add(false);
        }
        if (code.modes != null) {
          groups.add(new int[] {at + code.modeOffset(), code.modes.count()});
          for (int i = 0; i < code.modes.count(); i++) {
            cont.add(false);
          }
        }
      } else {
        groups.add(new int[] {at, code.width()});
        for (int i = 0; i < code.width(); i++) {
          cont.add(false);
        }
      }
      at += code.width();
    }
    this.width = at;
    this.continuous = new boolean[at];
    for (int i = 0; i < at; i++) {
      continuous[i] = cont.get(i);
    }
    this.groups = List.copyOf(groups);
  }

  /** The index among the continuous slots of each slot, -1 for one-hot slots. */
  int[] continuousIndex() {
    int[] index = new int[width];
    int k = 0;
    for (int i = 0; i < width; i++) {
      index[i] = continuous[i] ? k++ : -1;
    }
    return index;
  }

  int continuousSlots() {
    int n = 0;
    for (boolean b : continuous) {
      n += b ? 1 : 0;
    }
    return n;
  }
}
