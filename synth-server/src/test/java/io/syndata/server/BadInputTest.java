package io.syndata.server;

import static io.syndata.server.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad input answers a precise 4xx {"error", "detail"}, never a 500. */
class BadInputTest {
  @TempDir static Path data;
  static SynthServer server;
  static TestClient client;

  @BeforeAll
  static void start() {
    ServerConfig small =
        new ServerConfig(data, 0, 1, 10, 1L << 20, 2L << 20, 20, 2_000, 1000, Duration.ofDays(1));
    server = SynthServer.start(small);
    try (ApiKeys keys = ApiKeys.open(data)) {
      client = new TestClient(server.port(), keys.create("bad-input", Optional.empty()).token());
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode refused(HttpResponse<String> r, int status, String error) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/json");
    JsonNode body = json(r);
    assertThat(body.path("error").asText()).isEqualTo(error);
    assertThat(body.path("detail").asText())
        .isNotBlank()
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    return body;
  }

  @Test
  void refusesAWrongFileType() {
    JsonNode e =
        refused(client.upload("notes.txt", "hello", Map.of()), 415, "unsupported_file_type");
    assertThat(e.path("detail").asText()).contains("notes.txt");
  }

  @Test
  void namesTheFileAndLineOfAMalformedCsv() {
    String csv = "id,name,age\n1,Anna,30\n2,Ben,41,extra\n3,Chloe,22\n";
    JsonNode e = refused(client.upload("people.csv", csv, Map.of()), 400, "malformed_csv");
    assertThat(e.path("detail").asText())
        .contains("people.csv")
        .contains("line 3")
        .doesNotContain(data.toString());
  }

  @Test
  void refusesEmptyFiles() {
    assertThat(
            refused(client.upload("empty.csv", "", Map.of()), 400, "empty_file")
                .path("detail")
                .asText())
        .contains("empty.csv");
    refused(client.upload("header.csv", "id,name\n", Map.of()), 400, "empty_file");
    refused(
        client.upload("/api/jobs", "nothing.zip", TestClient.zip(Map.of()), Map.of()),
        400,
        "empty_file");
  }

  @Test
  void refusesAZipBomb() {
    byte[] zeros =
        new byte[3 << 20]; // 3 MB of zeros pack into a few KB; the limit is 2 MB unpacked
    byte[] bomb = TestClient.zip(Map.of("a.csv", zeros));
    assertThat(bomb.length).isLessThan(100_000);
    JsonNode e =
        refused(client.upload("/api/jobs", "bomb.zip", bomb, Map.of()), 413, "zip_too_large");
    assertThat(e.path("detail").asText()).contains("bomb.zip").contains("2 MB");
    Map<String, byte[]> many = new LinkedHashMap<>();
    for (int i = 0; i < 25; i++) {
      many.put("t" + i + ".csv", "id\n1\n".getBytes(StandardCharsets.UTF_8));
    }
    refused(
        client.upload("/api/jobs", "many.zip", TestClient.zip(many), Map.of()),
        413,
        "zip_too_large");
    refused(
        client.upload(
            "/api/jobs", "broken.zip", "PK not really".getBytes(StandardCharsets.UTF_8), Map.of()),
        400,
        "empty_file");
  }

  @Test
  void refusesAnOversizeUploadAndTooManyRows() {
    byte[] big = new byte[(1 << 20) + 4096];
    java.util.Arrays.fill(big, (byte) 'x');
    refused(client.upload("/api/jobs", "big.csv", big, Map.of()), 413, "upload_too_large");
    refused(client.upload("many.csv", TestClient.customers(2_500), Map.of()), 413, "too_many_rows");
  }

  @Test
  void unknownAndForeignJobsAreNotFound() {
    refused(client.get("/api/jobs/j_000000000000000000"), 404, "not_found");
    refused(client.get("/api/jobs/j_000000000000000000/report"), 404, "not_found");
    refused(client.delete("/api/jobs/j_000000000000000000"), 404, "not_found");
    String id =
        json(client.upload("people.csv", TestClient.customers(50), Map.of("review", "true")))
            .path("id")
            .asText();
    String other;
    try (ApiKeys keys = ApiKeys.open(data)) {
      other = keys.create("someone-else", Optional.empty()).token();
    }
    TestClient stranger = client.as(other);
    for (String path : new String[] {"", "/schema", "/report", "/model", "/files/csv", "/events"}) {
      assertThat(client.get("/api/jobs/" + id + path).statusCode()).as(path).isNotEqualTo(404);
      refused(stranger.get("/api/jobs/" + id + path), 404, "not_found");
    }
    refused(stranger.delete("/api/jobs/" + id), 404, "not_found");
    refused(stranger.putJson("/api/jobs/" + id + "/schema", "{}"), 404, "not_found");
    assertThat(stranger.get("/api/jobs").body()).doesNotContain(id);
    assertThat(client.get("/api/jobs").body()).contains(id);
    refused(client.get("/api/nothing-here"), 404, "not_found");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "scale|1001|scale",
        "scale|lots|scale",
        "seed|x|seed",
        "model|nope|model",
        "format|pdf|format",
        "holdout|2|holdout",
        "orphans|keep|orphans",
        "colour|red|colour",
        "review|maybe|review",
        "rows|customers|rows",
        "predict|age|table.column"
      })
  void refusesInvalidOptions(String name, String value, String named) {
    JsonNode e =
        refused(
            client.upload("people.csv", TestClient.customers(20), Map.of(name, value)),
            400,
            "invalid_option");
    assertThat(e.path("detail").asText()).contains(named);
  }

  @Test
  void refusesBadRequestsOfOtherShapes() {
    refused(client.postJson("/api/jobs", "{not json"), 400, "invalid_json");
    refused(client.postJson("/api/jobs", "{\"source\": \"/etc\"}"), 400, "invalid_option");
    refused(client.postJson("/api/jobs", "{\"scale\": 2}"), 400, "missing_source");
    refused(
        client.send(
            client
                .request("/api/jobs")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hi"))
                .build()),
        415,
        "unsupported_media_type");
    refused(client.upload("/api/jobs", null, null, Map.of("scale", "2")), 400, "missing_source");
    refused(
        client.upload(
            "/api/jobs", "model.synth", "not a model".getBytes(StandardCharsets.UTF_8), Map.of()),
        400,
        "invalid_model");
    refused(client.as(null).get("/api/jobs"), 401, "unauthorized");
    refused(client.as("sk_wrong").get("/api/jobs"), 401, "unauthorized");
  }

  @Test
  void refusesAnInvalidSchema() {
    String id =
        json(client.upload("people.csv", TestClient.customers(50), Map.of("review", "true")))
            .path("id")
            .asText();
    refused(
        client.putJson("/api/jobs/" + id + "/schema", "{\"format\": \"other\"}"),
        400,
        "invalid_schema");
    refused(client.putJson("/api/jobs/" + id + "/schema", "[1,2"), 400, "invalid_schema");
  }
}
