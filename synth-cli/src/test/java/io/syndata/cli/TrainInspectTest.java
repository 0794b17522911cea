package io.syndata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.engine.Training;
import io.syndata.model.FittedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainInspectTest {
  @TempDir Path dir;

  private static Cli.Result run(String... args) {
    return Cli.run(args);
  }

  /** Customers with a country and an age, and 0 to 3 orders each. */
  private Path shopCsv() throws IOException {
    Path src = dir.resolve("shop");
    Files.createDirectories(src);
    StringBuilder customers = new StringBuilder("id,country,age\n");
    StringBuilder orders = new StringBuilder("order_id,customers_id,amount,status\n");
    int order = 0;
    for (int i = 1; i <= 200; i++) {
      customers.append(i).append(',').append(i % 3 == 0 ? "DE" : "FR").append(',');
      customers.append(20 + i % 50).append('\n');
      for (int k = 0; k < i % 4; k++) {
        order++;
        orders.append(1000 + order).append(',').append(i).append(',');
        orders.append(10 + (i * 7 + k * 13) % 90).append(".5,");
        orders.append(k % 2 == 0 ? "paid" : "open").append('\n');
      }
    }
    Files.writeString(src.resolve("customers.csv"), customers);
    Files.writeString(src.resolve("orders.csv"), orders);
    return src;
  }

  @Test
  void trainWritesAModelFileThatInspectDescribesAndTheEngineLoads() throws IOException {
    Path src = shopCsv();
    Path model = dir.resolve("models").resolve("shop.synth");
    Cli.Result train =
        run(
            "train",
            "--source",
            src.toString(),
            "--out",
            model.toString(),
            "--seed",
            "7",
            "--model",
            "statistical",
            "--max-fit-rows",
            "5000",
            "--orphans",
            "drop");
    assertThat(train.code()).as(train.err()).isZero();
    assertThat(train.err()).contains("synth: training on " + src, "fit", "customers");
    assertThat(train.out())
        .containsPattern("customers +statistical +200 rows +\\(trained on 200\\)")
        .containsPattern("orders +statistical +300 rows +\\(trained on 300\\)")
        .contains("wrote " + model, "synth inspect " + model);
    assertThat(model).exists();

    Cli.Result inspect = run("inspect", model.toString());
    assertThat(inspect.code()).as(inspect.err()).isZero();
    assertThat(inspect.out())
        .containsPattern("model file +" + java.util.regex.Pattern.quote(model.toString()))
        .contains("format syndata-model 1")
        .containsPattern("SynData +(dev|[0-9][^ \\n]*)")
        .containsPattern("source +CSV folder " + java.util.regex.Pattern.quote(src.toString()))
        .containsPattern("model +statistical")
        .containsPattern("seed +7")
        .containsPattern("orphans +drop")
        .containsPattern("max fit rows +5,000")
        .containsPattern("schema hash +[0-9a-f]{64}")
        .containsPattern("created +\\d{4}-\\d\\d-\\d\\dT")
        .containsPattern("customers +statistical +200 +200 +3 +\\d+\\.\\d")
        .containsPattern("orders +statistical +300 +300 +4 +\\d+\\.\\d");

    FittedModel loaded = Training.load(model);
    assertThat(loaded.provenance().seed()).isEqualTo(7);
    assertThat(loaded.graph().generationOrder()).hasSize(2);
  }

  @Test
  void inspectShowsTheSourceWithoutItsPassword() {
    String url =
        "jdbc:h2:mem:train_inspect_"
            + Long.toHexString(System.nanoTime())
            + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE;USER=sa;PASSWORD=s3cret";
    DemoShop.build(url, 150, 1);
    Path model = dir.resolve("demo.synth");
    Cli.Result train = run("train", "--source", url, "--out", model.toString());
    assertThat(train.code()).as(train.err()).isZero();
    assertThat(train.err() + train.out()).doesNotContain("s3cret");
    Cli.Result inspect = run("inspect", model.toString());
    assertThat(inspect.code()).as(inspect.err()).isZero();
    assertThat(inspect.out()).contains("jdbc:h2:mem:train_inspect_").doesNotContain("s3cret");
    assertThat(inspect.out()).containsPattern("model +statistical");
  }

  @Test
  void inspectOfASchemaFileIsAOneLineError() throws IOException {
    Path schema = dir.resolve("shop.schema.json");
    Cli.Result intro =
        run("introspect", "--source", shopCsv().toString(), "--out", schema.toString());
    assertThat(intro.code()).as(intro.err()).isZero();
    Cli.Result r = run("inspect", schema.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "synth: "
                + schema
                + " is not a SynData model file (model files are written by synth train)"
                + System.lineSeparator());
  }

  @Test
  void trainWithAModelKindThatIsNotInstalledNamesTheInstalledOnes() throws IOException {
    Path model = dir.resolve("x.synth");
    Cli.Result r =
        run(
            "train",
            "--source",
            shopCsv().toString(),
            "--out",
            model.toString(),
            "--model",
            "gan9000");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("--model gan9000", "[statistical, vaegan] and auto");
    assertThat(model).doesNotExist();
  }

  @Test
  void trainNeedsAnOutputFile() throws IOException {
    Cli.Result r = run("train", "--source", shopCsv().toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--out");
  }

  @Test
  void helpListsTrainAndInspect() {
    Cli.Result r = run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("train", "inspect");
  }
}
