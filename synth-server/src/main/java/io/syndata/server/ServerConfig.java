package io.syndata.server;

import io.syndata.schema.SynthException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How a server runs: where its state lives and its limits. Checked eagerly: a wrong value fails
 * with the option's name and its allowed range.
 *
 * @param dataDir keys, job records, uploads and results
 * @param port the HTTP port on loopback's and every interface's address (0: any free port)
 * @param workers jobs running at once
 * @param queue jobs waiting beyond those running; a fuller queue refuses new jobs with 429
 * @param maxUploadBytes the largest upload (a file, or a zip before unpacking)
 * @param maxUnzippedBytes the most a zip may unpack to, all entries together (zip-bomb defence)
 * @param maxZipEntries the most entries a zip may hold
 * @param maxUploadRows the most rows an upload's CSV files may hold, all tables together
 * @param requestsPerSecond requests one key may make per second, sustained (twice that in a burst)
 * @param retention how long a finished job's files are kept
 */
public record ServerConfig(
    Path dataDir,
    int port,
    int workers,
    int queue,
    long maxUploadBytes,
    long maxUnzippedBytes,
    int maxZipEntries,
    long maxUploadRows,
    double requestsPerSecond,
    Duration retention) {
  public static final int DEFAULT_PORT = 8080;

  public ServerConfig {
    range("--port", port, 0, 65535);
    range("--workers", workers, 1, 256);
    range("--queue", queue, 0, 100_000);
    range("--max-upload-mb", maxUploadBytes >> 20, 1, 1 << 20);
    range("--max-unzipped-mb", maxUnzippedBytes >> 20, 1, 1 << 22);
    range("--max-zip-entries", maxZipEntries, 1, 100_000);
    range("--max-upload-rows", maxUploadRows, 1, Long.MAX_VALUE);
    if (!(requestsPerSecond > 0 && requestsPerSecond <= 1_000_000)) {
      throw new SynthException(
          "--rate-limit must be above 0 and at most 1000000 requests per second, was "
              + requestsPerSecond);
    }
    if (retention.isNegative() || retention.isZero()) {
      throw new SynthException("--retention-hours must be at least 1, was " + retention.toHours());
    }
  }

  /** Defaults for a data directory: 2 workers, 100 queued, 100 MB uploads, 7 days of files. */
  public static ServerConfig defaults(Path dataDir) {
    return new ServerConfig(
        dataDir,
        DEFAULT_PORT,
        2,
        100,
        100L << 20,
        1L << 30,
        1000,
        5_000_000,
        20,
        Duration.ofDays(7));
  }

  public ServerConfig withPort(int p) {
    return new ServerConfig(
        dataDir,
        p,
        workers,
        queue,
        maxUploadBytes,
        maxUnzippedBytes,
        maxZipEntries,
        maxUploadRows,
        requestsPerSecond,
        retention);
  }

  /**
   * The data directory: the given one, else {@code $SYNTH_HOME}, else {@code ~/.syndata}; {@code
   * keys} and {@code serve} choose it the same way.
   */
  public static Path dataDir(Optional<Path> given) {
    return given.orElseGet(
        () -> {
          String home = System.getenv("SYNTH_HOME");
          return home != null && !home.isBlank()
              ? Path.of(home)
              : Path.of(System.getProperty("user.home"), ".syndata");
        });
  }

  private static void range(String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw new SynthException(
          option + " must be between " + min + " and " + max + ", was " + value);
    }
  }
}
