package io.syndata.engine;

import static io.syndata.engine.PartitionedRuns.generation;
import static io.syndata.engine.PartitionedRuns.interruptedRun;
import static io.syndata.engine.PartitionedRuns.killedRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.data.PartitionedTarget;
import io.syndata.data.Target;
import io.syndata.export.ExportOptions;
import io.syndata.schema.SynthException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Partitioned writes into folders: two writers give byte for byte the files of one writer; a run
 * killed with {@code kill -9} after some partitions resumes to the same files; {@code --abort}
 * leaves the folder as found; a fresh run, a resume with another seed or format, and {@code
 * --overwrite} with writers are refused in one line.
 */
class PartitionedFoldersTest {
  @TempDir static Path shared;
  @TempDir Path dir;

  private static Path modelFile;

  /** Per format, every file of the one-writer run: relative path to bytes. */
  private static final Map<String, Map<String, byte[]>> REFERENCE = new HashMap<>();

  @BeforeAll
  static void fit() throws Exception {
    modelFile = PartitionedRuns.model(shared);
  }

  private static Target folder(Path out, String formats) {
    return SynData.openTarget(out.toString(), List.of(formats), ExportOptions.DEFAULTS);
  }

  private static Map<String, byte[]> reference(String formats) throws IOException {
    if (!REFERENCE.containsKey(formats)) {
      Path out = shared.resolve("reference-" + formats.replace(',', '-'));
      try (Model model = SynData.load(modelFile)) {
        generation(model).threads(1).to(folder(out, formats));
      }
      REFERENCE.put(formats, files(out));
    }
    return REFERENCE.get(formats);
  }

  /** Every file under a folder, by relative path, with its bytes. */
  private static Map<String, byte[]> files(Path folder) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  private static void assertSameFiles(Path out, String formats) throws IOException {
    Map<String, byte[]> expected = reference(formats);
    Map<String, byte[]> actual = files(out);
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    expected.forEach(
        (name, bytes) -> assertThat(actual.get(name)).as("bytes of %s", name).isEqualTo(bytes));
  }

  /** What lies beside the folder that is not the lock file every folder run leaves, empty. */
  private static List<String> leftBeside(Path out) throws IOException {
    try (Stream<Path> siblings = Files.list(out.getParent())) {
      return siblings
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("." + out.getFileName() + "."))
          .filter(n -> !n.equals("." + out.getFileName() + ".lock"))
          .sorted()
          .toList();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "parquet", "jsonl,sql"})
  void twoWritersWriteTheFilesOfOneWriter(String formats) throws Exception {
    Path out = dir.resolve("out");
    try (Model model = SynData.load(modelFile)) {
      assertThat(
              generation(model).plan().stages().stream()
                  .mapToInt(s -> s.partitions())
                  .max()
                  .orElse(0))
          .as("the customers' stage is cut into several partitions")
          .isGreaterThan(2);
      RunReport run = generation(model).writers(2).to(folder(out, formats));
      assertThat(run.writtenRows().get("CUSTOMERS")).isEqualTo(60_000L);
    }
    assertSameFiles(out, formats);
    assertThat(leftBeside(out)).as("the run record and parts are gone").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "parquet"})
  void aRunKilledWithSigkillResumesToTheSameFiles(String format) throws Exception {
    Path out = dir.resolve("out");
    killedRun(out.toString(), modelFile.toString(), format);
    Path record = out.resolveSibling(".out.syndata-run").resolve("run-record.txt");
    List<String> lines = Files.readAllLines(record);
    assertThat(lines).anyMatch(l -> l.startsWith("fingerprint\tseed\t9"));
    assertThat(lines.stream().filter(l -> l.startsWith("part\t")).count())
        .as("some partitions are committed, not all")
        .isBetween(1L, 4L);
    assertThat(out).doesNotExist();

    try (Model model = SynData.load(modelFile)) {
      assertThatThrownBy(() -> generation(model).to(folder(out, format)))
          .as("a fresh run refuses a folder with an interrupted run")
          .isInstanceOf(SynthException.class)
          .hasMessageContaining("has an interrupted partitioned run")
          .hasMessageContaining("continue it with --resume or undo it with --abort");
      assertThatThrownBy(() -> generation(model).writers(2).to(folder(out, format)))
          .hasMessageContaining("continue it with --resume or undo it with --abort");
      assertThatThrownBy(() -> generation(model).seed(10).resume().to(folder(out, format)))
          .isInstanceOf(SynthException.class)
          .hasMessageContaining("its plan differs in seed (recorded 9, now 10)")
          .hasMessageNotContaining("\n");
      String other = format.equals("csv") ? "parquet" : "csv";
      assertThatThrownBy(() -> generation(model).resume().to(folder(out, other)))
          .hasMessageContaining("its plan differs in formats (recorded " + format);

      generation(model).writers(3).resume().to(folder(out, format));
    }
    assertSameFiles(out, format);
    assertThat(leftBeside(out)).isEmpty();
  }

  @Test
  void abortLeavesTheFolderAsFound() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    try (Model model = SynData.load(modelFile)) {
      interruptedRun(model, (PartitionedTarget) folder(out, "csv"));
      assertThat(leftBeside(out)).containsExactly(".out.syndata-run");
      assertThat(SynData.abandon(out.toString()))
          .contains("deleted its record and 3 committed partitions")
          .contains("the folder is empty, as the run found it");
      assertThat(out).isEmptyDirectory();
      assertThat(leftBeside(out)).isEmpty();
      assertThatThrownBy(() -> SynData.abandon(out.toString()))
          .hasMessageContaining("records no interrupted run: there is nothing to --abort");
      // the folder takes a new run at once
      generation(model).threads(1).to(folder(out, "csv"));
    }
    assertSameFiles(out, "csv");
  }

  @Test
  void aKilledRunIntoAnAbsentFolderIsUndoneToNoFolder() throws Exception {
    Path out = dir.resolve("out");
    killedRun(out.toString(), modelFile.toString(), "parquet");
    assertThat(SynData.abandon(out.toString()))
        .contains("the folder is absent, as the run found it");
    assertThat(out).doesNotExist();
    assertThat(leftBeside(out)).isEmpty();
  }

  @Test
  void writersReplacingAnEarlierExportAreRefused() throws Exception {
    Path out = dir.resolve("out");
    try (Model model = SynData.load(modelFile)) {
      generation(model).to(folder(out, "csv"));
      assertThatThrownBy(
              () ->
                  generation(model)
                      .writers(2)
                      .to(
                          SynData.openTarget(
                              out.toString(),
                              List.of("csv"),
                              ExportOptions.DEFAULTS.with("overwrite", "true"))))
          .isInstanceOf(SynthException.class)
          .hasMessageContaining("--writers above 1 and --resume need")
          .hasMessageContaining("or a folder without --overwrite")
          .hasMessageNotContaining("\n");
    }
    assertSameFiles(out, "csv");
    assertThat(leftBeside(out)).isEmpty();
  }
}
