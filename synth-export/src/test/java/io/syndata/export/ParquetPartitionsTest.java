package io.syndata.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.data.RowBatch;
import io.syndata.data.Target;
import io.syndata.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parquet.per-partition}: a folder per table, a file per plan partition, read by DuckDB. */
class ParquetPartitionsTest {
  @TempDir Path dir;

  /** Starts a new partition before every batch, as the generator does before each partition's. */
  private static final class EachBatchAPartition implements Target {
    private final Target delegate;
    private int partition;

    EachBatchAPartition(Target delegate) {
      this.delegate = delegate;
    }

    @Override
    public void begin(Schema schema) {
      delegate.begin(schema);
    }

    @Override
    public void write(RowBatch batch) {
      delegate.beginPartition(0, partition++);
      delegate.write(batch);
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

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesAFilePerPartitionThatDuckDbReadsBackInWriteOrder() throws IOException {
    Path out = dir.resolve("out");
    try (Target target =
        Exporters.open(
            List.of("parquet"),
            out,
            ExportOptions.DEFAULTS.with("parquet.per-partition", "true"))) {
      ExportFixture.write(new EachBatchAPartition(target));
    }
    assertThat(names(out))
        .containsExactly("dept", "emp", "order", "order_note", "sample", "schema.json");
    // the fixture's batches: dept, emp, sample, order, sample, order, order_note
    assertThat(names(out.resolve("dept"))).containsExactly("part-00000.parquet");
    assertThat(names(out.resolve("sample")))
        .containsExactly("part-00002.parquet", "part-00004.parquet");
    assertThat(names(out.resolve("order")))
        .containsExactly("part-00003.parquet", "part-00005.parquet");
    // every row, deferred foreign keys applied, in write order across the files
    ExportFixture.assertSameData(
        t -> ParquetFormatTest.readWithDuckDb(out.resolve(t.name()).resolve("*.parquet"), t));
  }

  @Test
  void aTableWithoutRowsGetsOneEmptyFileAndACopyIsPartitionZero() throws IOException {
    Path out = dir.resolve("out");
    try (Target target =
        Exporters.open(
            List.of("parquet"),
            out,
            ExportOptions.DEFAULTS.with("parquet.per-partition", "true"))) {
      target.begin(ExportFixture.SCHEMA);
      target.write(
          ExportFixture.batch(
              ExportFixture.DEPT, List.<Object[]>of(new Object[] {1L, "Sales", null})));
      target.commit();
    }
    assertThat(names(out.resolve("dept"))).containsExactly("part-00000.parquet");
    assertThat(names(out.resolve("order_note"))).containsExactly("part-00000.parquet");
    assertThat(
            ParquetFormatTest.readWithDuckDb(
                out.resolve("order_note").resolve("*.parquet"), ExportFixture.ORDER_NOTE))
        .isEmpty();
    assertThat(
            ParquetFormatTest.readWithDuckDb(
                out.resolve("dept").resolve("*.parquet"), ExportFixture.DEPT))
        .hasSize(1);
  }
}
