package io.syndata.quality.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders the report in headless Chromium (Debian package {@code chromium}): the page must load
 * without script errors, lay out every section and draw its SVG plots. Skipped when Chromium is not
 * installed, except with {@code CI=true}, where that fails the build.
 */
class ReportRenderIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path OUT = Path.of("target", "report-it").toAbsolutePath();
  private static final long TIMEOUT_SECONDS = 120;

  @BeforeAll
  static void requireChromium() {
    if (!Files.isExecutable(CHROMIUM)) {
      String why = CHROMIUM + " is missing (install the Debian package chromium)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(why + ", and CI=true forbids skipping");
      }
      Assumptions.abort(why + "; skipping the rendering check");
    }
  }

  @Test
  void chromiumRendersEverySectionAndPlotWithoutScriptErrors() throws Exception {
    ReportWriter.write(ReportFixture.report(), OUT);
    Path html = OUT.resolve(ReportWriter.HTML_FILE);
    Path png = OUT.resolve("report.png");
    Files.deleteIfExists(png);

    Run shot = chromium("--screenshot=" + png, "--window-size=1280,4000", html.toUri().toString());
    assertThat(shot.stderr).as("Chromium's log").doesNotContain("Uncaught");
    assertThat(png).exists();
    assertThat(Files.size(png)).as("screenshot bytes").isGreaterThan(10_000);

    Run dom = chromium("--dump-dom", html.toUri().toString());
    assertThat(dom.stderr).as("Chromium's log").doesNotContain("Uncaught");
    for (String id :
        List.of(
            "summary",
            "recommendations",
            "worst",
            "fidelity",
            "detection",
            "utility",
            "privacy",
            "table-customers")) {
      assertThat(dom.stdout).contains("id=\"" + id + "\"");
    }
    assertThat(dom.stdout).contains("<svg", "<rect", "</svg>");
    assertThat(count(dom.stdout, "<svg"))
        .isGreaterThanOrEqualTo(count(ReportWriter.html(ReportFixture.report()), "<svg"));
  }

  private record Run(String stdout, String stderr) {}

  private static Run chromium(String... args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("report-it-chromium");
    Path stdout = Files.createTempFile("report-it", ".out");
    Path stderr = Files.createTempFile("report-it", ".err");
    try {
      List<String> command =
          new ArrayList<>(
              List.of(
                  CHROMIUM.toString(),
                  "--headless",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-quic",
                  "--no-first-run",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--disable-dev-shm-usage",
                  "--enable-logging=stderr",
                  "--v=0",
                  "--user-data-dir=" + profile));
      command.addAll(List.of(args));
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        fail(
            "Chromium did not finish within "
                + TIMEOUT_SECONDS
                + " s: "
                + command
                + "\n"
                + tail(stderr));
      }
      String err = Files.readString(stderr, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        fail("Chromium exited with " + process.exitValue() + ": " + command + "\n" + tail(stderr));
      }
      return new Run(Files.readString(stdout, StandardCharsets.UTF_8), err);
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
      deleteTree(profile);
    }
  }

  private static String tail(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
  }

  /** Best effort: a Chromium helper may still be closing files in its profile. */
  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // a temporary profile left behind is harmless
    }
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }
}
