package io.syndata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate --writers}, {@code --resume} and {@code --abort} into a folder from the command
 * line: the files of two writers are those of one, in csv and in xlsx (one workbook, assembled from
 * the parts), and {@code --abort} of a folder without an interrupted run says so.
 */
class FolderWritersTest {
  @TempDir Path dir;

  private Path model() throws IOException {
    Path src = Files.createDirectories(dir.resolve("shop"));
    StringBuilder customers = new StringBuilder("id,country,age\n");
    StringBuilder orders = new StringBuilder("order_id,customers_id,amount\n");
    int order = 0;
    for (int i = 1; i <= 200; i++) {
      customers.append(i).append(',').append(i % 3 == 0 ? "DE" : "FR").append(',');
      customers.append(20 + i % 50).append('\n');
      for (int k = 0; k < i % 4; k++) {
        orders.append(1000 + ++order).append(',').append(i).append(',');
        orders.append(10 + (i * 7 + k * 13) % 90).append(".5\n");
      }
    }
    Files.writeString(src.resolve("customers.csv"), customers);
    Files.writeString(src.resolve("orders.csv"), orders);
    Path model = dir.resolve("shop.synth");
    Cli.Result train =
        Cli.run("train", "--source", src.toString(), "--out", model.toString(), "--seed", "7");
    assertThat(train.code()).as(train.err()).isZero();
    return model;
  }

  private Map<String, byte[]> generate(Path model, String out, String format, String... more)
      throws IOException {
    String[] args =
        Stream.concat(
                Stream.of(
                    "generate",
                    "--model-file",
                    model.toString(),
                    "--target",
                    dir.resolve(out).toString(),
                    "--format",
                    format,
                    "--scale",
                    "600",
                    "--seed",
                    "3",
                    "--no-report"),
                Stream.of(more))
            .toArray(String[]::new);
    Cli.Result run = Cli.run(args);
    assertThat(run.code()).as(run.err()).isZero();
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir.resolve(out))) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.resolve(out).relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  @Test
  void twoWritersWriteTheFilesOfOneFromTheCommandLine() throws IOException {
    Path model = model();
    Map<String, byte[]> one = generate(model, "one", "csv", "--threads", "1");
    Map<String, byte[]> two = generate(model, "two", "csv", "--writers", "2", "--threads", "2");
    assertThat(two.keySet()).containsExactly("customers.csv", "orders.csv", "schema.json");
    one.forEach((name, bytes) -> assertThat(two.get(name)).as(name).isEqualTo(bytes));
    assertThat(dir.resolve(".two.syndata-run")).doesNotExist();

    Map<String, byte[]> workbook = generate(model, "xlsx", "xlsx", "--writers", "2");
    assertThat(workbook).containsKeys("data.xlsx", "schema.json");

    Cli.Result abort = Cli.run("generate", "--target", dir.resolve("two").toString(), "--abort");
    assertThat(abort.code()).isEqualTo(1);
    assertThat(abort.err()).contains("records no interrupted run: there is nothing to --abort");
  }
}
