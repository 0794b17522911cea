package io.syndata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue of bad inputs in {@code docs/errors.md}, made by running each case through the
 * command line: the line it prints, its exit code, and a check of what it left behind. The test
 * fails when the file differs from what the code says today; {@code -Dsynth.errors.write=true}
 * writes it anew.
 */
class ErrorCatalogueTest {
  @TempDir Path dir;
  private final List<io.syndata.data.Target> held = new ArrayList<>();

  /**
   * One bad input: how to make it, the line to catalogue ({@code synth:} or {@code warning:}), and
   * what it leaves behind, checked.
   */
  private record Case(
      String section,
      String title,
      Setup setup,
      int exit,
      String leftBehind,
      Predicate<Path> leftBehindHolds) {}

  @FunctionalInterface
  private interface Setup {
    String[] args(Path dir) throws Exception;
  }

  private static final String HEADER =
      """
      # Bad inputs and what SynData says

      Each case below is a mistake a hurried user makes, the one line SynData prints (`synth: …` on
      standard error, or a `warning: …` where it goes on), the exit code, and what is left behind.
      **Generated** by `ErrorCatalogueTest` (synth-cli), which runs every case through the command
      line and checks what it leaves behind; `…` stands for the test's temporary folder. Do not edit
      by hand: run `mvn -pl synth-cli -am test -Dtest=ErrorCatalogueTest
      -Dsurefire.failIfNoSpecifiedTests=false -Dsynth.errors.write=true`.

      Cases that need a server or a second process are checked by their own tests, with the same
      messages: two runs into one PostgreSQL or MariaDB database (`TargetProcessIT`: `… is in use by
      another run (PostgreSQL backend pid N from …)` / `(connection N holds lock 'syndata:db')`), a
      run killed with `kill -9` while writing (`TargetProcessIT`, `CsvFolderTargetProcessTest`: a
      PostgreSQL target is left as found, the next run into a MariaDB or H2 database drops the empty
      tables the dead run created and warns `removed 2 empty tables [staff, store] left by an earlier
      run into this target that did not finish (pid N on host since …)`), and running out of memory
      (`MisuseTest.outOfMemoryIsOneLineSayingWhatToDoWithExitThree`: exit 3); a foreign-key cycle
      whose keys are all NOT NULL, into existing PostgreSQL tables whose cycle key is not
      `DEFERRABLE` (`PostgresTypesPipelineIT`: `… cannot load foreign-key cycle [store(manager_id) ->
      staff(id), staff(store_id) -> store(id)]: none of its keys is nullable, and table staff exists
      with key staff(store_id) -> store(id) checked at once. Make the constraint DEFERRABLE, drop the
      table so that SynData creates it, or make one of the columns nullable`, exit 1, the target as
      found); rows that reference no parent after MariaDB's key checks were suspended for a NOT NULL
      cycle (`MariaDbTypesPipelineIT`: `foreign key item(store_id) -> store(id): 3 written rows
      reference no parent row; nothing was committed`, exit 1); and a generation whose
      estimated peak heap exceeds what Java may use, refused before its first row
      (`HeapEstimateTest`: `this generation needs about 9.1 GiB of heap at its peak (the unique
      values of users: …), but this Java may use about 4.7 GiB: give Java more heap (-Xmx; for
      ./synth, SYNTH_JAVA_OPTS=-Xmx16g), or generate fewer rows (--scale, --rows)`).

      Runs written partition by partition (`--writers`, `--resume`, `--abort`) are checked on
      PostgreSQL and MariaDB by `PartitionedWritesIT` (synth-engine): a run that stopped keeps its
      committed partitions and warns `the run into … stopped; the partitions it committed stay
      there: continue it with --resume, or undo it with --abort`; a new run into that target is
      refused (`… holds a run that was interrupted (pid N on host since …, 3 partitions
      committed): continue it with --resume or undo it with --abort`, exit 1, nothing changed); a
      `--resume` with other options is refused naming them (`cannot --resume the run recorded in
      …: its plan differs in seed (recorded 9, now 10); rerun with the same model and options, or
      undo it with --abort`, exit 1); `--abort` with no interrupted run says `… records no
      interrupted run: there is nothing to --abort` (exit 1). The same for folder targets is checked
      by `PartitionedFoldersTest` (synth-engine), with a real `kill -9` of a child process for csv
      and parquet: the resumed run's files are byte for byte those of one writer, `--abort` says
      `undid the interrupted run into …/out: deleted its record and 3 committed partitions; the
      folder is empty, as the run found it`, and a `--resume` with another format is refused
      (`… its plan differs in formats (recorded csv, now parquet); …`).
      """;

