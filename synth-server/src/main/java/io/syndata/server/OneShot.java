package io.syndata.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /generate}: a small CSV file in, a link to its synthetic copy and the report's
 * summary out, in one request; a job like any other underneath, so it is metered, listed and
 * deleted alike.
 */
final class OneShot {
  private static final long WAIT_MINUTES = 10;
  private final JobRoutes routes;
  private final Jobs jobs;
  private final Store store;

  OneShot(JobRoutes routes, Jobs jobs, Store store) {
    this.routes = routes;
    this.jobs = jobs;
    this.store = store;
  }

  void generate(Context ctx) throws InterruptedException, IOException {
    JobRecord job = routes.submit(ctx);
    if (job.held()) {
      throw ApiError.badRequest(
          "invalid_option", "POST /generate does not wait for a review; use /api/jobs");
    }
    CountDownLatch done = new CountDownLatch(1);
    Runnable check =
        () -> store.job(job.id()).filter(JobRecord::terminal).ifPresent(j -> done.countDown());
    jobs.progress(job.id()).ifPresent(p -> p.listen(check));
    check.run();
    if (!done.await(WAIT_MINUTES, TimeUnit.MINUTES)) {
      ctx.status(202)
          .json(
              Map.of(
                  "job",
                  routes.view(job),
                  "detail",
                  "the job runs longer than "
                      + WAIT_MINUTES
                      + " minutes; follow it at /api/jobs/"
                      + job.id()));
      return;
    }
    JobRecord end =
        store
            .job(job.id())
            .orElseThrow(() -> ApiError.notFound("job " + job.id() + " was deleted"));
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> view = routes.view(end);
    out.put("job", view);
    if (!end.state().equals(JobRecord.SUCCEEDED)) {
      throw ApiError.badRequest("job_failed", end.error());
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> links = (Map<String, Object>) view.get("links");
    out.put("files", links.get("files"));
    out.put("report", links.get("report"));
    out.put(
        "summary", summary(jobs.dir(end.id()).resolve(JobRun.REPORT_DIR).resolve("report.json")));
    ctx.status(200).json(out);
  }

  /** The report's headline figures: its top-level numbers, without the per-column detail. */
  private static Map<String, Object> summary(Path reportJson) throws IOException {
    Map<String, Object> s = new LinkedHashMap<>();
    if (!Files.exists(reportJson)) {
      return s;
    }
    JsonNode root = Json.read(Files.readString(reportJson), "the report");
    root.fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isValueNode()) {
                s.put(e.getKey(), Json.MAPPER.convertValue(e.getValue(), Object.class));
              } else if (e.getValue().isObject()) {
                Map<String, Object> inner = new LinkedHashMap<>();
                e.getValue()
                    .fields()
                    .forEachRemaining(
                        f -> {
                          if (f.getValue().isNumber()) {
                            inner.put(f.getKey(), f.getValue().numberValue());
                          }
                        });
                if (!inner.isEmpty()) {
                  s.put(e.getKey(), inner);
                }
              }
            });
    return s;
  }
}
