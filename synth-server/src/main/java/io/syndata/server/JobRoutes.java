package io.syndata.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import io.syndata.connectors.Connectors;
import io.syndata.data.Progress;
import io.syndata.engine.SynData;
import io.syndata.engine.Training;
import io.syndata.schema.Schema;
import io.syndata.schema.SchemaFile;
import io.syndata.schema.SynthException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The handlers of {@code /api/jobs}: thin, each from the request to {@link Jobs} and back. */
final class JobRoutes {
  private final Jobs jobs;
  private final Store store;
  private final Uploads uploads;
  private final ServerConfig config;

  JobRoutes(Jobs jobs, Store store, ServerConfig config) {
    this.jobs = jobs;
    this.store = store;
    this.uploads = new Uploads(config);
    this.config = config;
  }

  static ApiKeys.ApiKey caller(Context ctx) {
    return ctx.attribute(SynthServer.KEY);
  }

  /** POST /api/jobs: a job from an upload (multipart) or a JDBC URL (JSON or form). */
  void create(Context ctx) {
    ctx.status(201).json(view(submit(ctx)));
  }

  JobRecord submit(Context ctx) {
    ApiKeys.ApiKey key = caller(ctx);
    checkQuota(key);
    String type = Optional.ofNullable(ctx.contentType()).orElse("");
    if (type.startsWith("multipart/form-data")) {
      long length = ctx.req().getContentLengthLong();
      if (length > config.maxUploadBytes() + (1 << 20)) {
        throw new ApiError(
            413,
            "upload_too_large",
            "the upload is "
                + (length >> 20)
                + " MB; the limit is "
                + (config.maxUploadBytes() >> 20)
                + " MB");
      }
      return fromForm(ctx, key);
    }
    if (type.startsWith("application/json")) {
      return fromJson(ctx, key);
    }
    throw new ApiError(
        415,
        "unsupported_media_type",
        "send multipart/form-data with the upload in part 'file', or application/json with a"
            + " JDBC URL in 'source'");
  }

  private JobRecord fromForm(Context ctx, ApiKeys.ApiKey key) {
    Map<String, List<String>> fields = new LinkedHashMap<>(ctx.formParamMap());
    fields.remove("file"); // the upload's own part, when the container lists it among fields
    List<String> source = fields.remove("source");
    UploadedFile file = ctx.uploadedFile("file");
    JobOptions options = JobOptions.parse(fields, jobs.threadsPerJob());
    if (file == null) {
      if (source == null || source.isEmpty() || source.get(0).isBlank()) {
        throw ApiError.badRequest(
            "missing_source", "give the upload in part 'file', or a JDBC URL in field 'source'");
      }
      return jdbc(key, source.get(0), options);
    }
    String id = jobs.newJob();
    try (InputStream content = file.content()) {
      String kind = uploads.store(file.filename(), content, jobs.dir(id));
      if (kind.equals("csv")) {
        uploads.checkCsv(jobs.dir(id), options);
      }
      return jobs.submit(id, key, kind, safeName(file.filename()), null, options);
    } catch (IOException e) {
      jobs.deleteFiles(id);
      throw ApiError.badRequest("unreadable_upload", "cannot read the upload: " + e.getMessage());
    } catch (RuntimeException e) {
      jobs.deleteFiles(id);
      throw e;
    }
  }

  private JobRecord fromJson(Context ctx, ApiKeys.ApiKey key) {
    Map<String, List<String>> fields = fields(Json.read(ctx.body(), "the body"));
    List<String> source = fields.remove("source");
    if (source == null || source.isEmpty()) {
      throw ApiError.badRequest("missing_source", "a JSON body names a JDBC URL in 'source'");
    }
    return jdbc(key, source.get(0), JobOptions.parse(fields, jobs.threadsPerJob()));
  }

  /** A JSON object's members as option lists: arrays as they are, objects as name=value. */
  private static Map<String, List<String>> fields(JsonNode body) {
    if (!body.isObject()) {
      throw ApiError.badRequest("invalid_json", "the body must be a JSON object");
    }
    Map<String, List<String>> fields = new LinkedHashMap<>();
    body.fields()
        .forEachRemaining(
            e -> {
              List<String> values = new ArrayList<>();
              if (e.getValue().isArray()) {
                e.getValue().forEach(v -> values.add(v.asText()));
              } else if (e.getValue().isObject()) {
                e.getValue()
                    .fields()
                    .forEachRemaining(p -> values.add(p.getKey() + "=" + p.getValue().asText()));
              } else {
                values.add(e.getValue().asText());
              }
              fields.put(e.getKey(), values);
            });
    return fields;
  }

