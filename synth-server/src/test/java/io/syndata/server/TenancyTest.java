package io.syndata.server;

import static io.syndata.server.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys, quotas, rate limits and restarts, each on a server of its own. */
class TenancyTest {
  @TempDir Path data;

  private ServerConfig config(int workers, double rate) {
    return new ServerConfig(
        data, 0, workers, 10, 50L << 20, 100L << 20, 100, 1_000_000, rate, Duration.ofDays(1));
  }

  private String key(String name, Optional<Long> quota) {
    try (ApiKeys keys = ApiKeys.open(data)) {
      return keys.create(name, quota).token();
    }
  }

  @Test
  void keysAreStoredHashedListedAndRevoked() throws Exception {
    String token = key("ci", Optional.of(1000L));
    try (ApiKeys keys = ApiKeys.open(data)) {
      assertThat(keys.list())
          .singleElement()
          .satisfies(
              k -> {
                assertThat(k.name()).isEqualTo("ci");
                assertThat(k.quotaRows()).contains(1000L);
              });
      assertThat(keys.authenticate(token)).isPresent();
      assertThat(keys.revoke("ci")).isTrue();
      assertThat(keys.authenticate(token)).isEmpty();
      assertThat(keys.revoke("ci")).isFalse();
    }
    String dbText =
        new String(
            java.nio.file.Files.readAllBytes(data.resolve("syndata.mv.db")),
            java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(dbText).doesNotContain(token).contains(ApiKeys.hash(token));
  }

  @Test
  void quotaStopsAJobThatWouldExceedItAndRefusesTheNext() {
    String token = key("small", Optional.of(100L));
    try (SynthServer server = SynthServer.start(config(1, 1000))) {
      TestClient client = new TestClient(server.port(), token);
      HttpResponse<String> r =
          client.upload("people.csv", TestClient.customers(300), Map.of("report", "false"));
      JsonNode job = client.await(json(r).path("id").asText());
      assertThat(job.path("state").asText()).isEqualTo("failed");
      assertThat(job.path("error").asText()).contains("quota");
      assertThat(job.path("rows_generated").asLong()).isZero();

      JsonNode ok =
          client.await(
              json(client.upload(
                      "people.csv",
                      TestClient.customers(300),
                      Map.of("report", "false", "rows", "people=100")))
                  .path("id")
                  .asText());
      assertThat(ok.path("state").asText()).as(ok.toString()).isEqualTo("succeeded");
      JsonNode usage = json(client.get("/api/usage"));
      assertThat(usage.path("rows_generated").asLong()).isEqualTo(100);
      assertThat(usage.path("rows_left").asLong()).isZero();

      HttpResponse<String> refused =
          client.upload("people.csv", TestClient.customers(10), Map.of());
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(json(refused).path("error").asText()).isEqualTo("quota_exceeded");
      assertThat(json(refused).path("detail").asText()).contains("100 of its 100 rows");
    }
  }

  @Test
  void rateLimitAnswers429PerKey() {
    String first = key("first", Optional.empty());
    String second = key("second", Optional.empty());
    try (SynthServer server = SynthServer.start(config(1, 1))) {
      TestClient a = new TestClient(server.port(), first);
      int limited = 0;
      for (int i = 0; i < 5; i++) {
        HttpResponse<String> r = a.get("/api/jobs");
        if (r.statusCode() == 429) {
          limited++;
          assertThat(json(r).path("error").asText()).isEqualTo("rate_limited");
        }
      }
      assertThat(limited).isGreaterThanOrEqualTo(2);
      assertThat(a.as(second).get("/api/jobs").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aRestartMarksTheJobInFlightFailedWithTheReason() throws Exception {
    String token = key("restart", Optional.empty());
    String running;
    String queued;
    SynthServer first = SynthServer.start(config(1, 1000));
    try {
      TestClient client = new TestClient(first.port(), token);
      running =
          json(client.upload("people.csv", TestClient.customers(60_000), Map.of()))
              .path("id")
              .asText();
      queued =
          json(client.upload("people.csv", TestClient.customers(50), Map.of())).path("id").asText();
      long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      while (!json(client.get("/api/jobs/" + running)).path("state").asText().equals("running")) {
        assertThat(System.nanoTime()).as("the job starts").isLessThan(end);
        Thread.sleep(20);
      }
    } finally {
      first.halt();
    }
    try (SynthServer second = SynthServer.start(config(1, 1000))) {
      TestClient client = new TestClient(second.port(), token);
      JsonNode r = json(client.get("/api/jobs/" + running));
      assertThat(r.path("state").asText()).isEqualTo("failed");
      assertThat(r.path("error").asText()).isEqualTo(Jobs.STOPPED);
      JsonNode q = json(client.get("/api/jobs/" + queued));
      assertThat(q.path("state").asText()).isEqualTo("failed");
      assertThat(q.path("error").asText()).contains("before the job ran");
    }
  }
}
