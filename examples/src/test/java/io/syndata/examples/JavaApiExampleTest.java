package io.syndata.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.engine.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaApiExampleTest {
  @TempDir Path dir;

  @Test
  void synthesizesTheExampleIntoCsvFilesWithAReport() throws Exception {
    RunReport report = JavaApiExample.run(dir);

    // A fifth of the authors is held out: the rest, twice over.
    long trainingAuthors = report.trainingRows().get("authors");
    assertThat(report.writtenRows().get("authors")).isEqualTo(2 * trainingAuthors);
    List<String> authors = Files.readAllLines(dir.resolve("synthetic").resolve("authors.csv"));
    List<String> books = Files.readAllLines(dir.resolve("synthetic").resolve("books.csv"));
    Set<String> authorIds = new HashSet<>();
    authors.stream().skip(1).forEach(line -> authorIds.add(line.split(",")[0]));
    assertThat(books.stream().skip(1).map(line -> line.split(",")[1]))
        .allMatch(authorIds::contains);
    assertThat(dir.resolve("report").resolve("report.html")).exists();
    assertThat(report.report().orElseThrow().utility()).isPresent();
  }
}
