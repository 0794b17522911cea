package io.syndata.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's load test, run by hand (not in the suite; see docs/benchmarks.md): on loopback, 50
 * small jobs submitted at once and 200 status requests per second for one minute. Prints latency
 * percentiles, errors and the peak heap of the JVM (server and client share it).
 *
 * <p>{@code java -cp <test class path> io.syndata.server.ServerLoad [seconds] [jobs] [rps]}
 */
public final class ServerLoad {
  private ServerLoad() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int jobCount = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int rps = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    Path data = Files.createTempDirectory("synth-load");
    ServerConfig config =
        new ServerConfig(
            data, 0, 2, 200, 10L << 20, 100L << 20, 100, 1_000_000, 10_000, Duration.ofDays(1));
    AtomicLong peakHeap = new AtomicLong();
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    sampler.scheduleAtFixedRate(
        () -> {
          Runtime r = Runtime.getRuntime();
          peakHeap.accumulateAndGet(r.totalMemory() - r.freeMemory(), Math::max);
        },
        0,
        50,
        TimeUnit.MILLISECONDS);
    try (SynthServer server = SynthServer.start(config)) {
      String token;
      try (ApiKeys keys = ApiKeys.open(data)) {
        token = keys.create("load", Optional.empty()).token();
      }
      TestClient client = new TestClient(server.port(), token);
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .executor(Executors.newFixedThreadPool(16))
              .build();
      byte[] csv = TestClient.customers(200).getBytes(StandardCharsets.UTF_8);

      long start = System.nanoTime();
      List<Long> submitMs = Collections.synchronizedList(new ArrayList<>());
      List<String> ids = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger submitErrors = new AtomicInteger();
      ExecutorService submitters = Executors.newFixedThreadPool(jobCount);
      List<CompletableFuture<Void>> submits = new ArrayList<>();
      for (int i = 0; i < jobCount; i++) {
        submits.add(
            CompletableFuture.runAsync(
                () -> {
                  long t = System.nanoTime();
                  HttpResponse<String> r =
                      client.upload("/api/jobs", "people.csv", csv, Map.of("seed", "7"));
                  submitMs.add((System.nanoTime() - t) / 1_000_000);
                  if (r.statusCode() == 201) {
                    ids.add(TestClient.json(r).path("id").asText());
                  } else {
                    submitErrors.incrementAndGet();
                    System.err.println("submit: " + r.statusCode() + " " + r.body());
                  }
                },
                submitters));
      }
      CompletableFuture.allOf(submits.toArray(CompletableFuture[]::new)).join();
      submitters.shutdown();

      ConcurrentLinkedQueue<Long> statusMicros = new ConcurrentLinkedQueue<>();
      AtomicInteger statusErrors = new AtomicInteger();
      AtomicInteger sent = new AtomicInteger();
      List<CompletableFuture<?>> inFlight = Collections.synchronizedList(new ArrayList<>());
      ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
      long periodMicros = 1_000_000L / rps;
      long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
      ticker.scheduleAtFixedRate(
          () -> {
            if (System.nanoTime() > until) {
              return;
            }
            int n = sent.getAndIncrement();
            String id = ids.get(n % ids.size());
            HttpRequest req =
                HttpRequest.newBuilder(URI.create(client.base + "/api/jobs/" + id))
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30))
                    .GET()
                    .build();
            long t = System.nanoTime();
            inFlight.add(
                http.sendAsync(req, HttpResponse.BodyHandlers.ofString())
                    .whenComplete(
                        (r, e) -> {
                          statusMicros.add((System.nanoTime() - t) / 1000);
                          if (e != null || r.statusCode() != 200) {
                            statusErrors.incrementAndGet();
                          }
                        }));
          },
          0,
          periodMicros,
          TimeUnit.MICROSECONDS);
      Thread.sleep(Duration.ofSeconds(seconds).toMillis());
      ticker.shutdown();
      CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
          .exceptionally(e -> null)
          .join();

      int succeeded = 0;
      int failed = 0;
      int unfinished = 0;
      for (String id : ids) {
        String state = TestClient.json(client.get("/api/jobs/" + id)).path("state").asText();
        switch (state) {
          case "succeeded" -> succeeded++;
          case "failed", "cancelled" -> failed++;
          default -> unfinished++;
        }
      }
      double wall = (System.nanoTime() - start) / 1e9;
      List<Long> s = new ArrayList<>(statusMicros);
      Collections.sort(s);
      List<Long> sub = new ArrayList<>(submitMs);
      Collections.sort(sub);
      System.out.printf(
          Locale.ROOT,
          "cores %d, heap max %d MB, workers %d%n",
          Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20,
          config.workers());
      System.out.printf(
          Locale.ROOT,
          "jobs: %d submitted, %d refused; submit latency p50 %d ms, p95 %d ms, p99 %d ms%n",
          ids.size(),
          submitErrors.get(),
          pct(sub, 50),
          pct(sub, 95),
          pct(sub, 99));
      System.out.printf(
          Locale.ROOT,
          "jobs after %.0f s: %d succeeded, %d failed, %d not finished%n",
          wall,
          succeeded,
          failed,
          unfinished);
      System.out.printf(
          Locale.ROOT,
          "status: %d requests in %d s (%.0f/s), %d errors; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          s.size(),
          seconds,
          s.size() / (double) seconds,
          statusErrors.get(),
          pct(s, 50) / 1000.0,
          pct(s, 95) / 1000.0,
          pct(s, 99) / 1000.0,
          s.get(s.size() - 1) / 1000.0);
      System.out.printf(
          Locale.ROOT, "peak heap used (server and client): %d MB%n", peakHeap.get() >> 20);
    } finally {
      sampler.shutdownNow();
    }
    System.exit(0);
  }

  private static long pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