  private JobRecord jdbc(ApiKeys.ApiKey key, String url, JobOptions options) {
    if (!url.startsWith("jdbc:")) {
      throw ApiError.badRequest(
          "invalid_option",
          "source must be a JDBC URL (jdbc:...); upload files in part 'file' instead");
    }
    String id = jobs.newJob();
    return jobs.submit(id, key, "jdbc", Connectors.redact(url), url, options);
  }

  private void checkQuota(ApiKeys.ApiKey key) {
    if (key.quotaRows().isEmpty()) {
      return;
    }
    long used = jobs.usage(key.id())[0];
    if (used >= key.quotaRows().get()) {
      throw new ApiError(
          403,
          "quota_exceeded",
          "key "
              + key.name()
              + " has generated "
              + used
              + " of its "
              + key.quotaRows().get()
              + " rows this month; the quota resets on the first of next month (UTC)");
    }
  }

  void list(Context ctx) {
    ctx.json(Map.of("jobs", store.jobs(caller(ctx).id()).stream().map(this::view).toList()));
  }

  void get(Context ctx) {
    ctx.json(view(own(ctx)));
  }

  void delete(Context ctx) {
    jobs.delete(own(ctx));
    ctx.status(204);
  }

  /** POST …/start: runs a job held for review, with the options of a JSON body when sent. */
  void start(Context ctx) {
    JobRecord job = own(ctx);
    String body = ctx.body();
    Optional<Map<String, List<String>>> options =
        body.isBlank() ? Optional.empty() : Optional.of(fields(Json.read(body, "the body")));
    options.ifPresent(o -> o.remove("review"));
    JobRecord started = jobs.start(job, caller(ctx), options);
    ctx.json(view(store.job(started.id()).orElse(started)));
  }

  /** GET …/events: the job as an SSE "job" event at every change, until it ends. */
  void events(Context ctx) throws Exception {
    JobRecord job = own(ctx);
    if (!Optional.ofNullable(ctx.header("Accept")).orElse("").contains("text/event-stream")) {
      throw new ApiError(
          406,
          "not_acceptable",
          "events come as text/event-stream (send that Accept header), or poll GET /api/jobs/"
              + job.id());
    }
    new SseHandler(client -> follow(client, job.id())).handle(ctx);
  }

  private void follow(SseClient client, String id) {
    client.keepAlive();
    Optional<JobProgress> progress = jobs.progress(id);
    Runnable send =
        () -> {
          Optional<JobRecord> now = store.job(id);
          if (now.isEmpty()) {
            client.close();
            return;
          }
          client.sendEvent("job", Json.write(view(now.get())));
          if (now.get().terminal()) {
            client.close();
          }
        };
    progress.ifPresent(p -> p.listen(send));
    client.onClose(() -> progress.ifPresent(p -> p.unlisten(send)));
    send.run();
  }

  /** GET …/schema: the schema the job uses or will use, detected when nobody edited it. */
  void schema(Context ctx) {
    JobRecord job = own(ctx);
    Path dir = jobs.dir(job.id());
    Path edited = dir.resolve(JobRun.SCHEMA_FILE);
    Path detected = dir.resolve("detected-" + JobRun.SCHEMA_FILE);
    String json;
    try {
      if (Files.exists(edited)) {
        json = Files.readString(edited);
      } else if (Files.exists(detected)) {
        json = Files.readString(detected);
      } else {
        json = SchemaFile.toJson(detect(job));
        Files.writeString(detected, json);
      }
    } catch (IOException e) {
      throw ApiError.notFound("the files of job " + job.id() + " are gone: " + e.getMessage());
    }
    ctx.contentType("application/json").result(json);
  }

  private Schema detect(JobRecord job) {
    requireFiles(job);
    if (job.sourceKind().equals("model")) {
      return Training.describe(jobs.dir(job.id()).resolve(JobRun.MODEL_FILE)).schema();
    }
    String location = jobs.location(job.id());
    if (job.sourceKind().equals("jdbc") && location == null) {
      throw new ApiError(
          409,
          "conflict",
          "job " + job.id() + " has ended and a JDBC URL is never stored: its schema is unknown");
    }
    try {
      return SynData.introspect(
          JobRun.source(jobs.dir(job.id()), job.sourceKind(), location, jobs.options(job)),
          Progress.NONE);
    } catch (SynthException e) {
      throw ApiError.badRequest("invalid_source", jobs.clean(job.id(), e.getMessage(), location));
    }
  }

