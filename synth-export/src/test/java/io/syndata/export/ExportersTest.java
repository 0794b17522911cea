package io.syndata.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.data.Target;
import io.syndata.schema.SchemaFile;
import io.syndata.schema.SynthException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportersTest {
  @TempDir Path dir;

  private static List<String> list(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void findsTheBuiltInFormatsByName() {
    assertThat(Exporters.available()).contains("csv", "json", "jsonl");
    assertThat(Exporters.format("JSON")).isInstanceOf(JsonFormat.class);
  }

  @Test
  void refusesAnUnknownFormatListingTheAvailableOnes() {
    assertThatThrownBy(
            () -> Exporters.open(List.of("csv,yaml"), dir.resolve("out"), ExportOptions.DEFAULTS))
        .isInstanceOf(SynthException.class)
        .hasMessage(
            "unknown export format yaml: choose from " + String.join(", ", Exporters.available()));
  }

  @Test
  void refusesAnOptionThatNoChosenFormatReads() {
    assertThatThrownBy(
            () ->
                Exporters.open(
                    List.of("xml"),
                    dir.resolve("out"),
                    ExportOptions.DEFAULTS.with("csv.delimiter", ";")))
        .isInstanceOf(SynthException.class)
        .hasMessage("export option csv.delimiter is not read by xml, which take no options");
    assertThatThrownBy(
            () ->
                Exporters.open(
                    List.of("json"),
                    dir.resolve("out"),
                    ExportOptions.DEFAULTS.with("csv.delimiter", ";")))
        .hasMessage(
            "export option csv.delimiter is not read by json; their options are json.nested");
  }

  @Test
  void refusesABadOptionValueNamingTheOption() {
    assertThatThrownBy(
            () ->
                Exporters.open(
                    List.of("csv"),
                    dir.resolve("out"),
                    ExportOptions.DEFAULTS.with("csv.gzip", "maybe")))
        .isInstanceOf(SynthException.class)
        .hasMessage("export option csv.gzip=maybe must be true or false");
  }

  @Test
  void writesOneSubfolderPerFormatWhenSeveralAreGiven() throws IOException {
    Path out = dir.resolve("out");
    try (Target target =
        Exporters.open(List.of("json,jsonl", "csv"), out, ExportOptions.DEFAULTS)) {
      ExportFixture.write(target);
    }
    // the run's lock file stays beside the folder, as the csv target's does
    assertThat(list(dir)).containsExactly(".out.lock", "out");
    assertThat(list(out)).containsExactly("csv", "json", "jsonl");
    assertThat(list(out.resolve("jsonl"))).contains("sample.jsonl", "schema.json");
    assertThat(SchemaFile.read(out.resolve("csv").resolve("schema.json")).table("order").rowCount())
        .isEqualTo(4);
  }

  @Test
  void aSecondRunIntoAFolderBeingWrittenFailsAtOnceInEveryFormat() {
    for (String formats : List.of("parquet", "xlsx,sql", "csv")) {
      Path out = dir.resolve("busy-" + formats.replace(',', '-'));
      try (Target first = Exporters.open(List.of(formats), out, ExportOptions.DEFAULTS);
          Target second = Exporters.open(List.of(formats), out, ExportOptions.DEFAULTS)) {
        first.begin(ExportFixture.SCHEMA);
        assertThatThrownBy(() -> second.begin(ExportFixture.SCHEMA))
            .as(formats)
            .isInstanceOf(SynthException.class)
            .hasMessageContaining(" is in use by another run (");
        second.abort();
        first.abort();
      }
    }
  }

  @Test
  void leavesNothingBehindWhenAborted() throws IOException {
    for (String formats : List.of("json", "csv,jsonl")) {
      Path out = dir.resolve("out");
      try (Target target = Exporters.open(List.of(formats), out, ExportOptions.DEFAULTS)) {
        target.begin(ExportFixture.SCHEMA);
        target.write(ExportFixture.batch(ExportFixture.SAMPLE, ExportFixture.SAMPLE_ROWS));
        target.abort();
      }
      assertThat(list(dir)).as(formats).containsExactly(".out.lock");
    }
  }

  @Test
  void refusesAFolderThatIsNotEmpty() throws IOException {
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("a.txt"), "x");
    for (String formats : List.of("json", "csv,json")) {
      assertThatThrownBy(() -> Exporters.open(List.of(formats), out, ExportOptions.DEFAULTS))
          .isInstanceOf(SynthException.class)
          .hasMessage(
              "output folder "
                  + out
                  + " is not empty (it holds a.txt): choose a new or empty folder");
    }
  }
}
