package io.syndata.data;

import io.syndata.schema.Schema;
import java.util.List;

/**
 * A partitioned target that passes every call to the one it wraps, as {@link ForwardingTarget} does
 * for plain targets; subclasses override what they change (a writer that stops half way).
 */
public abstract class ForwardingPartitionedTarget extends ForwardingTarget
    implements PartitionedTarget {
  protected final PartitionedTarget partitioned;

  protected ForwardingPartitionedTarget(PartitionedTarget delegate) {
    super(delegate);
    this.partitioned = delegate;
  }

  @Override
  public List<Committed> beginPartitioned(
      Schema schema, RunFingerprint fingerprint, boolean resume) {
    return partitioned.beginPartitioned(schema, fingerprint, resume);
  }

  @Override
  public PartitionWriter openWriter() {
    return partitioned.openWriter();
  }

  @Override
  public String abandon() {
    return partitioned.abandon();
  }
}
