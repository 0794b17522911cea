package io.syndata.bench;

import io.syndata.data.Progress;
import io.syndata.data.SchemaFilter;
import io.syndata.data.Source;
import io.syndata.engine.RunReport;
import io.syndata.engine.SourceSpec;
import io.syndata.engine.SynData;
import io.syndata.model.FitOptions;
import io.syndata.model.GenerationOptions;
import io.syndata.model.GenerationPlan;
import io.syndata.model.Seeds;
import io.syndata.model.SynthModel;
import io.syndata.model.TableModel;
import io.syndata.schema.Schema;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Generation at scale from one fitted model of a dataset: sampling throughput of the statistical
 * model alone (no write) on one table, then whole generations at several scales and thread counts
 * to a CSV folder and, when a PostgreSQL server is given, to PostgreSQL. Prints markdown rows with
 * the median of {@code runs} runs.
 *
 * <p>Usage: {@code ScaleBench <dataset-dir> <sample-table> <postgres-server-url|-> <runs>
 * <scale:threads[:csv|pg]>...}
 */
public final class ScaleBench {
  private ScaleBench() {}

  public static void main(String[] args) throws Exception {
    Path dataset = Path.of(args[0]);
    String sampleTable = args[1];
    String server = args[2];
    int runs = Integer.parseInt(args[3]);
    SourceSpec spec = new SourceSpec(dataset.toString(), Optional.empty(), SchemaFilter.ALL);
    SynthModel model;
    try (Source source = SynData.openSource(spec)) {
      Schema schema = SynData.introspect(spec, Progress.NONE);
      model = SynData.fit(schema, source, FitOptions.defaults(42), Progress.NONE);
    }
    sampling(model.table(sampleTable), runs);
    // Warm the JIT on a small generation first: the first run would otherwise pay for it.
    Path warm = Files.createTempDirectory("synth-bench-warm").resolve("out");
    SynData.generate(
        model, warm.toString(), new GenerationOptions(1, Map.of(), 1, 2), Progress.NONE);
    deleteTree(warm.getParent());
    System.out.println(
        "| scale | target | threads | rows | partitions | median time (s) | rows/s | live heap after GC, peak (MiB) | old-gen peak (MiB) | heap pools peak sum (MiB) |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    for (int i = 4; i < args.length; i++) {
      String[] parts = args[i].split(":");
      double scale = Double.parseDouble(parts[0]);
      int threads = Integer.parseInt(parts[1]);
      String target = parts.length > 2 ? parts[2] : "csv";
      if (target.equals("pg") && server.equals("-")) {
        continue;
      }
      GenerationOptions options = new GenerationOptions(scale, Map.of(), 42, threads);
      GenerationPlan plan = GenerationPlan.of(model, options);
      List<double[]> results = new ArrayList<>();
      long rows = 0;
      for (int r = 0; r < runs; r++) {
        String location =
            target.equals("pg")
                ? BenchDatabases.create(server, "bench_scale")
                : Files.createTempDirectory("synth-bench").resolve("out").toString();
        System.gc();
        List<MemoryPoolMXBean> heap =
            ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        LiveHeap live = LiveHeap.start();
        long start = System.nanoTime();
        RunReport result = SynData.generate(model, location, options, Progress.NONE);
        double liveMb = live.stop();
        double seconds = (System.nanoTime() - start) / 1e9;
        rows = result.writtenRows().values().stream().mapToLong(Long::longValue).sum();
        double old =
            heap.stream()
                    .filter(p -> p.getName().contains("Old"))
                    .mapToLong(p -> p.getPeakUsage().getUsed())
                    .sum()
                / 1048576.0;
        double sum = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1048576.0;
        results.add(new double[] {seconds, old, sum, liveMb});
        if (target.equals("pg")) {
          BenchDatabases.drop(server, location);
        } else {
          deleteTree(Path.of(location).getParent());
        }
      }
      double seconds = median(results, 0);
      System.out.printf(
          Locale.ROOT,
          "| ×%s | %s | %d | %,d | %d | %.1f | %,.0f | %.0f | %.0f | %.0f |%n",
          parts[0],
          target.equals("pg") ? "PostgreSQL" : "CSV folder",
          threads,
          rows,
          plan.stages().stream().mapToInt(GenerationPlan.Stage::partitions).sum(),
          seconds,
          rows / seconds,
          median(results, 3),
          median(results, 1),
          median(results, 2));
    }
  }

  /** Rows per second of one table's model alone, unconditioned, one thread, batches of 10,000. */
  private static void sampling(TableModel table, int runs) {
    int batch = Source.BATCH_SIZE;
    long rows = 2_000_000;
    for (int w = 0; w < 3; w++) {
      table.sample(batch, new Object[0][], Seeds.random(1, "warm", Integer.toString(w)));
    }
    List<double[]> results = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      SplittableRandom random = Seeds.random(7, "bench", Integer.toString(r));
      long start = System.nanoTime();
      for (long done = 0; done < rows; done += batch) {
        table.sample(batch, new Object[0][], random);
      }
      results.add(new double[] {rows / ((System.nanoTime() - start) / 1e9)});
    }
    System.out.printf(
        Locale.ROOT,
        "sampling %s (%d attribute columns, %d child counts): %,.0f rows/s on one thread%n%n",
        table.table().name(),
        table.attributeColumns().size(),
        table.childRelations().size(),
        median(results, 0));
  }

  private static double median(List<double[]> results, int i) {
    List<Double> xs = results.stream().map(r -> r[i]).sorted().toList();
    return xs.get(xs.size() / 2);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
