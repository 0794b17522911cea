package io.syndata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Folders of Parquet, JSON Lines and JSON files read back as sources: {@code export} converts
 * between formats without losing a value, and {@code generate} learns from them.
 */
class FileSourcesTest {
  @TempDir Path dir;

  /** Customers and orders with decimals, dates, timestamps, nulls, quotes and unicode. */
  private Path shop() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("shop"));
    StringBuilder customers = new StringBuilder("id,name,segment,joined\n");
    StringBuilder orders = new StringBuilder("id,customer_id,price,placed_at,note\n");
    int order = 1;
    for (int i = 1; i <= 80; i++) {
      customers
          .append(i)
          .append(",\"")
          .append(i % 5 == 0 ? "Zoë \"\"Ö\"\", Ltd" : "Anna " + i)
          .append("\",")
          .append(i % 3 == 0 ? "retail" : "business")
          .append(',')
          .append(String.format("2021-%02d-%02d", 1 + i % 12, 1 + i % 28))
          .append('\n');
      for (int k = 0; k < 1 + i % 4; k++) {
        orders
            .append(order++)
            .append(',')
            .append(i)
            .append(',')
            .append(10 + i % 9)
            .append('.')
            .append(k)
            .append("5,")
            .append(String.format("2022-03-%02dT10:%02d:00", 1 + k, i % 60))
            .append(',')
            .append(k == 1 ? "" : "\"note, " + k + "\"")
            .append('\n');
      }
    }
    Files.writeString(folder.resolve("customers.csv"), customers);
    Files.writeString(folder.resolve("orders.csv"), orders);
    return folder;
  }

  private static void ok(Cli.Result r) {
    assertThat(r.code()).as(r.err()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"parquet", "jsonl", "json", "xlsx"})
  void aFolderOfFilesConvertsBackToTheSameCsvAndFeedsGenerate(String format) throws IOException {
    Path shop = shop();
    Path direct = dir.resolve("direct");
    ok(Cli.run("export", "--source", shop.toString(), "--target", direct.toString()));
    Path files = dir.resolve(format);
    ok(
        Cli.run(
            "export",
            "--source",
            shop.toString(),
            "--target",
            files.toString(),
            "--format",
            format));
    Path back = dir.resolve("back");
    Cli.Result read = Cli.run("export", "--source", files.toString(), "--target", back.toString());
    ok(read);
    for (String table : new String[] {"customers.csv", "orders.csv"}) {
      assertThat(Files.readString(back.resolve(table)))
          .as("%s through %s", table, format)
          .isEqualTo(Files.readString(direct.resolve(table)));
    }
    Path generated = dir.resolve("generated");
    ok(
        Cli.run(
            "generate",
            "--source",
            files.toString(),
            "--target",
            generated.toString(),
            "--no-evaluate"));
    try (Stream<String> lines = Files.lines(generated.resolve("orders.csv"))) {
      assertThat(lines.count()).isGreaterThan(150);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"parquet", "jsonl", "xlsx"})
  void filesWithoutTheirSchemaFileAreAnErrorSayingWhatToGive(String format) throws IOException {
    Path files = dir.resolve(format);
    ok(
        Cli.run(
            "export",
            "--source",
            shop().toString(),
            "--target",
            files.toString(),
            "--format",
            format));
    Files.delete(files.resolve("schema.json"));
    Cli.Result r =
        Cli.run("generate", "--source", files.toString(), "--target", dir.resolve("x").toString());
    assertThat(r.code()).isEqualTo(Main.EXIT_FAILED);
    assertThat(r.err())
        .contains("synth: folder " + files + " holds ")
        .contains("but no schema.json to read")
        .contains("schema with --schema");
    assertThat(dir.resolve("x")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "parquet", "xlsx,jsonl"})
  void theQualityReportGoesWithTheFilesUnlessNoReport(String formats) throws IOException {
    Path shop = shop();
    Path out = dir.resolve("out");
    Cli.Result r =
        Cli.run(
            "generate",
            "--source",
            shop.toString(),
            "--target",
            out.toString(),
            "--format",
            formats);
    ok(r);
    assertThat(out.resolve("report.html")).isRegularFile();
    assertThat(Files.readString(out.resolve("report.json"))).contains("\"fidelity\"");
    assertThat(r.out()).contains("wrote " + out.resolve("report.html"));
    Path bare = dir.resolve("bare");
    ok(
        Cli.run(
            "generate",
            "--source",
            shop.toString(),
            "--target",
            bare.toString(),
            "--format",
            formats,
            "--no-report"));
    assertThat(bare.resolve("report.html")).doesNotExist();
  }

  @org.junit.jupiter.api.Test
  void aFormatThatCannotBeReadBackGetsNoReportRatherThanAnError() throws IOException {
    Path out = dir.resolve("xlsx");
    ok(
        Cli.run(
            "generate",
            "--source",
            shop().toString(),
            "--target",
            out.toString(),
            "--format",
            "xlsx"));
    assertThat(out.resolve("data.xlsx")).exists();
    assertThat(out.resolve("report.html")).doesNotExist();
  }
}
