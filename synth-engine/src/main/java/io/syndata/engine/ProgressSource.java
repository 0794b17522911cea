package io.syndata.engine;

import io.syndata.data.Progress;
import io.syndata.data.RowBatch;
import io.syndata.data.SchemaFilter;
import io.syndata.data.Source;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.util.List;
import java.util.function.Consumer;

/** A source that reports the rows it reads. */
final class ProgressSource implements Source {
  private final Source delegate;
  private final Progress progress;

  ProgressSource(Source delegate, Progress progress) {
    this.delegate = delegate;
    this.progress = progress;
  }

  @Override
  public Schema introspect(SchemaFilter filter) {
    return delegate.introspect(filter);
  }

  @Override
  public long scan(Table table, List<String> columns, Consumer<RowBatch> consumer) {
    long start = System.nanoTime();
    progress.started("read", table.name(), table.rowCount());
    long[] rows = {0};
    long total =
        delegate.scan(
            table,
            columns,
            batch -> {
              consumer.accept(batch);
              rows[0] += batch.size();
              progress.advanced("read", table.name(), rows[0]);
            });
    progress.finished("read", table.name(), total, SynData.since(start));
    return total;
  }

  @Override
  public Schema structure(SchemaFilter filter) {
    return delegate.structure(filter);
  }

  @Override
  public boolean declaresTypes() {
    return delegate.declaresTypes();
  }

  @Override
  public String describe() {
    return delegate.describe();
  }

  @Override
  public void close() {
    // the caller owns the delegate
  }
}
