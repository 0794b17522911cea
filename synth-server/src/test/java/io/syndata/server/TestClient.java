package io.syndata.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Real HTTP against a running server: multipart uploads, JSON, and waiting for a job to end. */
final class TestClient {
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  final String base;
  final String token;

  TestClient(int port, String token) {
    this.base = "http://127.0.0.1:" + port;
    this.token = token;
  }

  TestClient as(String otherToken) {
    return new TestClient(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), otherToken);
  }

  HttpRequest.Builder request(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5));
    return token == null ? b : b.header("Authorization", "Bearer " + token);
  }

  HttpResponse<String> get(String path) {
    return send(request(path).GET().build());
  }

  HttpResponse<byte[]> bytes(String path, String accept) {
    try {
      return http.send(
          request(path).header("Accept", accept).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> delete(String path) {
    return send(request(path).DELETE().build());
  }

  HttpResponse<String> postJson(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  HttpResponse<String> putJson(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** POSTs a multipart form: the file in part "file" (when given) and the fields. */
  HttpResponse<String> upload(
      String path, String filename, byte[] content, Map<String, String> fields) {
    String boundary = "----synth" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach(
        (k, v) ->
            body.writeBytes(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + k
                        + "\"\r\n\r\n"
                        + v
                        + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
    if (filename != null) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                  + filename
                  + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(content);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        request(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  HttpResponse<String> upload(String filename, String content, Map<String, String> fields) {
    return upload("/api/jobs", filename, content.getBytes(StandardCharsets.UTF_8), fields);
  }

  HttpResponse<String> send(HttpRequest r) {
    try {
      return http.send(r, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> r) {
    return Json.read(r.body(), "the response");
  }

  /** Polls a job until it has ended (bounded: a test job takes seconds). */
  JsonNode await(String id) {
    long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < end) {
      JsonNode job = json(get("/api/jobs/" + id));
      String state = job.path("state").asText();
      if (state.equals("succeeded") || state.equals("failed") || state.equals("cancelled")) {
        return job;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("job " + id + " did not end within 3 minutes");
  }

  /** Customers and orders, with a known number of rows. */
  static String customers(int n) {
    StringBuilder sb = new StringBuilder("id,first_name,country,age\n");
    String[] names = {"Anna", "Ben", "Chloe", "David", "Emma", "Felix"};
    String[] countries = {"DE", "FR", "GB", "US"};
    for (int i = 1; i <= n; i++) {
      sb.append(i)
          .append(',')
          .append(names[i % names.length])
          .append(',')
          .append(countries[(i * 7) % countries.length])
          .append(',')
          .append(20 + (i * 13) % 50)
          .append('\n');
    }
    return sb.toString();
  }

  static String orders(int n, int customers) {
    StringBuilder sb = new StringBuilder("id,customer_id,amount\n");
    for (int i = 1; i <= n; i++) {
      sb.append(i)
          .append(',')
          .append(1 + (i * 31) % customers)
          .append(',')
          .append(String.format(java.util.Locale.ROOT, "%.2f", 5 + (i * 17) % 300 / 3.0))
          .append('\n');
    }
    return sb.toString();
  }

  static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }
}
