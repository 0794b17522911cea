package io.syndata.server;

import io.syndata.connectors.Secrets;
import io.syndata.schema.SynthException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs of a server: records in the database, files under {@code jobs/<id>/} of the data
 * directory, runs on a bounded pool of workers with a bounded queue. A JDBC URL lives only in
 * memory, for as long as its job is queued or running: no secret is ever written down.
 */
final class Jobs implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  static final String STOPPED =
      "the server stopped while the job was running; nothing was kept, submit it again";

  /** A queued or running job: what only memory holds. */
  private static final class Live {
    final JobProgress progress;
    final String location;
    final JobOptions options;
    volatile Future<?> future;

    Live(JobProgress progress, String location, JobOptions options) {
      this.progress = progress;
      this.location = location;
      this.options = options;
    }
  }

  private final Store store;
  private final ServerConfig config;
  private final Path root;
  private final ThreadPoolExecutor pool;
  private final Map<String, Live> live = new ConcurrentHashMap<>();
  private final int threadsPerJob;
  private volatile boolean stopping;
  private volatile boolean halted;

  Jobs(Store store, ServerConfig config) {
    this.store = store;
    this.config = config;
    this.root = config.dataDir().resolve("jobs");
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            config.workers(),
            config.workers(),
            0,
            TimeUnit.SECONDS,
            config.queue() == 0
                ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(config.queue()),
            r -> {
              Thread t = new Thread(r, "synth-job-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.threadsPerJob = Math.max(1, Runtime.getRuntime().availableProcessors() / config.workers());
    recover();
  }

  /**
   * Jobs a stopped server left queued or running are marked failed with the reason, never left
   * "running". A job held for schema review from an upload waits on: its files are all it needs.
   */
  private void recover() {
    long now = System.currentTimeMillis();
    for (JobRecord j : store.jobsInState(JobRecord.RUNNING, JobRecord.QUEUED)) {
      if (j.state().equals(JobRecord.QUEUED) && j.held() && !j.sourceKind().equals("jdbc")) {
        continue;
      }
      String reason =
          j.state().equals(JobRecord.RUNNING)
              ? STOPPED
              : j.sourceKind().equals("jdbc")
                  ? "the server stopped before the job ran, and a JDBC URL is never stored;"
                      + " submit it again"
                  : "the server stopped before the job ran; submit it again";
      store.saveJob(j.finished(JobRecord.FAILED, now, reason, j.progress(), 0, 0, elapsed(j, now)));
      LOG.warn("job {} marked failed: {}", j.id(), reason);
    }
  }

  Path dir(String id) {
    return root.resolve(id);
  }

  /** A fresh job id and its (empty, new) folder. */
  String newJob() {
    byte[] b = new byte[9];
    RANDOM.nextBytes(b);
    String id = "j_" + HexFormat.of().formatHex(b);
    try {
      Files.createDirectories(dir(id));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return id;
  }

  /** Records a job whose files are in place, and queues it unless it waits for schema review. */
  JobRecord submit(
      String id,
      ApiKeys.ApiKey key,
      String kind,
      String shown,
      String location,
      JobOptions options) {
    JobRecord job =
        new JobRecord(
            id,
            key.id(),
            JobRecord.QUEUED,
            kind,
            shown,
            Json.write(options.given()),
            System.currentTimeMillis(),
            null,
            null,
            null,
            null,
            0,
            0,
            0,
            options.review(),
            false,
            false);
    store.insertJob(job);
    live.put(id, new Live(new JobProgress(rowBudget(key)), location, options));
    if (!options.review()) {
      enqueue(job);
    }
    return job;
  }

  /**
   * Starts a job held for schema review, with new options when given (the UI configures a job after
   * the review).
   */
  JobRecord start(JobRecord job, ApiKeys.ApiKey key, Optional<Map<String, List<String>>> given) {
    if (!job.held() || !job.state().equals(JobRecord.QUEUED)) {
      throw ApiError.conflict("job " + job.id() + " is " + job.state() + ", not waiting to start");
    }
    Live l = live.get(job.id());
    if (l == null && job.sourceKind().equals("jdbc")) {
      throw ApiError.conflict(
          "job " + job.id() + " lost its JDBC URL in a restart; submit it again");
    }
    JobOptions options =
        given.isPresent()
            ? JobOptions.parse(given.get(), threadsPerJob)
            : l != null ? l.options : JobOptions.parse(optionsOf(job), threadsPerJob);
    if (given.isPresent()) {
      store.saveOptions(job.id(), Json.write(options.given()));
    }
    live.put(
        job.id(),
        new Live(new JobProgress(rowBudget(key)), l == null ? null : l.location, options));
    JobRecord released = job.released();
    store.saveJob(released);
    enqueue(released);
    return released;
  }

  private void enqueue(JobRecord job) {
    Live l = live.get(job.id());
    try {
      l.future = pool.submit(() -> execute(job.id()));
    } catch (RejectedExecutionException e) {
      live.remove(job.id());
      store.saveJob(job.removed());
      deleteFiles(job.id());
      throw new ApiError(
          429,
          "queue_full",
          "the server runs "
              + config.workers()
              + " jobs and queues "
              + config.queue()
              + ", and all places are taken; try again when a job has finished");
    }
  }

  private void execute(String id) {
    Live l = live.get(id);
    Optional<JobRecord> queued = store.job(id);
    if (l == null || queued.isEmpty() || !queued.get().state().equals(JobRecord.QUEUED)) {
      return; // cancelled while it waited
    }
    long start = System.currentTimeMillis();
    JobRecord running = queued.get().started(start);
    store.saveJob(running);
    l.progress.phase("running");
    String state = JobRecord.SUCCEEDED;
    String error = null;
    JobRun.Result result = new JobRun.Result(0, 0);
    try {
      result = new JobRun(dir(id), running.sourceKind(), l.location, l.options, l.progress).run();
    } catch (RuntimeException | Error e) {
      if (stopping) {
        state = JobRecord.FAILED;
        error = STOPPED;
      } else if (l.progress.cancelled()) {
        state = JobRecord.CANCELLED;
        error = "cancelled";
      } else {
        state = JobRecord.FAILED;
        error = failure(id, e, l.location);
      }
    }
    finish(id, l, state, error, result);
  }

  private synchronized void finish(
      String id, Live l, String state, String error, JobRun.Result result) {
    live.remove(id);
    if (halted) {
      return; // as after a crash: the next server's recovery marks the job
    }
    Optional<JobRecord> current = store.job(id);
    if (current.isEmpty()) { // deleted while it ran
      deleteFiles(id);
      l.progress.pushNow();
      return;
    }
    JobRecord j = current.get();
    long now = System.currentTimeMillis();
    l.progress.phase(state);
    String finalState = j.state().equals(JobRecord.CANCELLED) ? JobRecord.CANCELLED : state;
    store.saveJob(
        j.finished(
            finalState,
            now,
            finalState.equals(JobRecord.CANCELLED) ? "cancelled" : error,
            Json.write(l.progress.snapshot()),
            result.rowsRead(),
            finalState.equals(JobRecord.SUCCEEDED) ? result.rowsGenerated() : 0,
            elapsed(j, now)));
    if (!finalState.equals(JobRecord.SUCCEEDED)) {
      deleteOutputs(id);
    }
    l.progress.pushNow();
  }

  /** A message without the server's paths and without the JDBC URL's secrets. */
  String clean(String id, String message, String location) {
    Secrets secrets = location == null ? Secrets.none() : Secrets.of(location);
    return secrets
        .mask(String.valueOf(message))
        .replace(dir(id).resolve(JobRun.SOURCE_DIR) + "/", "")
        .replace(dir(id).resolve(JobRun.SOURCE_DIR).toString(), "the upload")
        .replace(dir(id) + "/", "");
  }

  /** The JDBC URL of a queued or running job (memory only), else null. */
  String location(String id) {
    Live l = live.get(id);
    return l == null ? null : l.location;
  }

  /** A job's parsed options: from memory while it lives, else from its record. */
  JobOptions options(JobRecord job) {
    Live l = live.get(job.id());
    return l != null ? l.options : JobOptions.parse(optionsOf(job), threadsPerJob);
  }

  /** One line for the job record: the engine's message, no server path, no secret. */
  private String failure(String id, Throwable e, String location) {
    String message =
        clean(
            id,
            e instanceof SynthException || e instanceof JobProgress.QuotaExceeded
                ? e.getMessage()
                : "internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
            location);
    if (e instanceof SynthException) {
      LOG.info("job {} failed: {}", id, message);
    } else {
      LOG.warn("job {} failed: {}", id, message);
    }
    return message.length() > 3900 ? message.substring(0, 3900) + "..." : message;
  }

  /** Cancels a queued or running job; a finished one stays as it is. */
  synchronized JobRecord cancel(JobRecord job) {
    Live l = live.get(job.id());
    if (job.terminal()) {
      return job;
    }
    long now = System.currentTimeMillis();
    JobRecord cancelled =
        job.finished(
            JobRecord.CANCELLED,
            now,
            "cancelled",
            l == null ? job.progress() : Json.write(l.progress.snapshot()),
            0,
            0,
            elapsed(job, now));
    store.saveJob(cancelled);
    if (l != null) {
      l.progress.cancel();
      if (job.state().equals(JobRecord.QUEUED)) { // never started: nothing to wait for
        if (l.future != null) {
          l.future.cancel(false);
        }
        live.remove(job.id());
      }
      l.progress.pushNow();
    }
    return cancelled;
  }

  /** Cancels a job, then deletes its files and hides its record (kept for metering). */
  synchronized void delete(JobRecord job) {
    JobRecord cancelled = cancel(job);
    store.saveJob(cancelled.removed());
    if (!live.containsKey(job.id())) {
      deleteFiles(job.id());
    }
  }

  /** Deletes the files of jobs that finished more than the retention period before {@code now}. */
  int sweep(long now) {
    int n = 0;
    for (JobRecord j : store.expired(now - config.retention().toMillis())) {
      deleteFiles(j.id());
      store.saveJob(j.filesGone());
      n++;
    }
    if (n > 0) {
      LOG.info("deleted the files of {} jobs older than {}", n, config.retention());
    }
    return n;
  }

  Optional<JobProgress> progress(String id) {
    return Optional.ofNullable(live.get(id)).map(l -> l.progress);
  }

  /** Rows generated, rows read, compute ms and jobs of a key in the current month (UTC). */
  long[] usage(String keyId) {
    return store.usage(keyId, monthStart());
  }

  static long monthStart() {
    return YearMonth.now(ZoneOffset.UTC)
        .atDay(1)
        .atStartOfDay()
        .toInstant(ZoneOffset.UTC)
        .toEpochMilli();
  }

  private long rowBudget(ApiKeys.ApiKey key) {
    return key.quotaRows().map(q -> Math.max(0, q - usage(key.id())[0])).orElse(Long.MAX_VALUE);
  }

  int threadsPerJob() {
    return threadsPerJob;
  }

  @SuppressWarnings("unchecked")
  static Map<String, List<String>> optionsOf(JobRecord job) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    Json.read(job.options(), "the stored options")
        .fields()
        .forEachRemaining(
            e -> {
              List<String> values = new java.util.ArrayList<>();
              e.getValue().forEach(v -> values.add(v.asText()));
              out.put(e.getKey(), values);
            });
    return out;
  }

  private static long elapsed(JobRecord j, long now) {
    return j.started() == null ? 0 : now - j.started();
  }

  private void deleteOutputs(String id) {
    deleteTree(dir(id).resolve(JobRun.OUT_DIR));
    deleteTree(dir(id).resolve(JobRun.REPORT_DIR));
  }

  void deleteFiles(String id) {
    deleteTree(dir(id));
  }

  private static void deleteTree(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      LOG.warn("could not delete {}: {}", p, e.getMessage());
    }
  }

  /**
   * Stops at once, as a crash would: running jobs are abandoned without a word to the database, so
   * that the next server's recovery is what marks them (for tests of exactly that).
   */
  void halt() {
    halted = true;
    live.values().forEach(l -> l.progress.cancel());
    pool.shutdownNow();
    try {
      pool.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops: running jobs end as failed with the reason; queued ones are failed at the next start.
   */
  @Override
  public void close() {
    stopping = true;
    pool.shutdownNow();
    live.values().forEach(l -> l.progress.cancel());
    try {
      pool.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
