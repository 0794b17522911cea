package io.syndata.server;

import static io.syndata.server.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint over real HTTP, on a server with a fresh data directory. */
class ServerApiTest {
  @TempDir static Path data;
  static SynthServer server;
  static TestClient client;

  @BeforeAll
  static void start() {
    server = SynthServer.start(ServerConfig.defaults(data).withPort(0));
    try (ApiKeys keys = ApiKeys.open(data)) {
      // the server holds the database open; a second connection goes through H2's auto-server
      client = new TestClient(server.port(), keys.create("api-test", Optional.empty()).token());
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private JsonNode csvJob(Map<String, String> fields) {
    HttpResponse<String> r = client.upload("customers.csv", TestClient.customers(150), fields);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r);
  }

  @Test
  void healthAnswersWithoutAKey() {
    HttpResponse<String> r = client.as(null).get("/health");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).path("status").asText()).isEqualTo("ok");
    assertThat(json(r).has("version")).isTrue();
    assertThat(json(r).path("uptime_seconds").isNumber()).isTrue();
  }

  @Test
  void servesTheOpenApiDocumentAndTheUi() {
    HttpResponse<String> doc = client.as(null).get("/api/openapi.json");
    assertThat(doc.statusCode()).isEqualTo(200);
    JsonNode paths = json(doc).path("paths");
    for (String p :
        List.of(
            "/api/jobs",
            "/api/jobs/{id}",
            "/api/jobs/{id}/schema",
            "/api/jobs/{id}/files/{format}",
            "/api/jobs/{id}/report",
            "/api/jobs/{id}/model",
            "/api/jobs/{id}/events",
            "/api/usage",
            "/generate",
            "/health")) {
      assertThat(paths.has(p)).as(p).isTrue();
    }
    assertThat(client.as(null).get("/").body()).contains("<label");
    assertThat(client.as(null).get("/docs.html").body()).contains("openapi.json");
  }

  @Test
  void csvUploadTrainsGeneratesAndReports() throws IOException {
    JsonNode created = csvJob(Map.of("scale", "0.5", "seed", "7"));
    assertThat(created.path("state").asText()).isIn("queued", "running");
    JsonNode job = client.await(created.path("id").asText());
    assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("succeeded");
    assertThat(job.path("rows_read").asLong()).isEqualTo(150);
    assertThat(job.path("rows_generated").asLong()).isEqualTo(75);
    assertThat(job.path("tables").toString()).contains("customers");
    String id = job.path("id").asText();

    HttpResponse<String> csv = client.get("/api/jobs/" + id + "/files/csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body().lines().findFirst().orElseThrow()).isEqualTo("id,first_name,country,age");
    assertThat(csv.body().lines().count()).isEqualTo(76);

    HttpResponse<byte[]> html = client.bytes("/api/jobs/" + id + "/report", "text/html");
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(new String(html.body(), StandardCharsets.UTF_8)).contains("<html");
    HttpResponse<byte[]> reportJson =
        client.bytes("/api/jobs/" + id + "/report", "application/json");
    assertThat(reportJson.headers().firstValue("Content-Type").orElse("")).contains("json");
    assertThat(new String(reportJson.body(), StandardCharsets.UTF_8)).startsWith("{");

    HttpResponse<byte[]> model = client.bytes("/api/jobs/" + id + "/model", "*/*");
    assertThat(model.statusCode()).isEqualTo(200);
    assertThat(model.body().length).isGreaterThan(100);

    JsonNode schema = json(client.get("/api/jobs/" + id + "/schema"));
    assertThat(schema.path("format").asText()).isEqualTo("syndata-schema/1");
    assertThat(schema.path("tables").get(0).path("name").asText()).isEqualTo("customers");

    assertThat(json(client.get("/api/jobs")).path("jobs").toString()).contains(id);
    JsonNode usage = json(client.get("/api/usage"));
    assertThat(usage.path("rows_generated").asLong()).isGreaterThanOrEqualTo(75);
    assertThat(usage.path("rows_read").asLong()).isGreaterThanOrEqualTo(150);
    assertThat(usage.path("compute_seconds").asDouble()).isPositive();

    // the model file generates again, without the source
    HttpResponse<String> fromModel =
        client.upload("/api/jobs", "shop.synth", model.body(), Map.of("scale", "2"));
    assertThat(fromModel.statusCode()).as(fromModel.body()).isEqualTo(201);
    JsonNode again = client.await(json(fromModel).path("id").asText());
    assertThat(again.path("state").asText()).as(again.toString()).isEqualTo("succeeded");
    assertThat(again.path("rows_generated").asLong()).isEqualTo(300);
    assertThat(client.get("/api/jobs/" + again.path("id").asText() + "/report").statusCode())
        .isEqualTo(404);
  }

  @Test
  void zipOfTablesWritesSeveralFormatsAndZipsTheirFiles() throws IOException {
    byte[] zip =
        TestClient.zip(
            Map.of(
                "shop/customers.csv", TestClient.customers(120).getBytes(StandardCharsets.UTF_8),
                "shop/orders.csv", TestClient.orders(300, 120).getBytes(StandardCharsets.UTF_8)));
    HttpResponse<String> r =
        client.upload("/api/jobs", "shop.zip", zip, Map.of("format", "csv,jsonl"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode job = client.await(json(r).path("id").asText());
    assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("succeeded");
    String id = job.path("id").asText();
    HttpResponse<byte[]> csv = client.bytes("/api/jobs/" + id + "/files/csv", "*/*");
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).contains("zip");
    assertThat(entries(csv.body())).contains("customers.csv", "orders.csv", "schema.json");
    assertThat(entries(client.bytes("/api/jobs/" + id + "/files/jsonl", "*/*").body()))
        .contains("customers.jsonl", "orders.jsonl");
    assertThat(client.get("/api/jobs/" + id + "/files/parquet").statusCode()).isEqualTo(404);
  }

  private static List<String> entries(byte[] zip) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        names.add(e.getName());
      }
    }
    return names;
  }

  @Test
  void reviewHoldsTheJobUntilTheEditedSchemaIsPutAndItIsStarted() {
    JsonNode held = csvJob(Map.of("review", "true"));
    String id = held.path("id").asText();
    assertThat(held.path("state").asText()).isEqualTo("queued");
    assertThat(held.path("review").asBoolean()).isTrue();
    HttpResponse<String> schema = client.get("/api/jobs/" + id + "/schema");
    assertThat(schema.statusCode()).as(schema.body()).isEqualTo(200);
    JsonNode column = json(schema).path("tables").get(0).path("columns").get(1);
    assertThat(column.path("name").asText()).isEqualTo("first_name");
    assertThat(column.path("kind").asText()).isEqualTo("pii");

    String edited =
        schema.body().replaceFirst("\"kind\"\\s*:\\s*\"pii\"", "\"kind\" : \"categorical\"");
    HttpResponse<String> put = client.putJson("/api/jobs/" + id + "/schema", edited);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(
            json(client.get("/api/jobs/" + id + "/schema"))
                .path("tables")
                .get(0)
                .path("columns")
                .get(1)
                .path("kind")
                .asText())
        .isEqualTo("categorical");

    HttpResponse<String> wrong =
        client.putJson(
            "/api/jobs/" + id + "/schema",
            schema.body().replace("\"first_name\"", "\"no_such_column\""));
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(json(wrong).path("detail").asText()).contains("no_such_column");

    HttpResponse<String> started = client.postJson("/api/jobs/" + id + "/start", "");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    JsonNode done = client.await(id);
    assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("succeeded");
    assertThat(client.putJson("/api/jobs/" + id + "/schema", edited).statusCode()).isEqualTo(409);
    assertThat(client.postJson("/api/jobs/" + id + "/start", "").statusCode()).isEqualTo(409);
  }

  @Test
  void eventsStreamTheJobUntilItEnds() throws Exception {
    String id = csvJob(Map.of()).path("id").asText();
    HttpResponse<java.util.stream.Stream<String>> r =
        client.http.send(
            client
                .request("/api/jobs/" + id + "/events")
                .header("Accept", "text/event-stream")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("text/event-stream");
    List<String> events = new ArrayList<>();
    try (var lines = r.body()) {
      lines.filter(l -> l.startsWith("data:")).forEach(events::add);
    }
    assertThat(events).isNotEmpty();
    JsonNode last = Json.read(events.get(events.size() - 1).substring(5), "event");
    assertThat(last.path("state").asText()).isEqualTo("succeeded");
    assertThat(last.path("tables").toString()).contains("customers");
  }

  @Test
  void jdbcSourceRunsAndItsPasswordIsNeverShown(@TempDir Path db) throws SQLException {
    String url = "jdbc:h2:file:" + db.resolve("shop") + ";USER=sa;PASSWORD=s3cr3t-pw";
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE customers(id INT PRIMARY KEY, country VARCHAR(2), age INT)");
      for (int i = 1; i <= 100; i++) {
        s.execute(
            "INSERT INTO customers VALUES ("
                + i
                + ", '"
                + (i % 3 == 0 ? "DE" : "FR")
                + "', "
                + (20 + i % 40)
                + ")");
      }
    }
    HttpResponse<String> r =
        client.postJson(
            "/api/jobs", "{\"source\": \"" + url + "\", \"scale\": 0.5, \"format\": [\"csv\"]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(r.body()).doesNotContain("s3cr3t-pw");
    JsonNode job = client.await(json(r).path("id").asText());
    assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("succeeded");
    assertThat(job.path("rows_generated").asLong()).isEqualTo(50);
    assertThat(client.get("/api/jobs").body()).doesNotContain("s3cr3t-pw");

    HttpResponse<String> bad =
        client.postJson(
            "/api/jobs",
            "{\"source\": \"jdbc:h2:file:"
                + db.resolve("missing")
                + ";IFEXISTS=TRUE;PASSWORD=s3cr3t-pw\"}");
    JsonNode failed = client.await(json(bad).path("id").asText());
    assertThat(failed.path("state").asText()).isEqualTo("failed");
    assertThat(failed.toString()).doesNotContain("s3cr3t-pw");
  }

  @Test
  void deleteCancelsAndRemovesTheJob() {
    String id = csvJob(Map.of("review", "true")).path("id").asText();
    assertThat(client.delete("/api/jobs/" + id).statusCode()).isEqualTo(204);
    assertThat(client.get("/api/jobs/" + id).statusCode()).isEqualTo(404);
    assertThat(client.get("/api/jobs").body()).doesNotContain(id);
    assertThat(data.resolve("jobs").resolve(id)).doesNotExist();
  }

  @Test
  void deleteCancelsARunningJobAndItsFilesGoWhenItStops() throws InterruptedException {
    HttpResponse<String> r = client.upload("people.csv", TestClient.customers(60_000), Map.of());
    String id = json(r).path("id").asText();
    long end = System.nanoTime() + java.time.Duration.ofMinutes(1).toNanos();
    while (!json(client.get("/api/jobs/" + id)).path("state").asText().equals("running")) {
      assertThat(System.nanoTime()).as("the job starts").isLessThan(end);
      Thread.sleep(20);
    }
    assertThat(client.delete("/api/jobs/" + id).statusCode()).isEqualTo(204);
    assertThat(client.get("/api/jobs/" + id).statusCode()).isEqualTo(404);
    while (java.nio.file.Files.exists(data.resolve("jobs").resolve(id))) {
      assertThat(System.nanoTime()).as("the run stops and its files go").isLessThan(end);
      Thread.sleep(50);
    }
  }

  @Test
  void oneShotGenerateAnswersWithLinksAndTheReportSummary() {
    HttpResponse<String> r =
        client.upload(
            "/generate",
            "people.csv",
            TestClient.customers(100).getBytes(StandardCharsets.UTF_8),
            new LinkedHashMap<>());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode body = json(r);
    String csvLink = body.path("files").path("csv").asText();
    assertThat(csvLink).startsWith("/api/jobs/");
    assertThat(body.path("report").asText()).endsWith("/report");
    assertThat(body.path("summary").size()).isPositive();
    assertThat(client.get(csvLink).body()).startsWith("id,first_name,country,age");
  }

  @Test
  void retentionDeletesTheFilesOfOldJobs() {
    String id = csvJob(Map.of()).path("id").asText();
    client.await(id);
    server.sweep(System.currentTimeMillis() + java.time.Duration.ofDays(8).toMillis());
    JsonNode job = json(client.get("/api/jobs/" + id));
    assertThat(job.path("files_deleted").asBoolean()).isTrue();
    HttpResponse<String> gone = client.get("/api/jobs/" + id + "/files/csv");
    assertThat(gone.statusCode()).isEqualTo(410);
    assertThat(json(gone).path("detail").asText()).contains("retention");
  }
}
