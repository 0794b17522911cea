package io.syndata.cli;

import io.syndata.server.ServerConfig;
import io.syndata.server.SynthServer;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the REST API (/api, described at /api/openapi.json and /docs.html) and the web UI (/) "
          + "until stopped with Ctrl-C. Every /api request needs a key from synth keys create.",
      "Jobs run in the background on --workers workers; jobs left running by a stopped server are "
          + "marked failed at the next start. See docs/server.md."
    })
final class ServeCommand implements Callable<Integer> {
  @Option(
      names = "--port",
      defaultValue = "" + ServerConfig.DEFAULT_PORT,
      description = "HTTP port (default ${DEFAULT-VALUE}; 0 for any free port).")
  int port;

  @Mixin DataDirOption data;

  @Option(
      names = "--workers",
      defaultValue = "2",
      description = "Jobs running at once (default ${DEFAULT-VALUE}).")
  int workers;

  @Option(
      names = "--queue",
      defaultValue = "100",
      description =
          "Jobs waiting beyond the running ones; more are refused with 429 (default ${DEFAULT-VALUE}).")
  int queue;

  @Option(
      names = "--max-upload-mb",
      defaultValue = "100",
      description = "Largest upload (default ${DEFAULT-VALUE}).")
  long maxUploadMb;

  @Option(
      names = "--max-unzipped-mb",
      defaultValue = "1024",
      description = "Most a zip may unpack to, all entries together (default ${DEFAULT-VALUE}).")
  long maxUnzippedMb;

  @Option(
      names = "--max-zip-entries",
      defaultValue = "1000",
      description = "Most entries in a zip (default ${DEFAULT-VALUE}).")
  int maxZipEntries;

  @Option(
      names = "--max-upload-rows",
      defaultValue = "5000000",
      description = "Most rows an upload's CSV files may hold together (default ${DEFAULT-VALUE}).")
  long maxUploadRows;

  @Option(
      names = "--rate-limit",
      defaultValue = "20",
      paramLabel = "<requests/s>",
      description = "Requests per second per key, bursts of twice that (default ${DEFAULT-VALUE}).")
  double rateLimit;

  @Option(
      names = "--retention-hours",
      defaultValue = "168",
      description = "Hours a finished job's files are kept (default ${DEFAULT-VALUE}: 7 days).")
  long retentionHours;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    ServerConfig config =
        new ServerConfig(
            data.resolve(),
            port,
            workers,
            queue,
            maxUploadMb << 20,
            maxUnzippedMb << 20,
            maxZipEntries,
            maxUploadRows,
            rateLimit,
            Duration.ofHours(retentionHours));
    SynthServer server = SynthServer.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "synth-serve-stop"));
    spec.commandLine()
        .getErr()
        .printf(
            "synth: serving http://localhost:%d/ (API at /api, docs at /docs.html; data in %s);"
                + " Ctrl-C stops%n",
            server.port(), config.dataDir());
    spec.commandLine().getErr().flush();
    stopped.await();
    return 0;
  }
}
