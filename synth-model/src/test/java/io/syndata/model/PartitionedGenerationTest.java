package io.syndata.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.data.InMemorySource;
import io.syndata.data.InMemoryTarget;
import io.syndata.data.PartitionedTarget;
import io.syndata.data.Progress;
import io.syndata.data.RowBatch;
import io.syndata.data.RunFingerprint;
import io.syndata.schema.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Partitions written by several writers, and a run resumed from some committed partitions, give
 * exactly the rows of the one-target run; keys never collide across partitions.
 */
class PartitionedGenerationTest {
  static SynthModel model;
  static InMemorySource source;
  static GenerationOptions options = new GenerationOptions(40, Map.of(), 11, 2);
  static GenerationPlan plan;
  static InMemoryTarget single;

  @BeforeAll
  static void fit() {
    source = Fixtures.shop(7, 300);
    model = Fixtures.fit(source, FitOptions.defaults(1));
    plan = GenerationPlan.of(model, options);
    single = Fixtures.generate(model, options);
  }

  /** Partitions kept per (stage, partition) and put into memory in plan order at the end. */
  static final class PartitionedMemory implements PartitionedTarget {
    final InMemoryTarget memory = new InMemoryTarget();
    final Map<Long, List<RowBatch>> partitions = new ConcurrentSkipListMap<>();
    final List<Committed> committed = Collections.synchronizedList(new ArrayList<>());
    private boolean flushed;

    @Override
    public List<Committed> beginPartitioned(
        Schema schema, RunFingerprint fingerprint, boolean resume) {
      memory.begin(schema);
      return List.of();
    }

    @Override
    public PartitionWriter openWriter() {
      return new PartitionWriter() {
        @Override
        public void write(Committed p, List<RowBatch> batches) {
          partitions.put(((long) p.stage() << 32) | p.partition(), batches);
          committed.add(p);
        }

        @Override
        public void close() {}
      };
    }

    private void flush() {
      if (!flushed) {
        flushed = true;
        partitions.values().forEach(batches -> batches.forEach(memory::write));
      }
    }

    @Override
    public String abandon() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void begin(Schema schema) {
      throw new UnsupportedOperationException("a partitioned run begins with beginPartitioned");
    }

    @Override
    public void write(RowBatch batch) {
      throw new UnsupportedOperationException("a partitioned run writes through its writers");
    }

    @Override
    public void update(RowBatch batch, List<String> keyColumns, long[] rowIndex) {
      flush();
      memory.update(batch, keyColumns, rowIndex);
    }

    @Override
    public void commit() {
      flush();
      memory.commit();
    }

    @Override
    public void abort() {}

    @Override
    public String describe() {
      return "partitions in memory";
    }

    @Override
    public void close() {}
  }

  private static PartitionedMemory run(int writers, List<PartitionedTarget.Committed> done) {
    PartitionedMemory target = new PartitionedMemory();
    target.beginPartitioned(model.graph().schema(), plan.fingerprint(model, options), false);
    Generator.generate(model, options, plan, target, writers, done, Progress.NONE);
    target.commit();
    return target;
  }

  private static List<List<Object>> rows(InMemoryTarget t, String table) {
    return t.rows(table).stream().map(Arrays::asList).toList();
  }

  @Test
  void keysNeverCollideAcrossPartitions() {
    assertThat(plan.stages().stream().mapToInt(GenerationPlan.Stage::partitions).max().orElse(0))
        .isGreaterThan(2);
    Integrity.check(source.schema(), single);
  }

  @Test
  void scaleUpToAThousandIsPlannedAndTheDryRunSaysWhatAWorkerHolds() {
    GenerationOptions thousand = new GenerationOptions(1000, Map.of("orders", 5_000L), 11, 2);
    GenerationPlan big = GenerationPlan.of(model, thousand);
    assertThat(big.table("customers").rows()).isEqualTo(300_000);
    assertThat(big.table("orders").rows()).as("--rows is exact at any scale").isEqualTo(5_000);
    assertThat(big.describe(model, 2))
        .contains("per worker (a thread, or an executor core): partitions of up to ")
        .contains(" of heap each while made or waiting to be written");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new GenerationOptions(1000.5, Map.of(), 11, 2))
        .hasMessage("--scale must be between 0.01 and 1000.0, was 1000.5");
  }

  @Test
  void anyNumberOfWritersGivesTheRowsOfOneTarget() {
    for (int writers : new int[] {1, 3}) {
      PartitionedMemory partitioned = run(writers, List.of());
      for (String table : single.tables()) {
        assertThat(rows(partitioned.memory, table)).as(table).isEqualTo(rows(single, table));
      }
    }
  }

  @Test
  void aResumedRunWritesOnlyTheMissingPartitionsAndTheirRowsAreTheSame() {
    PartitionedMemory whole = run(2, List.of());
    List<PartitionedTarget.Committed> done = new ArrayList<>();
    List<Long> doneKeys = new ArrayList<>();
    int i = 0;
    for (PartitionedTarget.Committed c : List.copyOf(whole.committed)) {
      if (i++ % 2 == 0) {
        done.add(c);
        doneKeys.add(((long) c.stage() << 32) | c.partition());
      }
    }
    PartitionedMemory resumed = run(3, done);
    assertThat(resumed.partitions.keySet()).doesNotContainAnyElementsOf(doneKeys);
    assertThat(resumed.partitions.size() + done.size()).isEqualTo(whole.partitions.size());
    resumed.partitions.forEach(
        (key, batches) -> {
          List<RowBatch> expected = whole.partitions.get(key);
          assertThat(batches).hasSameSizeAs(expected);
          for (int b = 0; b < batches.size(); b++) {
            for (int c = 0; c < batches.get(b).columns().size(); c++) {
              assertThat(Arrays.copyOf(batches.get(b).values()[c], batches.get(b).size()))
                  .isEqualTo(Arrays.copyOf(expected.get(b).values()[c], expected.get(b).size()));
            }
          }
        });
  }
}
