package io.syndata.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.engine.TestServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives the web UI in Debian's headless Chromium through Debian's chromedriver (nothing is
 * downloaded): upload, review the schema, configure, generate, report, download, with a screenshot
 * of each step in target/screenshots/.
 */
class WebUiIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SHOTS = Path.of("target", "screenshots");

  @TempDir Path data;
  private SynthServer server;
  private ChromeDriver driver;
  private String token;

  @BeforeEach
  void start() throws Exception {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
      TestServers.missing(
          "Debian's chromium and chromium-driver (apt-get install chromium-driver)");
    }
    server = SynthServer.start(ServerConfig.defaults(data).withPort(0));
    try (ApiKeys keys = ApiKeys.open(data)) {
      token = keys.create("browser", Optional.empty()).token();
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,900");
    driver = new ChromeDriver(service, options);
    Files.createDirectories(SHOTS);
  }

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  private void shot(String name) throws Exception {
    Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void walksFromUploadToDownload() throws Exception {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
    Path csv = data.resolve("customers.csv");
    Files.writeString(csv, TestClient.customers(120), StandardCharsets.UTF_8);
    driver.get("http://127.0.0.1:" + server.port() + "/");
    assertEveryControlIsLabelled(driver);

    driver.findElement(By.id("key")).sendKeys(token);
    driver.findElement(By.id("file")).sendKeys(csv.toString());
    shot("1-upload");
    driver.findElement(By.id("upload")).click();

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("step-schema")));
    WebElement schema = driver.findElement(By.id("schema"));
    assertThat(schema.getText())
        .contains("customers (120 rows)")
        .contains("first_name")
        .contains("PK");
    Select kind = new Select(driver.findElement(By.id("kind-customers-first_name")));
    assertThat(kind.getFirstSelectedOption().getText()).isEqualTo("pii");
    kind.selectByValue("categorical");
    driver.findElement(By.id("save-schema")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("schema-status"), "Schema saved"));
    shot("2-review-schema");

    WebElement scale = driver.findElement(By.id("scale"));
    scale.clear();
    scale.sendKeys("0.5");
    driver.findElement(By.id("format-jsonl")).click();
    shot("3-configure");
    driver.findElement(By.id("generate")).click();

    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-state"), "Succeeded"));
    assertThat(driver.findElement(By.id("job-state")).getText())
        .contains("60 rows generated from 120");
    WebElement row = driver.findElement(By.cssSelector("#progress tr[data-table='customers']"));
    assertThat(row.getText()).contains("write").contains("60");
    shot("4-progress");

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("step-report")));
    driver.switchTo().frame(driver.findElement(By.id("report")));
    wait.until(d -> d.findElement(By.tagName("body")).getText().contains("customers"));
    assertThat(driver.findElement(By.tagName("body")).getText()).containsIgnoringCase("fidelity");
    driver.switchTo().defaultContent();
    driver.findElement(By.id("step-report")).getRect(); // scrolls nowhere; the frame is in view
    shot("5-report");

    driver.findElement(By.id("download-csv")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("downloads"), "Downloaded customers.csv"));
    assertThat(driver.findElement(By.id("downloads")).getText())
        .contains("Download jsonl")
        .contains("Download model file");
    shot("6-download");

    // what the page did is what the API has: the edited kind was used
    TestClient client = new TestClient(server.port(), token);
    String jobs = client.get("/api/jobs").body();
    String id = TestClient.json(client.get("/api/jobs")).path("jobs").get(0).path("id").asText();
    assertThat(jobs).contains("succeeded");
    assertThat(client.get("/api/jobs/" + id + "/schema").body()).contains("categorical");
  }

  /** Every input and select has a label (for=) or an aria-label: usable by keyboard and reader. */
  private static void assertEveryControlIsLabelled(WebDriver driver) {
    @SuppressWarnings("unchecked")
    List<String> unlabelled =
        (List<String>)
            ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript(
                    "return [...document.querySelectorAll('input,select,button')].filter(e =>"
                        + " !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !(e.tagName==='BUTTON' && e.textContent.trim()))"
                        + ".map(e => e.id || e.outerHTML);");
    assertThat(unlabelled).isEmpty();
  }
}
