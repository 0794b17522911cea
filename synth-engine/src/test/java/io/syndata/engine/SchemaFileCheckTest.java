package io.syndata.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.data.Progress;
import io.syndata.data.SchemaFilter;
import io.syndata.schema.Schema;
import io.syndata.schema.SchemaFile;
import io.syndata.schema.SynthException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hand-edited schema file is checked against the source before anything is read or written. */
class SchemaFileCheckTest {
  @TempDir Path dir;
  private String url;
  private Path file;

  @BeforeEach
  void shop() throws SQLException {
    url = "jdbc:h2:mem:check_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE orders (id INTEGER PRIMARY KEY, total DECIMAL(10,2) NOT NULL,"
              + " status VARCHAR(10) NOT NULL, placed DATE)");
      s.execute("INSERT INTO orders VALUES (1, 10.50, 'B', DATE '2024-01-02')");
    }
    Schema introspected = SynData.introspect(SourceSpec.of(url), Progress.NONE);
    file = dir.resolve("shop.schema.json");
    SchemaFile.write(introspected, file);
  }

  private void edit(String from, String to) throws IOException {
    String json = Files.readString(file);
    assertThat(json).contains(from);
    Files.writeString(file, json.replaceFirst(java.util.regex.Pattern.quote(from), to));
  }

  private Schema introspectWithFile() {
    return SynData.introspect(
        new SourceSpec(url, Optional.of(file), SchemaFilter.ALL), Progress.NONE);
  }

  @Test
  void anUneditedFileIsAccepted() {
    assertThat(introspectWithFile().table("orders").rowCount()).isEqualTo(1);
  }

  @Test
  void aNumericColumnEditedToDateIsRefusedNamingFileTableAndColumn() throws IOException {
    edit("\"type\" : \"DECIMAL\"", "\"type\" : \"DATE\"");
    assertThatThrownBy(this::introspectWithFile)
        .isInstanceOf(SynthException.class)
        .hasMessageStartingWith("schema file " + file + " declares column orders.total as DATE")
        .hasMessageContaining("the source stores it as DECIMAL");
  }

  @Test
  void aTextColumnEditedToIntegerIsRefused() throws IOException {
    edit("\"type\" : \"STRING\"", "\"type\" : \"INTEGER\"");
    assertThatThrownBy(this::introspectWithFile)
        .isInstanceOf(SynthException.class)
        .hasMessageStartingWith(
            "schema file " + file + " declares column orders.status as INTEGER");
  }

  @Test
  void aColumnTheSourceLacksIsRefusedBeforeAnyRead() throws IOException {
    edit("\"name\" : \"placed\"", "\"name\" : \"shipped\"");
    assertThatThrownBy(this::introspectWithFile)
        .isInstanceOf(SynthException.class)
        .hasMessage(
            "schema file "
                + file
                + " names column orders.shipped, which the source table does not have");
  }

  @Test
  void aTableTheSourceLacksIsRefused() throws IOException {
    edit("\"name\" : \"orders\"", "\"name\" : \"purchases\"");
    assertThatThrownBy(this::introspectWithFile)
        .isInstanceOf(SynthException.class)
        .hasMessage(
            "schema file " + file + " names table purchases, which the source does not have");
  }
}