  /** PUT …/schema: an edited schema, checked against the source, used when the job runs. */
  void putSchema(Context ctx) {
    JobRecord job = own(ctx);
    if (!job.state().equals(JobRecord.QUEUED) || !job.held()) {
      throw ApiError.conflict(
          "job "
              + job.id()
              + " is "
              + job.state()
              + "; a schema can be changed only while a job waits for review (option review=true)");
    }
    if (job.sourceKind().equals("model")) {
      throw ApiError.conflict(
          "job " + job.id() + " generates from a model file, whose schema is fixed");
    }
    Schema schema;
    try {
      schema = SchemaFile.fromJson(ctx.body(), "the schema sent");
    } catch (SynthException e) {
      throw ApiError.badRequest("invalid_schema", e.getMessage());
    }
    Path dir = jobs.dir(job.id());
    Path target = dir.resolve(JobRun.SCHEMA_FILE);
    Path candidate = dir.resolve("candidate-" + JobRun.SCHEMA_FILE);
    try {
      Files.writeString(candidate, SchemaFile.toJson(schema), StandardCharsets.UTF_8);
      String location = jobs.location(job.id());
      JobOptions options = jobs.options(job);
      io.syndata.engine.SourceSpec spec =
          options.source(
              job.sourceKind().equals("jdbc")
                  ? location
                  : dir.resolve(JobRun.SOURCE_DIR).toString(),
              Optional.of(candidate));
      Schema checked = SynData.introspect(spec, Progress.NONE);
      Files.move(candidate, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      ctx.contentType("application/json").result(SchemaFile.toJson(checked));
    } catch (SynthException e) {
      throw ApiError.badRequest(
          "invalid_schema",
          jobs.clean(job.id(), e.getMessage(), jobs.location(job.id())).replace("candidate-", ""));
    } catch (IOException e) {
      throw ApiError.notFound("the files of job " + job.id() + " are gone");
    } finally {
      candidate.toFile().delete();
    }
  }

  /** GET …/files/{format}: the written files of a format; one table's file, or a zip of all. */
  void files(Context ctx) throws IOException {
    JobRecord job = finished(ctx);
    String format = ctx.pathParam("format");
    List<String> formats = jobs.options(job).formats();
    if (!formats.contains(format)) {
      throw ApiError.notFound("job " + job.id() + " wrote " + formats + ", not " + format);
    }
    Path out = jobs.dir(job.id()).resolve(JobRun.OUT_DIR);
    Path folder = formats.size() == 1 ? out : out.resolve(format);
    Downloads.send(ctx, folder, job.id() + "-" + format);
  }

  /** GET …/report: report.html, or report.json when the caller accepts JSON. */
  void report(Context ctx) throws IOException {
    JobRecord job = finished(ctx);
    boolean json =
        Optional.ofNullable(ctx.header("Accept")).orElse("").contains("application/json");
    Path file =
        jobs.dir(job.id()).resolve(JobRun.REPORT_DIR).resolve(json ? "report.json" : "report.html");
    if (!Files.exists(file)) {
      throw ApiError.notFound(
          "job "
              + job.id()
              + " has no report (report=false, a model upload,"
              + " or no format the report can read back)");
    }
    ctx.contentType(json ? "application/json" : "text/html; charset=utf-8");
    ctx.result(Files.newInputStream(file));
  }

  /** GET …/model: the model file the job trained or was given. */
  void model(Context ctx) throws IOException {
    JobRecord job = own(ctx);
    requireFiles(job);
    Path file = jobs.dir(job.id()).resolve(JobRun.MODEL_FILE);
    if (!Files.exists(file) || job.state().equals(JobRecord.RUNNING)) {
      if (!job.terminal()) {
        throw ApiError.conflict(
            "job "
                + job.id()
                + " is "
                + job.state()
                + "; its model file comes when it has succeeded");
      }
      throw ApiError.notFound(
          "job "
              + job.id()
              + " has no model file"
              + (jobs.options(job).holdout() > 0 ? " (a job with a holdout keeps none)" : " yet"));
    }
    ctx.header("Content-Disposition", "attachment; filename=\"" + job.id() + ".synth\"");
    ctx.contentType("application/octet-stream").result(Files.newInputStream(file));
  }

  void usage(Context ctx) {
    ApiKeys.ApiKey key = caller(ctx);
    long[] u = jobs.usage(key.id());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("key", Map.of("id", key.id(), "name", key.name()));
    out.put("month", java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString());
    out.put("rows_generated", u[0]);
    out.put("rows_read", u[1]);
    out.put("compute_seconds", u[2] / 1000.0);
    out.put("jobs", u[3]);
    out.put("quota_rows", key.quotaRows().orElse(null));
    out.put("rows_left", key.quotaRows().map(q -> Math.max(0, q - u[0])).orElse(null));
    ctx.json(out);
  }

  /** The caller's job of the path's id: another key's job answers as an unknown one. */
  JobRecord own(Context ctx) {
    String id = ctx.pathParam("id");
    return store
        .job(id)
        .filter(j -> j.keyId().equals(caller(ctx).id()))
        .orElseThrow(() -> ApiError.notFound("there is no job " + id));
  }

  private JobRecord finished(Context ctx) {
    JobRecord job = own(ctx);
    requireFiles(job);
    if (!job.state().equals(JobRecord.SUCCEEDED)) {
      throw ApiError.conflict(
          "job " + job.id() + " is " + job.state() + "; its files come when it has succeeded");
    }
    return job;
  }

  private void requireFiles(JobRecord job) {
    if (job.filesDeleted()) {
      throw new ApiError(
          410,
          "gone",
          "the files of job "
              + job.id()
              + " were deleted after the retention period of "
              + config.retention().toHours()
              + " hours");
    }
  }

  private static String safeName(String filename) {
    String n = filename == null ? "upload" : filename.replace('\\', '/');
    n = n.substring(n.lastIndexOf('/') + 1);
    return n.length() > 200 ? n.substring(0, 200) : n;
  }

  /** The job as the API shows it. */
  Map<String, Object> view(JobRecord j) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", j.id());
    v.put("state", j.state());
    v.put("review", j.held());
    v.put("source_kind", j.sourceKind());
    v.put("source", j.source());
    v.put("options", Json.MAPPER.convertValue(Json.read(j.options(), "options"), Map.class));
    v.put("created", Instant.ofEpochMilli(j.created()).toString());
    v.put("started", j.started() == null ? null : Instant.ofEpochMilli(j.started()).toString());
    v.put("finished", j.finished() == null ? null : Instant.ofEpochMilli(j.finished()).toString());
    v.put("error", j.error());
    Map<String, Object> progress =
        jobs.progress(j.id())
            .map(JobProgress::snapshot)
            .orElseGet(
                () ->
                    j.progress() == null
                        ? Map.of()
                        : Json.MAPPER.convertValue(Json.read(j.progress(), "progress"), Map.class));
    v.put("phase", progress.getOrDefault("phase", j.state()));
    v.put("tables", progress.getOrDefault("tables", List.of()));
    v.put("report_steps", progress.getOrDefault("report_steps", List.of()));
    v.put("phase_seconds", progress.getOrDefault("phase_seconds", Map.of()));
    v.put("warnings", progress.getOrDefault("warnings", List.of()));
    v.put("rows_read", j.rowsRead());
    v.put("rows_generated", j.rowsGenerated());
    v.put("compute_seconds", j.computeMillis() / 1000.0);
    v.put("files_deleted", j.filesDeleted());
    v.put("links", links(j));
    return v;
  }

  private Map<String, Object> links(JobRecord j) {
    String base = "/api/jobs/" + j.id();
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("self", base);
    l.put("events", base + "/events");
    l.put("schema", base + "/schema");
    if (j.state().equals(JobRecord.SUCCEEDED) && !j.filesDeleted()) {
      Map<String, String> files = new LinkedHashMap<>();
      JobOptions.formatsOf(Jobs.optionsOf(j)).forEach(f -> files.put(f, base + "/files/" + f));
      l.put("files", files);
      Path dir = jobs.dir(j.id());
      if (Files.exists(dir.resolve(JobRun.REPORT_DIR).resolve("report.html"))) {
        l.put("report", base + "/report");
      }
      if (Files.exists(dir.resolve(JobRun.MODEL_FILE))) {
        l.put("model", base + "/model");
      }
    }
    return l;
  }
}
