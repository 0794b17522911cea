package io.syndata.data;

import io.syndata.schema.Schema;
import java.util.List;

/**
 * A target that passes every call to the one it wraps; subclasses override what they add (progress,
 * tallies, adapted rows), so a new method of {@link Target} reaches every wrapped target at once.
 */
public abstract class ForwardingTarget implements Target {
  protected final Target delegate;

  protected ForwardingTarget(Target delegate) {
    this.delegate = delegate;
  }

  @Override
  public void begin(Schema schema) {
    delegate.begin(schema);
  }

  @Override
  public void write(RowBatch batch) {
    delegate.write(batch);
  }

  @Override
  public void beginPartition(int stage, int partition) {
    delegate.beginPartition(stage, partition);
  }

  @Override
  public void update(RowBatch batch, List<String> keyColumns, long[] rowIndex) {
    delegate.update(batch, keyColumns, rowIndex);
  }

  @Override
  public void commit() {
    delegate.commit();
  }

  @Override
  public void abort() {
    delegate.abort();
  }

  @Override
  public String describe() {
    return delegate.describe();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
