package io.syndata.bench;

import io.syndata.data.ForwardingPartitionedTarget;
import io.syndata.data.PartitionedTarget;
import io.syndata.data.Progress;
import io.syndata.data.RowBatch;
import io.syndata.data.SchemaFilter;
import io.syndata.data.Source;
import io.syndata.engine.RunReport;
import io.syndata.engine.SourceSpec;
import io.syndata.engine.SynData;
import io.syndata.engine.WriteOptions;
import io.syndata.model.FitOptions;
import io.syndata.model.GenerationOptions;
import io.syndata.model.GenerationPlan;
import io.syndata.model.SynthModel;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Generation of one fitted model into PostgreSQL with one transaction ({@code --writers 1}) or
 * partition by partition over several writers, and the time a {@code --resume} takes after a run
 * stopped half way (a writer fails after half the partitions, as if the process had been killed:
 * the committed partitions are what a kill leaves). Prints markdown rows, medians of {@code runs}.
 *
 * <p>Usage: {@code WritersBench <dataset-dir> <postgres-server-url> <runs> <scale:writers>...};
 * generation always on 2 threads. Given a folder instead of a server URL, each run writes CSV into
 * a new folder under it (deleted afterwards): a folder target's part files and final assembly.
 */
public final class WritersBench {
  private WritersBench() {}

  public static void main(String[] args) throws Exception {
    Path dataset = Path.of(args[0]);
    String server = args[1];
    int runs = Integer.parseInt(args[2]);
    SourceSpec spec = new SourceSpec(dataset.toString(), Optional.empty(), SchemaFilter.ALL);
    SynthModel model;
    try (Source source = SynData.openSource(spec)) {
      Schema schema = SynData.introspect(spec, Progress.NONE);
      model = SynData.fit(schema, source, FitOptions.defaults(42), Progress.NONE);
    }
    String warm = create(server);
    SynData.generate(model, warm, new GenerationOptions(1, Map.of(), 1, 2), Progress.NONE);
    drop(server, warm);
    System.out.println(
        "| scale | writers | rows | partitions | median time (s) | rows/s | live heap after GC, peak (MiB) | resume after a stop half way (s) |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (int i = 3; i < args.length; i++) {
      String[] parts = args[i].split(":");
      double scale = Double.parseDouble(parts[0]);
      int writers = Integer.parseInt(parts[1]);
      GenerationOptions options = new GenerationOptions(scale, Map.of(), 42, 2);
      GenerationPlan plan = GenerationPlan.of(model, options);
      int partitions = plan.stages().stream().mapToInt(GenerationPlan.Stage::partitions).sum();
      List<double[]> results = new ArrayList<>();
      long rows = 0;
      for (int r = 0; r < runs; r++) {
        String url = create(server);
        System.gc();
        LiveHeap live = LiveHeap.start();
        long start = System.nanoTime();
        RunReport result =
            SynData.generate(model, url, options, new WriteOptions(writers, false), Progress.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        double liveMb = live.stop();
        rows = result.writtenRows().values().stream().mapToLong(Long::longValue).sum();
        drop(server, url);
        double resume = Double.NaN;
        if (writers > 1) {
          url = create(server);
          PartitionedTarget target = (PartitionedTarget) SynData.openTarget(url);
          try {
            SynData.generate(
                model,
                new StopHalfWay(target, partitions / 2),
                options,
                new WriteOptions(writers, false),
                Progress.NONE);
          } catch (SynthException expected) {
            // stopped half way, as planned
          }
          long resumed = System.nanoTime();
          SynData.generate(model, url, options, new WriteOptions(writers, true), Progress.NONE);
          resume = (System.nanoTime() - resumed) / 1e9;
          drop(server, url);
        }
        results.add(new double[] {seconds, liveMb, resume});
      }
      double seconds = median(results, 0);
      System.out.printf(
          Locale.ROOT,
          "| ×%s | %d | %,d | %d | %.1f | %,.0f | %.0f | %s |%n",
          parts[0],
          writers,
          rows,
          partitions,
          seconds,
          rows / seconds,
          median(results, 1),
          writers > 1 ? String.format(Locale.ROOT, "%.1f", median(results, 2)) : "—");
    }
  }

  private static final AtomicInteger FOLDERS = new AtomicInteger();

  /** A new empty target: a database on the server, or a folder under the given one. */
  private static String create(String server) throws Exception {
    if (server.startsWith("jdbc:")) {
      return BenchDatabases.create(server, "bench_writers");
    }
    return Path.of(server).resolve("run-" + FOLDERS.incrementAndGet()).toString();
  }

  private static void drop(String server, String target) throws Exception {
    if (server.startsWith("jdbc:")) {
      BenchDatabases.drop(server, target);
      return;
    }
    Path folder = Path.of(target);
    try (java.util.stream.Stream<Path> siblings = java.nio.file.Files.list(folder.getParent())) {
      for (Path p : siblings.filter(p -> ours(p, folder)).toList()) {
        try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(p)) {
          for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
            java.nio.file.Files.delete(f);
          }
        }
      }
    }
  }

  /** The folder itself, or what a run into it leaves beside it (lock, record, staging). */
  private static boolean ours(Path p, Path folder) {
    String name = p.getFileName().toString();
    String own = folder.getFileName().toString();
    return name.equals(own) || name.startsWith("." + own + ".");
  }

  private static double median(List<double[]> results, int i) {
    List<Double> xs = results.stream().map(r -> r[i]).sorted().toList();
    return xs.get(xs.size() / 2);
  }

  /** A partitioned target whose writers fail once {@code after} partitions were handed out. */
  private static final class StopHalfWay extends ForwardingPartitionedTarget {
    private final int after;
    private final AtomicInteger handed = new AtomicInteger();

    StopHalfWay(PartitionedTarget delegate, int after) {
      super(delegate);
      this.after = after;
    }

    @Override
    public PartitionWriter openWriter() {
      PartitionWriter w = partitioned.openWriter();
      return new PartitionWriter() {
        @Override
        public void write(Committed partition, List<RowBatch> batches) {
          if (handed.getAndIncrement() >= after) {
            throw new SynthException("stopped half way for the benchmark");
          }
          w.write(partition, batches);
        }

        @Override
        public void close() {
          w.close();
        }
      };
    }
  }
}