  private List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    // Files
    cases.add(
        new Case(
            "Files",
            "a CSV file in Latin-1, read without `--encoding`",
            d ->
                new String[] {
                  "generate",
                  "--source",
                  folder(d, "latin", "people.csv", "id,name\n1,Anna\n2,José\n", "ISO-8859-1"),
                  "--target",
                  d.resolve("out").toString()
                },
            1,
            "nothing written",
            d -> Files.notExists(d.resolve("out"))));
    cases.add(
        new Case(
            "Files",
            "`--encoding` names no encoding Java knows",
            d ->
                new String[] {
                  "introspect", "--source", smallCsv(d), "--encoding", "klingon",
                },
            1,
            "nothing",
            d -> true));
    cases.add(
        new Case(
            "Files",
            "one value among thousands does not parse as the column's type",
            d -> {
              StringBuilder csv = new StringBuilder("id,amount\n");
              for (int i = 1; i <= 3000; i++) {
                csv.append(i).append(',').append(i == 2000 ? "abc" : i % 97).append('\n');
              }
              return new String[] {
                "generate",
                "--source",
                folder(d, "bad", "t.csv", csv.toString(), "UTF-8"),
                "--target",
                d.resolve("out").toString()
              };
            },
            1,
            "nothing written",
            d -> Files.notExists(d.resolve("out"))));
    cases.add(
        new Case(
            "Files",
            "`--bad-values` with a value other than fail or null",
            d -> new String[] {"introspect", "--source", smallCsv(d), "--bad-values", "skip"},
            1,
            "nothing",
            d -> true));
    // Secrets
    cases.add(
        new Case(
            "Secrets",
            "a MariaDB URL with `user:password@host`, which the driver reads as a port",
            d ->
                new String[] {
                  "introspect", "--source", "jdbc:mariadb://root:S3cretPW@127.0.0.1/shop"
                },
            1,
            "nothing; the password is masked with `--verbose` too",
            d -> true));
    cases.add(
        new Case(
            "Secrets",
            "a URL pasted after the wrong option",
            d ->
                new String[] {
                  "report",
                  "--real",
                  "a",
                  "--synthetic",
                  "b",
                  "--out",
                  "c",
                  "--max-rows",
                  "jdbc:postgresql://127.0.0.1:1/shop?password=hunter22"
                },
            2,
            "nothing",
            d -> true));
    // Schema files
    cases.add(schemaCase("a numeric column edited to `DATE`", "\"FLOAT\"", "\"DATE\""));
    cases.add(
        schemaCase(
            "a column the source table lacks", "\"name\" : \"price\"", "\"name\" : \"shipped\""));
    cases.add(
        schemaCase(
            "a table the source lacks", "\"name\" : \"orders\"", "\"name\" : \"purchases\""));
    cases.add(
        schemaCase("an unknown column `kind`", "\"kind\" : \"numeric\"", "\"kind\" : \"secret\""));
    cases.add(schemaCase("an unknown `pii` category", "\"pii\" : null", "\"pii\" : \"passport\""));
    // Options
    for (String[] option :
        new String[][] {{"--predict", "orders.nope"}, {"--sensitive", "nope.price"}}) {
      cases.add(
          new Case(
              "Options",
              "`--report` with `" + option[0] + "` naming a column the tables lack",
              d -> {
                String src = shopCsv(d);
                return new String[] {
                  "generate",
                  "--source",
                  src,
                  "--target",
                  d.resolve("out").toString(),
                  "--report",
                  d.resolve("report").toString(),
                  option[0],
                  option[1]
                };
              },
              1,
              "nothing written: checked before the target is opened",
              d -> Files.notExists(d.resolve("out"))));
    }
    cases.add(generateCase("`--report-rows 0`", "--report", "REPORT", "--report-rows", "0"));
    cases.add(generateCase("`--exclude '*'`, or filters that leave no table", "--exclude", "*"));
    cases.add(generateCase("`--model` naming a kind that is not installed", "--model", "gan9000"));
    cases.add(generateCase("`--threads 0`", "--threads", "0"));
    cases.add(generateCase("`--writers 0`", "--writers", "0"));
    cases.add(generateCase("`--abort` with a folder target", "--abort"));
    cases.add(
        generateCase(
            "a wrong `--model-option` value (checked when the first vaegan table is fitted)",
            "--model",
            "vaegan",
            "--model-option",
            "epochs=many"));
    cases.add(
        generateCase(
            "`--device gpu` on a machine where PyTorch sees no GPU",
            "--model",
            "vaegan",
            "--device",
            "gpu"));
    cases.add(generateCase("`--rows` naming a table the source lacks", "--rows", "nope=10"));
    cases.add(
        generateCase(
            "`--rows` so large that one partition would exceed 20 million rows of a table",
            "--rows",
            "orders=4000000000"));
    cases.add(
        new Case(
            "Options",
            "a model file that is damaged",
            d -> {
              Path file = d.resolve("shop.synth");
              try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write("{\"format\":\"syndata-model\",\"version\":1".getBytes());
              }
              return new String[] {
                "generate", "--model-file", file.toString(), "--target", d.resolve("out").toString()
              };
            },
            1,
            "nothing written",
            d -> Files.notExists(d.resolve("out"))));
    cases.add(
        new Case(
            "Options",
            "`--predict` or `--sensitive` with `--model-file` (no source to measure against)",
            d ->
                new String[] {
                  "generate",
                  "--model-file",
                  d.resolve("shop.synth").toString(),
                  "--target",
                  d.resolve("out").toString(),
                  "--predict",
                  "orders.amount"
                },
            1,
            "nothing written",
            d -> Files.notExists(d.resolve("out"))));
    // Targets
    cases.add(
        new Case(
            "Targets",
            "the source given as the target",
            d -> {
              String url = h2(d, "shop");
              try (Connection c = DriverManager.getConnection(url);
                  Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER)");
              }
              return new String[] {"copy", "--source", url, "--target", url};
            },
            1,
            "nothing opened",
            d -> tables(h2(d, "shop")) == 1));
    cases.add(
        new Case(
            "Targets",
            "a target database whose table already holds rows",
            d -> {
              String url = h2(d, "target");
              try (Connection c = DriverManager.getConnection(url);
                  Statement s = c.createStatement()) {
                s.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, price DECIMAL(8,2))");
                s.execute("INSERT INTO orders VALUES (1, 2.50)");
              }
              return new String[] {"generate", "--source", shopCsv(d), "--target", url};
            },
            1,
            "the target as it was",
            d -> tables(h2(d, "target")) == 1));
    cases.add(
        new Case(
            "Targets",
            "a second run into a target another run is writing (here an embedded H2 database)",
            d -> {
              io.syndata.data.Target first =
                  io.syndata.connectors.Connectors.jdbcTarget(h2(d, "busy"));
              first.begin(new io.syndata.schema.Schema(List.of()));
              held.add(first);
              return new String[] {"generate", "--source", shopCsv(d), "--target", h2(d, "busy")};
            },
            1,
            "the first run's target untouched; the second created nothing",
            d -> {
              held.forEach(io.syndata.data.Target::abort);
              return tables(h2(d, "busy")) == 0;
            }));
    cases.add(
        new Case(
            "Targets",
            "a run into a folder was killed and left its staging folder",
            d -> {
              Files.createDirectories(d.resolve(".out.partial-deadbeef"));
              return new String[] {
                "generate", "--source", smallCsv(d), "--target", d.resolve("out").toString()
              };
            },
            0,
            "the new run's output; the dead run's folder is gone",
            d ->
                Files.notExists(d.resolve(".out.partial-deadbeef"))
                    && Files.isDirectory(d.resolve("out"))));
    cases.add(
        new Case(
            "Targets",
            "a new run into a folder whose partitioned run was interrupted",
            d -> {
              interruptFolderRun(d, d.resolve("out"));
              return new String[] {
                "generate", "--source", smallCsv(d), "--target", d.resolve("out").toString()
              };
            },
            1,
            "the interrupted run's record, for --resume or --abort; no folder",
            d ->
                Files.exists(d.resolve(".out.syndata-run").resolve("run-record.txt"))
                    && Files.notExists(d.resolve("out"))));
    cases.add(
        new Case(
            "Targets",
            "`--writers 2 --overwrite` replacing an earlier export",
            d -> {
              String src = smallCsv(d);
              Cli.Result first = Cli.run("generate", "--source", src, "--target", out(d));
              assertThat(first.code()).as(first.err()).isZero();
              return new String[] {
                "generate", "--source", src, "--target", out(d), "--overwrite", "--writers", "2"
              };
            },
            1,
            "the earlier export as it was",
            d ->
                Files.exists(d.resolve("out").resolve("schema.json"))
                    && Files.notExists(d.resolve(".out.syndata-run"))));
    // Output files
    cases.add(
        new Case(
            "Output files",
            "`introspect --out` naming an existing file",
            d -> {
              Path out = d.resolve("edited.schema.json");
              Files.writeString(out, "my careful edits");
              return new String[] {"introspect", "--source", smallCsv(d), "--out", out.toString()};
            },
            1,
            "the file as it was",
            d -> read(d.resolve("edited.schema.json")).equals("my careful edits")));
    cases.add(
        new Case(
            "Output files",
            "`generate --report D` where D holds a report",
            d -> {
              Path report = Files.createDirectories(d.resolve("report"));
              Files.writeString(report.resolve("report.html"), "last week's report");
              return new String[] {
                "generate",
                "--source",
                smallCsv(d),
                "--target",
                d.resolve("out").toString(),
                "--report",
                report.toString()
              };
            },
            1,
            "nothing written: checked before the run",
            d -> Files.notExists(d.resolve("out"))));
    return cases;
  }

  @Test
  void theCatalogueInDocsIsWhatTheCodeSays() throws Exception {
    Map<String, List<String>> sections = new LinkedHashMap<>();
    int n = 0;
    for (Case c : cases()) {
      Path caseDir = Files.createDirectories(dir.resolve("case" + n++));
      String line = run(c, caseDir);
      assertThat(c.leftBehindHolds().test(caseDir))
          .as("what %s leaves behind: %s", c.title(), c.leftBehind())
          .isTrue();
      sections
          .computeIfAbsent(c.section(), s -> new ArrayList<>())
          .add(
              "| "
                  + c.title()
                  + " | `"
                  + normalise(line, caseDir).replace("|", "\\|")
                  + "` | "
                  + c.exit()
                  + " | "
                  + c.leftBehind()
                  + " |");
    }
    StringBuilder doc = new StringBuilder(HEADER);
    sections.forEach(
        (section, rows) -> {
          doc.append("\n## ").append(section).append("\n\n");
          doc.append("| case | message | exit | left behind |\n|---|---|---|---|\n");
          rows.forEach(r -> doc.append(r).append('\n'));
        });
    Path file = repositoryRoot().resolve("docs").resolve("errors.md");
    if (Boolean.getBoolean("synth.errors.write")) {
      Files.writeString(file, doc);
    }
    assertThat(Files.readString(file))
        .as(
            "docs/errors.md is out of date; write it anew with -Dsynth.errors.write=true (see its"
                + " first lines)")
        .isEqualTo(doc.toString());
  }

  /** Runs a case; returns its one catalogued line, after checking the exit code. */
  private static String run(Case c, Path caseDir) throws Exception {
    String[] args = c.setup().args(caseDir);
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    PrintStream original = System.err;
    Cli.Result r;
    System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
    try {
      r = Cli.run(args);
    } finally {
      System.setErr(original);
    }
    assertThat(r.code()).as("exit of %s: %s", c.title(), r.err()).isEqualTo(c.exit());
    String all = r.err() + "\n" + logged.toString(StandardCharsets.UTF_8);
    String prefix = c.exit() == 0 ? "warning: " : c.exit() == 2 ? "" : "synth: ";
    List<String> lines =
        all.lines()
            .map(String::strip)
            .filter(l -> prefix.isEmpty() ? !l.isEmpty() : l.startsWith(prefix))
            .toList();
    assertThat(lines).as("the lines of %s", c.title()).isNotEmpty();
    // A failure's line is the last: before it, a run may have announced itself (synth: a -> b).
    return c.exit() == 1 ? lines.get(lines.size() - 1) : lines.get(0);
  }

  private static final Pattern PID = Pattern.compile("pid \\d+");
  private static final Pattern HOST = Pattern.compile(" on \\S+ since ");
  private static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z");

  private static String normalise(String line, Path caseDir) {
    String s = line.replace(caseDir.toString(), "…");
    s = PID.matcher(s).replaceAll("pid N");
    s = HOST.matcher(s).replaceAll(" on HOST since ");
    return TIME.matcher(s).replaceAll("…");
  }

  private Case schemaCase(String title, String from, String to) {
    return new Case(
        "Schema files",
        title,
        d -> {
          String src = shopCsv(d);
          Path schema = d.resolve("shop.schema.json");
          Cli.Result made = Cli.run("introspect", "--source", src, "--out", schema.toString());
          assertThat(made.code()).as(made.err()).isZero();
          String json = Files.readString(schema);
          assertThat(json).as("the schema file to edit").contains(from);
          Files.writeString(schema, json.replaceFirst(Pattern.quote(from), to));
          return new String[] {
            "generate",
            "--source",
            src,
            "--schema",
            schema.toString(),
            "--target",
            d.resolve("out").toString()
          };
        },
        1,
        "nothing written",
        d -> Files.notExists(d.resolve("out")));
  }

  /**
   * A generate from the shop folder into {@code out} with extra options ({@code REPORT} → a
   * folder).
   */
  private Case generateCase(String title, String... options) {
    return new Case(
        "Options",
        title,
        d -> {
          List<String> args =
              new ArrayList<>(
                  List.of(
                      "generate", "--source", shopCsv(d), "--target", d.resolve("out").toString()));
          for (String o : options) {
            args.add(o.equals("REPORT") ? d.resolve("report").toString() : o);
          }
          return args.toArray(String[]::new);
        },
        1,
        "nothing written",
        d -> Files.notExists(d.resolve("out")));
  }

  private static String out(Path d) {
    return d.resolve("out").toString();
  }

  /**
   * A partitioned run into {@code out} (two writers) whose writer fails on its first partition: it
   * leaves its record beside the folder, as a killed run does.
   */
  private static void interruptFolderRun(Path d, Path out) throws Exception {
    try (io.syndata.engine.Model model =
        io.syndata.engine.SynData.from(Path.of(smallCsv(d))).seed(3).fit()) {
      io.syndata.data.PartitionedTarget target =
          (io.syndata.data.PartitionedTarget) io.syndata.engine.SynData.openTarget(out.toString());
      io.syndata.data.Target failing =
          new io.syndata.data.ForwardingPartitionedTarget(target) {
            @Override
            public PartitionWriter openWriter() {
              return new PartitionWriter() {
                @Override
                public void write(Committed partition, List<io.syndata.data.RowBatch> batches) {
                  throw new io.syndata.schema.SynthException("the writer failed, as planned");
                }

                @Override
                public void close() {}
              };
            }
          };
      try {
        model.generate().writers(2).to(failing);
      } catch (io.syndata.schema.SynthException expected) {
        assertThat(expected).hasMessageContaining("as planned");
      }
    }
  }

  private static String folder(Path d, String name, String file, String content, String charset)
      throws IOException {
    Path folder = Files.createDirectories(d.resolve(name));
    Files.write(folder.resolve(file), content.getBytes(charset));
    return folder.toString();
  }

  private static String smallCsv(Path d) throws IOException {
    StringBuilder csv = new StringBuilder("id,v\n");
    for (int i = 1; i <= 50; i++) {
      csv.append(i).append(',').append(i % 7).append('\n');
    }
    return folder(d, "small", "t.csv", csv.toString(), "UTF-8");
  }

  /** Customers and their orders, with decimal prices. */
  private static String shopCsv(Path d) throws IOException {
    StringBuilder customers = new StringBuilder("id,segment\n");
    StringBuilder orders = new StringBuilder("id,customer_id,price\n");
    int order = 1;
    for (int i = 1; i <= 60; i++) {
      customers.append(i).append(',').append(i % 3 == 0 ? "retail" : "business").append('\n');
      for (int k = 0; k < 1 + i % 4; k++) {
        orders.append(order++).append(',').append(i).append(',').append(10 + i % 9).append(".25\n");
      }
    }
    String folder = folder(d, "shop", "customers.csv", customers.toString(), "UTF-8");
    Files.writeString(Path.of(folder, "orders.csv"), orders.toString());
    return folder;
  }

  private static String h2(Path d, String name) {
    return "jdbc:h2:file:" + d.resolve(name) + ";DATABASE_TO_LOWER=TRUE";
  }

  private static long tables(String url) {
    try (Connection c = DriverManager.getConnection(url);
        ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
      long n = 0;
      while (rs.next()) {
        n++;
      }
      return n;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }

  private static Path repositoryRoot() {
    Path d = Path.of("").toAbsolutePath();
    while (d.getParent() != null && !Files.isDirectory(d.resolve("docs"))) {
      d = d.getParent();
    }
    return d;
  }
}
