package io.syndata.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.data.Target;
import io.syndata.schema.SynthException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code overwrite=true}: an earlier export is replaced whole, on success only; nothing else is.
 */
class OverwriteTest {
  @TempDir Path dir;

  private static final ExportOptions OVERWRITE =
      ExportOptions.DEFAULTS.with(Exporters.OVERWRITE, "true");

  private static void export(List<String> formats, Path out, ExportOptions options) {
    try (Target target = Exporters.open(formats, out, options)) {
      ExportFixture.write(target);
    }
  }

  private List<String> siblings() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void anEarlierExportIsRefusedWithoutOverwriteAndReplacedWithIt() throws IOException {
    Path out = dir.resolve("out");
    export(List.of("csv"), out, ExportOptions.DEFAULTS);
    Files.writeString(out.resolve("stale.txt"), "from last week");
    assertThatThrownBy(() -> export(List.of("csv"), out, ExportOptions.DEFAULTS))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("is not empty");
    export(List.of("jsonl"), out, OVERWRITE);
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .contains("schema.json", "dept.jsonl")
          .doesNotContain("stale.txt", "dept.csv");
    }
    assertThat(siblings()).containsExactly(".out.lock", "out");
  }

  @Test
  void anExportOfSeveralFormatsIsReplacedToo() throws IOException {
    Path out = dir.resolve("out");
    export(List.of("csv,json"), out, ExportOptions.DEFAULTS);
    export(List.of("xml"), out, OVERWRITE);
    assertThat(out.resolve("csv")).doesNotExist();
    assertThat(out.resolve("dept.xml")).isRegularFile();
  }

  @Test
  void aFolderThatIsNoExportIsNeverReplaced() throws IOException {
    Path home = Files.createDirectories(dir.resolve("home"));
    Files.writeString(home.resolve("thesis.tex"), "years of work");
    assertThatThrownBy(() -> export(List.of("csv"), home, OVERWRITE))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("is not empty and is not an earlier SynData export")
        .hasMessageContaining("--overwrite only replaces such a folder");
    assertThat(Files.readString(home.resolve("thesis.tex"))).isEqualTo("years of work");
  }

  @Test
  void aFailedRunLeavesTheEarlierExportAsItWas() throws IOException {
    Path out = dir.resolve("out");
    export(List.of("csv"), out, ExportOptions.DEFAULTS);
    String before = Files.readString(out.resolve("dept.csv"));
    try (Target target = Exporters.open(List.of("csv"), out, OVERWRITE)) {
      target.begin(ExportFixture.SCHEMA);
      target.abort();
    }
    assertThat(Files.readString(out.resolve("dept.csv"))).isEqualTo(before);
    assertThat(siblings()).containsExactly(".out.lock", "out");
  }

  @Test
  void intoAMissingOrEmptyFolderOverwriteIsAPlainExport() throws IOException {
    Path out = dir.resolve("new");
    export(List.of("csv"), out, OVERWRITE);
    assertThat(out.resolve("dept.csv")).isRegularFile();
  }
}
