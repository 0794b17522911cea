package io.syndata.model;

import io.syndata.schema.Relation;
import io.syndata.schema.SynthException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What travels between the coordinator of a {@link DistributedGeneration} and its {@link
 * StageTask}s, as bytes: plain JDK values (the canonical row value types, arrays, maps) inside a
 * few records, read back through a filter that admits nothing else.
 */
final class Wire {
  private static final ObjectInputFilter ONLY_OURS =
      ObjectInputFilter.Config.createFilter(
          "java.lang.*;java.math.*;java.time.*;java.util.*;io.syndata.model.Wire$*;!*");

  private Wire() {}

  /**
   * A {@link TableStore}'s rows.
   *
   * @param columns per store column, its values (exactly {@code size} of them)
   * @param counts per counted relation, each row's child count
   */
  record StoreImage(Object[][] columns, int[][] counts, int size) implements Serializable {
    static StoreImage of(TableStore store) {
      List<String> names = store.columnNames();
      List<Relation> relations = store.countedRelations();
      Object[][] columns = new Object[names.size()][store.size()];
      int[][] counts = new int[relations.size()][store.size()];
      for (int r = 0; r < store.size(); r++) {
        for (int c = 0; c < columns.length; c++) {
          columns[c][r] = store.value(names.get(c), r);
        }
        for (int k = 0; k < counts.length; k++) {
          counts[k][r] = store.count(relations.get(k), r);
        }
      }
      return new StoreImage(columns, counts, store.size());
    }

    /** Appends the rows to a store of the same columns and relations. */
    void addTo(TableStore store) {
      Object[] values = new Object[columns.length];
      int[] rowCounts = new int[counts.length];
      for (int r = 0; r < size; r++) {
        for (int c = 0; c < values.length; c++) {
          values[c] = columns[c][r];
        }
        for (int k = 0; k < rowCounts.length; k++) {
          rowCounts[k] = counts[k][r];
        }
        store.add(values, rowCounts);
      }
    }
  }

  /** What a stage's tasks read of earlier stages: the stores of their secondary parents. */
  record StageInput(Map<String, StoreImage> stores) implements Serializable {}

  /**
   * What one partition tells the coordinator.
   *
   * @param made rows made per summarized table
   * @param stores the partition's share of each table's store
   * @param uniques per table, per unique sampled column, its values in row order (only for stages
   *     of several partitions)
   */
  record Summary(
      Map<String, Long> made,
      Map<String, StoreImage> stores,
      Map<String, Map<String, Object[]>> uniques)
      implements Serializable {}

  /** Per table, per column, per row of the partition (its index there): the value to write. */
  record Fixes(Map<String, Map<String, Map<Integer, Object>>> values) implements Serializable {}

  static byte[] write(Serializable value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new SynthException("cannot encode " + value.getClass().getSimpleName() + ": " + e, e);
    }
    return bytes.toByteArray();
  }

  static <T> T read(byte[] bytes, Class<T> type) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      in.setObjectInputFilter(ONLY_OURS);
      return type.cast(in.readObject());
    } catch (IOException | ClassNotFoundException | ClassCastException e) {
      throw new SynthException(
          "cannot decode a " + type.getSimpleName() + " of a distributed generation: " + e, e);
    }
  }
}
