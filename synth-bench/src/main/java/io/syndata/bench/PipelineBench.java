package io.syndata.bench;

import io.syndata.data.Progress;
import io.syndata.data.SchemaFilter;
import io.syndata.engine.GenerateRequest;
import io.syndata.engine.RunReport;
import io.syndata.engine.SourceSpec;
import io.syndata.engine.SynData;
import io.syndata.model.FitOptions;
import io.syndata.model.GenerationOptions;
import io.syndata.model.OrphanPolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * DB-to-DB on PostgreSQL for each dataset: the CSV files are first loaded into a database with
 * their keys (not timed), then synthesized into a fresh database {@code runs} times. Reports the
 * median of each figure, and the rate of a plain COPY of the same synthetic rows.
 *
 * <p>Usage: {@code PipelineBench <datasets-dir> <postgres-server-url> <runs> <dataset>...}
 */
public final class PipelineBench {
  private PipelineBench() {}

  private static final class PhaseClock implements Progress {
    final Map<String, Long> nanos = new HashMap<>();

    @Override
    public void finished(String phase, String table, long rows, Duration elapsed) {
      nanos.merge(phase, elapsed.toNanos(), Long::sum);
    }

    double seconds(String phase) {
      return nanos.getOrDefault(phase, 0L) / 1e9;
    }
  }

  private record Run(
      double total,
      double read,
      double fit,
      double generateAndWrite,
      double write,
      long rows,
      double peakHeapMb) {}

  public static void main(String[] args) throws Exception {
    Path datasets = Path.of(args[0]);
    String server = args[1];
    int runs = Integer.parseInt(args[2]);
    List<String> names = Arrays.asList(args).subList(3, args.length);
    System.out.println(
        "| dataset | source rows | written rows | whole run (s) | read (s) | fit incl. read (s) | generate + write (s) | write (s) | rows/s written | plain COPY rows/s | peak heap (MiB) | s per 1M source rows |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (String name : names) {
      String real = BenchDatabases.create(server, "bench_" + name);
      Map<String, Long> loaded =
          SynData.copy(
              new SourceSpec(datasets.resolve(name).toString(), Optional.empty(), SchemaFilter.ALL),
              real,
              Progress.NONE);
      long sourceRows = loaded.values().stream().mapToLong(Long::longValue).sum();
      List<Run> results = new ArrayList<>();
      String last = null;
      for (int i = 0; i < runs; i++) {
        if (last != null) {
          BenchDatabases.drop(server, last);
        }
        last = BenchDatabases.create(server, "bench_" + name + "_syn");
        System.gc();
        List<MemoryPoolMXBean> heap =
            ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        PhaseClock clock = new PhaseClock();
        long start = System.nanoTime();
        RunReport report =
            SynData.generate(
                new GenerateRequest(
                    SourceSpec.of(real),
                    last,
                    new FitOptions(42, OrphanPolicy.FAIL, FitOptions.DEFAULT_MAX_FIT_ROWS),
                    new GenerationOptions(1.0, Map.of(), 42),
                    false),
                clock);
        double total = (System.nanoTime() - start) / 1e9;
        double peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1048576.0;
        long rows = report.writtenRows().values().stream().mapToLong(Long::longValue).sum();
        results.add(
            new Run(
                total,
                clock.seconds("read"),
                report.phaseTimes().get("fit").toNanos() / 1e9,
                report.phaseTimes().get("generate").toNanos() / 1e9,
                clock.seconds("write"),
                rows,
                peak));
      }
      double copyRate = plainCopyRate(last);
      Run m = median(results);
      System.out.printf(
          Locale.ROOT,
          "| %s | %,d | %,d | %.1f | %.1f | %.1f | %.1f | %.1f | %,.0f | %,.0f | %.0f | %.1f |%n",
          name,
          sourceRows,
          m.rows(),
          m.total(),
          m.read(),
          m.fit(),
          m.generateAndWrite(),
          m.write(),
          m.rows() / m.write(),
          copyRate,
          m.peakHeapMb(),
          m.total() / (sourceRows / 1e6));
      BenchDatabases.drop(server, last);
      BenchDatabases.drop(server, real);
    }
  }

  private static Run median(List<Run> runs) {
    return new Run(
        med(runs, Run::total),
        med(runs, Run::read),
        med(runs, Run::fit),
        med(runs, Run::generateAndWrite),
        med(runs, Run::write),
        runs.get(0).rows(),
        med(runs, Run::peakHeapMb));
  }

  private static double med(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
    double[] v = runs.stream().mapToDouble(f).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /**
   * Rows per second of a plain COPY FROM STDIN of the synthetic rows into the very tables SynData
   * wrote (emptied first; keys, uniques and foreign keys in force), parents first, in one
   * transaction: the same work without SynData. Rows are exported with COPY TO beforehand.
   */
  private static double plainCopyRate(String url) throws Exception {
    List<String> tables =
        SynData.graph(SynData.introspect(SourceSpec.of(url), Progress.NONE))
            .generationOrder()
            .stream()
            .map(t -> t.name())
            .toList();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      Map<String, byte[]> data = new HashMap<>();
      for (String t : tables) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy.copyOut("COPY \"" + t + "\" TO STDOUT (FORMAT csv)", out);
        data.put(t, out.toByteArray());
      }
      c.setAutoCommit(false);
      s.execute(
          "TRUNCATE " + String.join(", ", tables.stream().map(t -> "\"" + t + "\"").toList()));
      long rows = 0;
      long start = System.nanoTime();
      for (String t : tables) {
        rows +=
            copy.copyIn(
                "COPY \"" + t + "\" FROM STDIN (FORMAT csv)",
                new ByteArrayInputStream(data.get(t)));
      }
      c.commit();
      return rows / ((System.nanoTime() - start) / 1e9);
    }
  }
}
