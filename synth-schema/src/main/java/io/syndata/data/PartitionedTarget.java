package io.syndata.data;

import io.syndata.schema.Schema;
import java.util.List;
import java.util.Map;

/**
 * A target that takes a generation partition by partition over several connections, each partition
 * in its own transaction, and records in itself which partitions are committed, so that an
 * interrupted run can be resumed or undone.
 *
 * <p>Protocol: {@link #beginPartitioned} instead of {@link #begin}; then any number of {@link
 * PartitionWriter}s ({@link #openWriter}), used from one thread each; {@link #update} and {@link
 * #commit} on this object once every partition is written. {@link #abort} after a successful begin
 * keeps the committed partitions and the record, for {@code --resume} or {@link #abandon}.
 */
public interface PartitionedTarget extends Target {

  /** Rows written per table by one committed partition. */
  record Committed(int stage, int partition, Map<String, Long> rows) {
    public Committed {
      rows = Map.copyOf(rows);
    }
  }

  /**
   * Begins a partitioned run: creates what is missing and records the run with its fingerprint.
   * With {@code resume}, continues the run the target records instead, refusing when its
   * fingerprint differs; a target recording no run begins afresh.
   *
   * @return the partitions a resumed run had committed already; empty for a fresh run
   */
  List<Committed> beginPartitioned(Schema schema, RunFingerprint fingerprint, boolean resume);

  /** A writer on a connection of its own. */
  PartitionWriter openWriter();

  /**
   * Undoes an interrupted run the target records: drops the tables it created, deletes the rows it
   * wrote into tables it found empty, and removes the record, leaving the target as that run found
   * it. Called instead of any begin.
   *
   * @return what was undone, in one line
   * @throws io.syndata.schema.SynthException when the target records no interrupted run
   */
  String abandon();

  /** Writes whole partitions, each in one transaction together with its line of the record. */
  interface PartitionWriter extends AutoCloseable {
    /** Writes the batches (parents first) and records the partition, atomically. */
    void write(Committed partition, List<RowBatch> batches);

    @Override
    void close();
  }
}
