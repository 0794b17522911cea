package io.syndata.data;

import io.syndata.schema.Schema;

/**
 * Where synthetic rows go. The protocol is: {@link #begin} once (checks the target is empty and
 * creates what is missing), {@link #write} batches table by table with parents before children,
 * {@link #update} for deferred foreign keys, then {@link #commit}. On any failure the caller calls
 * {@link #abort}, which leaves the target as it was found.
 */
public interface Target extends AutoCloseable {

  void begin(Schema schema);

  void write(RowBatch batch);

  /**
   * Says that the batches written next, up to the next call, belong to partition {@code partition}
   * of stage {@code stage} of the generation plan (partitions are numbered from 0 within their
   * stage, and a table belongs to one stage). The generator calls it before each partition's
   * batches; other writers (a copy) never do. Targets that lay files out per partition use it; the
   * default ignores it.
   */
  default void beginPartition(int stage, int partition) {}

  /**
   * Sets columns of rows already written (the deferred foreign keys of a cycle). The batch holds
   * the key columns named in {@code keyColumns} followed by the columns to set; {@code rowIndex[r]}
   * is the row's position among the rows written to that table, for targets without keys.
   */
  void update(RowBatch batch, java.util.List<String> keyColumns, long[] rowIndex);

  void commit();

  /** Undoes everything this target wrote or created; never throws. */
  void abort();

  String describe();

  @Override
  void close();
}
