package io.syndata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A careless user's mistakes: each ends in one clear line and a non-zero exit. */
class MisuseTest {
  @TempDir Path dir;

  private static Cli.Result run(String... args) {
    return Cli.run(args);
  }

  private Path folder(String name, String file, byte[] content) throws IOException {
    Path folder = dir.resolve(name);
    Files.createDirectories(folder);
    Files.write(folder.resolve(file), content);
    return folder;
  }

  @Test
  void latin1FileIsAnErrorNamingFileLineAndColumn() throws IOException {
    Path src =
        folder(
            "latin",
            "people.csv",
            "id,name\n1,Anna\n2,José\n".getBytes(StandardCharsets.ISO_8859_1));
    Cli.Result r = run("introspect", "--source", src.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_FAILED);
    assertThat(r.err())
        .contains("people.csv line 3, column 6: byte E9 is not valid UTF-8")
        .doesNotContain("\uFFFD");
    assertThat(r.out()).doesNotContain("\uFFFD");
  }

  @Test
  void unknownEncodingIsAnErrorNamingTheOption() throws IOException {
    Path src = folder("plain", "t.csv", "a\n1\n".getBytes(StandardCharsets.UTF_8));
    Cli.Result r = run("introspect", "--source", src.toString(), "--encoding", "klingon");
    assertThat(r.code()).isEqualTo(Main.EXIT_FAILED);
    assertThat(r.err()).startsWith("synth: --encoding klingon is not an encoding this Java knows");
  }

  @Test
  void oneBadNumberAmongThousandsNamesFileLineAndValue() throws IOException {
    StringBuilder csv = new StringBuilder("id,amount\n");
    for (int i = 1; i <= 3000; i++) {
      csv.append(i).append(',').append(i == 2000 ? "abc" : String.valueOf(i % 97)).append('\n');
    }
    Path src = folder("bad", "t.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    Cli.Result r = run("introspect", "--source", src.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_FAILED);
    assertThat(r.err())
        .contains(
            "t.csv, column amount: 1 of 3,000 values is not a whole number (line 2001: 'abc')")
        .contains("--bad-values null");
    assertThat(r.err().lines().filter(l -> l.startsWith("synth:"))).hasSize(1);
    Cli.Result wrong = run("introspect", "--source", src.toString(), "--bad-values", "skip");
    assertThat(wrong.code()).isEqualTo(Main.EXIT_FAILED);
    assertThat(wrong.err()).contains("--bad-values must be fail or null, was skip");
  }

  @Test
  void aMistypedOptionDoesNotEchoThePasswordOfTheUrlBesideIt() {
    // the URL pasted after the wrong option
    Cli.Result r =
        run(
            "report",
            "--real",
            "a",
            "--synthetic",
            "b",
            "--out",
            "c",
            "--max-rows",
            "jdbc:postgresql://127.0.0.1:1/shop?password=hunter22");
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("--max-rows").doesNotContain("hunter22");
  }

  @Test
  void aDriverMessageWithThePasswordIsMaskedWithVerboseToo() {
    Cli.Result r =
        run(
            "introspect",
            "--source",
            "jdbc:mariadb://root:S3cretPW@127.0.0.1:3306/shop",
            "--verbose");
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_FAILED);
    assertThat(r.err())
        .contains("synth: cannot connect to jdbc:mariadb://root@127.0.0.1:3306/shop")
        .contains("\tat ")
        .doesNotContain("S3cretPW");
  }

