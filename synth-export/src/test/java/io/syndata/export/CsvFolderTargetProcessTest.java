package io.syndata.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder lock between real processes, and after one is killed. */
class CsvFolderTargetProcessTest {
  @TempDir Path dir;

  private static final Schema SCHEMA =
      new Schema(
          List.of(
              new Table(
                  "t",
                  Optional.empty(),
                  List.of(Column.of("id", DataType.INTEGER, false)),
                  List.of(),
                  List.of(),
                  List.of(),
                  0)));

  /** Starts a {@link LockHolder} on the folder and waits until it holds the lock. */
  private static Process holder(Path out) throws IOException {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(System.getProperty("java.home") + "/bin/java");
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                LockHolder.class.getName(),
                out.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    assertThat(lines.readLine()).isEqualTo("locked");
    return p;
  }

  @Test
  void aRunInAnotherProcessHoldsTheFolderUntilItEnds() throws Exception {
    Path out = dir.resolve("out");
    Process other = holder(out);
    try (CsvFolderTarget target = CsvFolderTarget.create(out)) {
      assertThatThrownBy(() -> target.begin(SCHEMA))
          .isInstanceOf(SynthException.class)
          .hasMessageContaining("is in use by another run (pid " + other.pid() + " on ");
    } finally {
      other.getOutputStream().close();
      assertThat(other.waitFor()).isZero();
    }
    try (CsvFolderTarget target = CsvFolderTarget.create(out)) {
      target.begin(SCHEMA);
      target.commit();
    }
    assertThat(out.resolve("t.csv")).exists();
  }

  @Test
  void aKilledRunBlocksNoOneAndItsLeftoversAreRemoved() throws Exception {
    Path out = dir.resolve("out");
    Process other = holder(out);
    other.destroyForcibly().waitFor(); // kill -9 in the middle of the run
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .as("the dead run's staging folder and lock file")
          .anyMatch(n -> n.startsWith(".out.partial-"));
    }
    try (CsvFolderTarget target = CsvFolderTarget.create(out)) {
      target.begin(SCHEMA);
      target.commit();
    }
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()).sorted())
          .containsExactly(".out.lock", "out");
    }
  }
}
