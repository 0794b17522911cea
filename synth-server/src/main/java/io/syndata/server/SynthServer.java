package io.syndata.server;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.syndata.schema.SynthException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code synth serve}: the REST API under {@code /api}, the one-shot {@code POST /generate}, the
 * web UI at {@code /} and {@code GET /health}, over one data directory.
 *
 * <pre>{@code
 * try (SynthServer server = SynthServer.start(ServerConfig.defaults(Path.of("data")).withPort(0))) {
 *   System.out.println("listening on " + server.port());
 * }
 * }</pre>
 */
public final class SynthServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SynthServer.class);
  static final String KEY = "synth.key";

  private final ServerConfig config;
  private final Store store;
  private final ApiKeys keys;
  private final Jobs jobs;
  private final RateLimiter limiter;
  private final ScheduledExecutorService sweeper;
  private final long startedNanos = System.nanoTime();
  private final Javalin app;

  private SynthServer(ServerConfig config) {
    this.config = config;
    this.store = Store.open(config.dataDir());
    this.keys = ApiKeys.over(store);
    this.jobs = new Jobs(store, config);
    this.limiter = new RateLimiter(config.requestsPerSecond());
    JobRoutes routes = new JobRoutes(jobs, store, config);
    OneShot oneShot = new OneShot(routes, jobs, store);
    this.app = Javalin.create(cfg -> configure(cfg, routes, oneShot));
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "synth-retention");
              t.setDaemon(true);
              return t;
            });
    long every = Math.max(60_000, Math.min(config.retention().toMillis() / 10, 3_600_000));
    sweeper.scheduleWithFixedDelay(
        () -> jobs.sweep(System.currentTimeMillis()), 0, every, TimeUnit.MILLISECONDS);
  }

  /** Opens the data directory, marks jobs a stopped server left running as failed, and listens. */
  public static SynthServer start(ServerConfig config) {
    SynthServer s = new SynthServer(config);
    try {
      s.app.start(config.port());
    } catch (RuntimeException e) {
      s.close();
      throw new SynthException("cannot listen on port " + config.port() + ": " + rootMessage(e), e);
    }
    LOG.info("synth serve: http://localhost:{}/ (data in {})", s.port(), config.dataDir());
    return s;
  }

  public int port() {
    return app.port();
  }

  private void configure(JavalinConfig cfg, JobRoutes r, OneShot oneShot) {
    cfg.jsonMapper(new Json());
    cfg.startup.showJavalinBanner = false;
    cfg.http.maxRequestSize = config.maxUploadBytes() + (1 << 20);
    cfg.jetty.multipartConfig.maxFileSize(config.maxUploadBytes() + 1, SizeUnit.BYTES);
    cfg.jetty.multipartConfig.maxTotalRequestSize(
        config.maxUploadBytes() + (1 << 20), SizeUnit.BYTES);
    cfg.jetty.multipartConfig.maxInMemoryFileSize(1 << 20, SizeUnit.BYTES);
    cfg.staticFiles.add(
        s -> {
          s.hostedPath = "/";
          s.directory = "/io/syndata/server/web";
          s.location = Location.CLASSPATH;
        });
    var routes = cfg.routes;
    routes.before("/api/*", this::authenticate);
    routes.before("/generate", this::authenticate);
    routes.get("/health", this::health);
    routes.get("/api/openapi.json", ctx -> resource(ctx, "openapi.json", "application/json"));
    routes.get("/api/usage", r::usage);
    routes.post("/api/jobs", r::create);
    routes.get("/api/jobs", r::list);
    routes.get("/api/jobs/{id}", r::get);
    routes.delete("/api/jobs/{id}", r::delete);
    routes.post("/api/jobs/{id}/start", r::start);
    routes.get("/api/jobs/{id}/events", r::events);
    routes.get("/api/jobs/{id}/schema", r::schema);
    routes.put("/api/jobs/{id}/schema", r::putSchema);
    routes.get("/api/jobs/{id}/files/{format}", r::files);
    routes.get("/api/jobs/{id}/report", r::report);
    routes.get("/api/jobs/{id}/model", r::model);
    routes.post("/generate", oneShot::generate);
    routes.exception(
        ApiError.class,
        (e, ctx) -> {
          if (e.status == 413) {
            // Refused mid-stream: read the rest (bounded by maxRequestSize) so the client, still
            // sending, gets the answer instead of a reset connection.
            drain(ctx);
          }
          error(ctx, e.status, e.code, e.getMessage());
        });
    routes.exception(
        SynthException.class, (e, ctx) -> error(ctx, 400, "invalid_input", e.getMessage()));
    routes.exception(
        HttpResponseException.class,
        (e, ctx) ->
            error(
                ctx,
                e.getStatus(),
                switch (e.getStatus()) {
                  case 404 -> "not_found";
                  case 405 -> "method_not_allowed";
                  case 413 -> "upload_too_large";
                  default -> "http_" + e.getStatus();
                },
                e.getMessage()));
    routes.exception(Exception.class, this::unexpected);
    routes.error(
        404,
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty()) {
            error(ctx, 404, "not_found", "no such path: " + ctx.method() + " " + ctx.path());
          }
        });
    routes.error(
        405,
        ctx ->
            error(
                ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path()));
  }

  private void authenticate(Context ctx) {
    if (ctx.path().equals("/api/openapi.json")) {
      return;
    }
    String header = Optional.ofNullable(ctx.header("Authorization")).orElse("");
    String token =
        header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
    ApiKeys.ApiKey key =
        keys.authenticate(token)
            .orElseThrow(
                () ->
                    new ApiError(
                        401,
                        "unauthorized",
                        token == null
                            ? "send an API key as 'Authorization: Bearer <key>' (create one with synth keys create)"
                            : "the API key is unknown or revoked"));
    limiter.acquire(key.id());
    ctx.attribute(KEY, key);
  }

  private void health(Context ctx) {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("status", "ok");
    String v = SynthServer.class.getPackage().getImplementationVersion();
    h.put("version", v == null ? "development build" : v);
    h.put("uptime_seconds", Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds());
    h.put("model_kinds", JobOptions.Installed.KINDS);
    h.put("formats", JobOptions.Installed.FORMATS);
    ctx.json(h);
  }

  private static void resource(Context ctx, String name, String type) throws IOException {
    InputStream in = SynthServer.class.getResourceAsStream("web/" + name);
    if (in == null) {
      throw ApiError.notFound("no " + name + " in this build");
    }
    ctx.contentType(type).result(in);
  }

  /**
   * Reads what is left of a refused upload (at most a megabyte past the limit: larger ones are
   * refused by their Content-Length before reading), so the client, still sending, gets the answer
   * instead of a connection closed under it.
   */
  private static void drain(Context ctx) {
    // Jetty may still close the connection after this answer (a body it could not read to the
    // end); saying so keeps a client from sending its next request on a connection being closed.
    ctx.header("Connection", "close");
    try (java.io.InputStream in = ctx.req().getInputStream()) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (java.io.IOException | RuntimeException ignored) {
      // The answer is sent either way; a client that stopped sending has nothing left to drain.
    }
  }

  /** A failure nobody foresaw: logged with its stack for the operator, one line for the client. */
  private void unexpected(Exception e, Context ctx) {
    String root = rootMessage(e).toLowerCase(java.util.Locale.ROOT);
    if (root.contains("size exceeded")
        || root.contains("too large")
        || root.contains("exceeds max")) {
      drain(ctx);
      error(
          ctx,
          413,
          "upload_too_large",
          "the upload is larger than "
              + (config.maxUploadBytes() >> 20)
              + " MB, the server's limit");
      return;
    }
    if (String.valueOf(e.getMessage()).contains("multipart")) {
      error(ctx, 400, "invalid_multipart", "the multipart body cannot be read: " + rootMessage(e));
      return;
    }
    LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
    error(
        ctx,
        500,
        "internal_error",
        "the server failed on this request ("
            + e.getClass().getSimpleName()
            + "); the operator's log has the details");
  }

  static void error(Context ctx, int status, String code, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("detail", detail);
    ctx.status(status).json(body);
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static String rootMessage(Throwable e) {
    return String.valueOf(rootCause(e).getMessage());
  }

  /** Deletes the files of jobs past retention as if it were {@code now} (for tests). */
  int sweep(long now) {
    return jobs.sweep(now);
  }

  /** Stops as a crash would, leaving running jobs for the next server's recovery (for tests). */
  void halt() {
    sweeper.shutdownNow();
    app.stop();
    jobs.halt();
    store.close();
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
    app.stop();
    jobs.close();
    store.close();
  }
}
