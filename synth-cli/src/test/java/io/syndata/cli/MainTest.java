package io.syndata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path dir;

  private static Cli.Result run(String... args) {
    return Cli.run(args);
  }

  private Path shopCsv() throws IOException {
    Path src = dir.resolve("shop");
    Files.createDirectories(src);
    StringBuilder customers = new StringBuilder("id,country,age\n");
    StringBuilder orders = new StringBuilder("order_id,customers_id,amount,status\n");
    int order = 0;
    for (int i = 1; i <= 300; i++) {
      customers
          .append(i)
          .append(',')
          .append(i % 3 == 0 ? "DE" : "FR")
          .append(',')
          .append(20 + i % 50)
          .append('\n');
      for (int k = 0; k < i % 4; k++) {
        order++;
        orders
            .append(1000 + order)
            .append(',')
            .append(i)
            .append(',')
            .append(10 + (i * 7 + k * 13) % 90)
            .append(".5,")
            .append(k % 2 == 0 ? "paid" : "open")
            .append('\n');
      }
    }
    Files.writeString(src.resolve("customers.csv"), customers);
    Files.writeString(src.resolve("orders.csv"), orders);
    return src;
  }

  @Test
  void demoSynthesizesTheSampleShopAndPrintsAFidelitySummary() {
    // 600 customers: enough rows for --model auto to train a network, which the demo must not do.
    Cli.Result r = run("demo", "--customers", "600");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("rows written:", "customers", "order_lines", "fidelity", "cardinality");
    assertThat(r.err()).as("the demo fits the copula").doesNotContain("vaegan");
  }

  @Test
  void csvFolderToCsvFolderIsByteIdenticalForTheSameSeed() throws IOException {
    Path src = shopCsv();
    for (String out : new String[] {"a", "b"}) {
      Cli.Result r =
          run(
              "generate",
              "--source",
              src.toString(),
              "--target",
              dir.resolve(out).toString(),
              "--seed",
              "3");
      assertThat(r.code()).as(r.err()).isZero();
    }
    Cli.Result other =
        run(
            "generate",
            "--source",
            src.toString(),
            "--target",
            dir.resolve("c").toString(),
            "--seed",
            "4");
    assertThat(other.code()).as(other.err()).isZero();
    for (String file : new String[] {"customers.csv", "orders.csv", "schema.json"}) {
      assertThat(Files.readString(dir.resolve("b").resolve(file)))
          .isEqualTo(Files.readString(dir.resolve("a").resolve(file)));
    }
    assertThat(Files.readString(dir.resolve("c").resolve("orders.csv")))
        .isNotEqualTo(Files.readString(dir.resolve("a").resolve("orders.csv")));
    assertThat(Files.readString(dir.resolve("a").resolve("customers.csv")).lines().count())
        .isEqualTo(301);
  }

  @Test
  void sameBytesOnOneTwoAndEightThreads() throws IOException {
    Path src = shopCsv();
    for (String threads : new String[] {"1", "2", "8"}) {
      Cli.Result r =
          run(
              "generate",
              "--source",
              src.toString(),
              "--target",
              dir.resolve("t" + threads).toString(),
              "--scale",
              "100",
              "--threads",
              threads,
              "--no-evaluate");
      assertThat(r.code()).as(r.err()).isZero();
    }
    for (String file : new String[] {"customers.csv", "orders.csv"}) {
      String one = Files.readString(dir.resolve("t1").resolve(file));
      assertThat(Files.readString(dir.resolve("t2").resolve(file))).isEqualTo(one);
      assertThat(Files.readString(dir.resolve("t8").resolve(file))).isEqualTo(one);
    }
    assertThat(Files.readString(dir.resolve("t1").resolve("customers.csv")).lines().count())
        .isEqualTo(30_001);
  }

  @Test
  void modelFileGeneratesTheSameBytesAsTheSourceAndNeedsNoSource() throws IOException {
    Path src = shopCsv();
    Path model = dir.resolve("shop.synth");
    Cli.Result trained =
        run("train", "--source", src.toString(), "--out", model.toString(), "--seed", "3");
    assertThat(trained.code()).as(trained.err()).isZero();
    Cli.Result fromSource =
        run(
            "generate",
            "--source",
            src.toString(),
            "--target",
            dir.resolve("from-source").toString(),
            "--seed",
            "3",
            "--scale",
            "20",
            "--no-evaluate");
    assertThat(fromSource.code()).as(fromSource.err()).isZero();
    try (var files = Files.list(src)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(src);
    Cli.Result fromFile =
        run(
            "generate",
            "--model-file",
            model.toString(),
            "--target",
            dir.resolve("from-file").toString(),
            "--seed",
            "3",
            "--scale",
            "20",
            "--threads",
            "2");
    assertThat(fromFile.code()).as(fromFile.err()).isZero();
    for (String file : new String[] {"customers.csv", "orders.csv"}) {
      assertThat(Files.readString(dir.resolve("from-file").resolve(file)))
          .isEqualTo(Files.readString(dir.resolve("from-source").resolve(file)));
    }
    Cli.Result both =
        run(
            "generate",
            "--model-file",
            model.toString(),
            "--source",
            dir.toString(),
            "--target",
            dir.resolve("x").toString());
    assertThat(both.code()).isEqualTo(1);
    assertThat(both.err()).contains("either --source or --model-file");
  }

  @Test
  void generatesAndExportsOtherFormatsIntoASubfolderEach() throws IOException {
    Path src = shopCsv();
    Path model = dir.resolve("shop.synth");
    assertThat(run("train", "--source", src.toString(), "--out", model.toString()).code()).isZero();
    Path out = dir.resolve("fixtures");
    Cli.Result generated =
        run(
            "generate",
            "--model-file",
            model.toString(),
            "--target",
            out.toString(),
            "--format",
            "jsonl,sql,xlsx",
            "--sql-dialect",
            "h2");
    assertThat(generated.code()).as(generated.err()).isZero();
    assertThat(out.resolve("jsonl/customers.jsonl")).exists();
    assertThat(Files.readString(out.resolve("sql/schema.sql")))
        .containsIgnoringCase("create table");
    assertThat(out.resolve("xlsx")).isDirectoryContaining("glob:**.xlsx");
    assertThat(Files.readString(out.resolve("jsonl/customers.jsonl")).lines().count())
        .isEqualTo(300);
    // No source to compare with: the report beside the formats measures the rows against the
    // model's statistics, tallied while writing, so an xlsx-only run gets one too.
    assertThat(generated.out()).contains("against the model's statistics");
    assertThat(Files.readString(out.resolve("report.json"))).contains("\"model-statistics\"");
    assertThat(out.resolve("report.html")).exists();
    Cli.Result bare =
        run(
            "generate",
            "--model-file",
            model.toString(),
            "--target",
            dir.resolve("bare").toString(),
            "--format",
            "xlsx",
            "--no-report");
    assertThat(bare.code()).as(bare.err()).isZero();
    assertThat(dir.resolve("bare/report.json")).doesNotExist();
    Cli.Result predict =
        run(
            "generate",
            "--model-file",
            model.toString(),
            "--target",
            dir.resolve("never").toString(),
            "--predict",
            "orders.amount");
    assertThat(predict.code()).isEqualTo(1);
    assertThat(predict.err()).contains("--predict and --sensitive need the source");

    Path exported = dir.resolve("exported");
    Cli.Result export =
        run(
            "export",
            "--source",
            src.toString(),
            "--target",
            exported.toString(),
            "--format",
            "json");
    assertThat(export.code()).as(export.err()).isZero();
    assertThat(Files.readString(exported.resolve("customers.json"))).startsWith("[");

    Cli.Result wrong =
        run(
            "export",
            "--source",
            src.toString(),
            "--target",
            dir.resolve("never").toString(),
            "--format",
            "pdf");
    assertThat(wrong.code()).isEqualTo(1);
    assertThat(wrong.err()).contains("pdf", "xlsx");
    assertThat(dir.resolve("never")).doesNotExist();
  }

  @Test
  void dryRunPrintsThePlanAndWritesNothing() throws IOException {
    Path target = dir.resolve("never");
    Cli.Result r =
        run(
            "generate",
            "--source",
            shopCsv().toString(),
            "--target",
            target.toString(),
            "--scale",
            "100",
            "--dry-run");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("customers", "30,000", "partitions", "estimate");
    assertThat(target).doesNotExist();
  }

  @Test
  void unknownModelKindListsTheKindsAvailable() throws IOException {
    Cli.Result r =
        run(
            "generate",
            "--source",
            shopCsv().toString(),
            "--target",
            dir.resolve("x").toString(),
            "--model",
            "gan9000");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("--model gan9000", "statistical", "auto");
  }

  @Test
  void introspectWritesASchemaFileThatGenerateAcceptsBack() throws IOException {
    Path src = shopCsv();
    Path schema = dir.resolve("shop.schema.json");
    Cli.Result intro = run("introspect", "--source", src.toString(), "--out", schema.toString());
    assertThat(intro.code()).as(intro.err()).isZero();
    assertThat(intro.out()).contains("orders", "(inferred)");
    String edited = Files.readString(schema);
    assertThat(edited).contains("\"kind\" : \"categorical\"", "\"parentTable\" : \"customers\"");
    Cli.Result gen =
        run(
            "generate",
            "--source",
            src.toString(),
            "--schema",
            schema.toString(),
            "--target",
            dir.resolve("out").toString(),
            "--rows",
            "customers=50");
    assertThat(gen.code()).as(gen.err()).isZero();
    assertThat(Files.readString(dir.resolve("out").resolve("customers.csv")).lines().count())
        .isEqualTo(51);
  }

  @Test
  void unknownTableInAFilterIsAClearError() throws IOException {
    Cli.Result r =
        run(
            "generate",
            "--source",
            shopCsv().toString(),
            "--target",
            dir.resolve("x").toString(),
            "--include",
            "custmers");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("custmers").doesNotContain("Exception");
    assertThat(dir.resolve("x")).doesNotExist();
  }

  @Test
  void nonEmptyTargetFolderIsRefusedAndLeftAlone() throws IOException {
    Path target = dir.resolve("full");
    Files.createDirectories(target);
    Files.writeString(target.resolve("keep.txt"), "mine");
    Cli.Result r = run("generate", "--source", shopCsv().toString(), "--target", target.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains(target.toString());
    try (Stream<Path> files = Files.list(target)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("keep.txt");
    }
  }

  @Test
  void scaleOutOfRangeIsRejected() throws IOException {
    Cli.Result r =
        run(
            "generate",
            "--source",
            shopCsv().toString(),
            "--target",
            dir.resolve("y").toString(),
            "--scale",
            "1001");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("--scale");
  }

  @Test
  void unreachableServerNamesTheUrlWithoutThePassword() {
    Cli.Result r =
        run(
            "generate",
            "--source",
            "jdbc:postgresql://127.0.0.1:1/shop?user=u&password=secret",
            "--target",
            dir.resolve("z").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("127.0.0.1:1").doesNotContain("secret");
  }

  @Test
  void generateWithHoldoutWritesTheQualityReportAndReportRecomputesIt() throws IOException {
    Path src = shopCsv();
    Path out = dir.resolve("synthetic");
    Cli.Result gen =
        run(
            "generate",
            "--source",
            src.toString(),
            "--target",
            out.toString(),
            "--holdout",
            "0.2",
            "--report",
            dir.resolve("report").toString(),
            "--predict",
            "orders.status",
            "--sensitive",
            "customers.age");
    assertThat(gen.code()).as(gen.err()).isZero();
    assertThat(gen.out()).contains("quality: overall", "grade");
    String json = Files.readString(dir.resolve("report").resolve("report.json"));
    assertThat(json)
        .contains(
            "\"summary\"",
            "\"column_shapes\"",
            "\"pair_trends\"",
            "\"cardinality\"",
            "\"intertable_trends\"",
            "\"detection\"",
            "\"utility\"",
            "\"privacy\"",
            "\"overall\"",
            "\"grade\"");
    assertThat(Files.readString(dir.resolve("report").resolve("report.html")))
        .contains("id=\"summary\"", "<svg");

    Cli.Result report =
        run(
            "report",
            "--real",
            src.toString(),
            "--synthetic",
            out.toString(),
            "--out",
            dir.resolve("again").toString(),
            "--target",
            "orders.status");
    assertThat(report.code()).as(report.err()).isZero();
    assertThat(dir.resolve("again").resolve("report.html")).exists();
    assertThat(report.out()).contains("quality: overall");
  }

  @Test
  void reportRejectsATargetThatIsNotTableDotColumn() throws IOException {
    Path src = shopCsv();
    Cli.Result r =
        run(
            "report",
            "--real",
            src.toString(),
            "--synthetic",
            src.toString(),
            "--out",
            dir.resolve("r").toString(),
            "--target",
            "status");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("table.column");
  }

  @Test
  void helpListsEveryCommand() {
    Cli.Result r = run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("introspect", "generate", "copy", "report", "demo");
  }
}