  @Test
  void copyIntoTheSourceItselfIsRefusedAtOnce() throws Exception {
    String url = "jdbc:h2:" + dir.resolve("shop") + ";DATABASE_TO_LOWER=TRUE";
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
        java.sql.Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER)");
    }
    Cli.Result r = run("copy", "--source", url, "--target", "jdbc:h2:file:" + dir.resolve("shop"));
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_FAILED);
    assertThat(r.err()).contains("is the source itself");
  }

  private Path smallCsv() throws IOException {
    StringBuilder csv = new StringBuilder("id,v\n");
    for (int i = 1; i <= 50; i++) {
      csv.append(i).append(',').append(i % 7).append('\n');
    }
    return folder("small", "t.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void introspectRefusesToOverwriteASchemaFileWithoutForce() throws IOException {
    Path src = smallCsv();
    Path out = dir.resolve("edited.schema.json");
    Files.writeString(out, "my careful edits");
    Cli.Result r = run("introspect", "--source", src.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_FAILED);
    assertThat(r.err())
        .contains(
            "synth: " + out + " exists: pass --force to overwrite it, or choose another --out");
    assertThat(Files.readString(out)).isEqualTo("my careful edits");
    Cli.Result forced =
        run("introspect", "--source", src.toString(), "--out", out.toString(), "--force");
    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(Files.readString(out)).contains("syndata-schema/1");
  }

  @Test
  void generateRefusesToOverwriteAReportBeforeWritingTheTarget() throws IOException {
    Path src = smallCsv();
    Path report = Files.createDirectories(dir.resolve("report"));
    Files.writeString(report.resolve("report.html"), "last week's report");
    Path target = dir.resolve("out");
    Cli.Result r =
        run(
            "generate",
            "--source",
            src.toString(),
            "--target",
            target.toString(),
            "--report",
            report.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_FAILED);
    assertThat(r.err()).contains("report.html exists: pass --force to overwrite it");
    assertThat(target).doesNotExist();
    assertThat(Files.readString(report.resolve("report.html"))).isEqualTo("last week's report");
  }

  @Test
  void reportOptionsNamingMissingColumnsFailBeforeTheTargetIsWritten() throws IOException {
    Path src = smallCsv();
    Path target = dir.resolve("out");
    for (String[] option :
        new String[][] {
          {"--predict", "t.nope"}, {"--sensitive", "nope.v"}, {"--report-rows", "0"}
        }) {
      Cli.Result r =
          run(
              "generate",
              "--source",
              src.toString(),
              "--target",
              target.toString(),
              "--report",
              dir.resolve("report").toString(),
              option[0],
              option[1]);
      assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_FAILED);
      assertThat(r.err()).contains(option[0]);
      assertThat(target).doesNotExist();
    }
  }

  @Test
  void filtersThatLeaveNoTableAreAnErrorNotAnEmptySuccess() throws IOException {
    Path target = dir.resolve("out");
    Cli.Result r =
        run(
            "generate",
            "--source",
            smallCsv().toString(),
            "--target",
            target.toString(),
            "--exclude",
            "*");
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_FAILED);
    assertThat(r.err()).contains("no tables to generate", "--include/--exclude leave none");
    assertThat(target).doesNotExist();
  }

  @Test
  void reportRefusesToOverwriteWithoutForce() throws IOException {
    Path src = smallCsv();
    Path report = Files.createDirectories(dir.resolve("report"));
    Files.writeString(report.resolve("report.json"), "{}");
    Cli.Result r =
        run(
            "report",
            "--real",
            src.toString(),
            "--synthetic",
            src.toString(),
            "--out",
            report.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_FAILED);
    assertThat(r.err()).contains("report.json exists: pass --force to overwrite it");
  }

  @Test
  void libraryWarningsSpeakWithTheSameVoiceAsTheCommandLine() throws IOException {
    Path src = smallCsv();
    Path leftover = Files.createDirectories(dir.resolve(".out.partial-deadbeef"));
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    java.io.PrintStream original = System.err;
    Cli.Result r;
    System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      r =
          run(
              "generate",
              "--source",
              src.toString(),
              "--target",
              dir.resolve("out").toString(),
              "--no-evaluate");
    } finally {
      System.setErr(original);
    }
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(leftover).doesNotExist();
    String logged = captured.toString(StandardCharsets.UTF_8);
    assertThat(logged)
        .contains("  warning: removed " + leftover)
        .doesNotContain("WARN")
        .doesNotContain("[main]");
  }

  @Test
  void outOfMemoryIsOneLineSayingWhatToDoWithExitThree() {
    StringWriter err = new StringWriter();
    int code =
        Main.failure(new OutOfMemoryError("Java heap space"), new PrintWriter(err, true), false);
    assertThat(code).isEqualTo(Main.EXIT_INTERNAL);
    assertThat(err.toString().lines())
        .singleElement()
        .asString()
        .startsWith("synth: out of memory: the Java heap (at most ")
        .contains("SYNTH_JAVA_OPTS=-Xmx16g", "--max-fit-rows");
  }
}
