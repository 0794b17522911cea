package io.syndata.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.data.SchemaFilter;
import io.syndata.data.Source;
import io.syndata.schema.Column;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvEncodingTest {
  @TempDir Path dir;

  private void write(String file, byte[]... parts) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.write(p);
    }
    Files.write(dir.resolve(file), out.toByteArray());
  }

  private static byte[] latin1(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static List<Object> names(Source source) {
    Table t = source.introspect(SchemaFilter.ALL).table("people");
    List<Object[]> rows = new ArrayList<>();
    source.scan(
        t,
        t.columns().stream().map(Column::name).toList(),
        b -> IntrospectionContract.collect(b, rows));
    return rows.stream().map(r -> r[1]).toList();
  }

  @Test
  void refusesALatin1FileNamingFileLineAndColumnInsteadOfReplacingCharacters() throws IOException {
    write("people.csv", latin1("id,name\n1,Anna\n2,José\n"));
    try (Source source = Connectors.source(dir.toString())) {
      assertThatThrownBy(() -> names(source))
          .isInstanceOf(SynthException.class)
          .hasMessageContaining("people.csv line 3, column 6: byte E9 is not valid UTF-8")
          .hasMessageContaining("--encoding");
    }
  }

  @Test
  void readsTheEncodingNamedWithEncoding() throws IOException {
    write("people.csv", latin1("id,name\n1,Anna\n2,José\n"));
    CsvOptions latin = new CsvOptions(Optional.of(CsvOptions.encoding("ISO-8859-1")));
    try (Source source = Connectors.source(dir.toString(), Optional.empty(), latin)) {
      assertThat(names(source)).containsExactly("Anna", "José");
    }
  }

  @Test
  void detectsByteOrderMarksAndDropsThemFromTheHeader() throws IOException {
    write(
        "people.csv",
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        "id,name\n1,Zoë\n".getBytes(StandardCharsets.UTF_8));
    try (Source source = Connectors.source(dir.toString())) {
      assertThat(source.introspect(SchemaFilter.ALL).table("people").columns())
          .extracting(Column::name)
          .containsExactly("id", "name");
      assertThat(names(source)).containsExactly("Zoë");
    }
    write(
        "people.csv",
        new byte[] {(byte) 0xFF, (byte) 0xFE},
        "id,name\r\n1,Łukasz\r\n".getBytes(StandardCharsets.UTF_16LE));
    try (Source source = Connectors.source(dir.toString())) {
      assertThat(names(source)).containsExactly("Łukasz");
    }
  }

  @Test
  void namesTheExplicitEncodingWhenABytesIsUndefinedInIt() throws IOException {
    // 0x81 is one of the five bytes windows-1252 leaves undefined
    write("people.csv", latin1("id,name\r\n1,A\r\n2,B\u0081\r\n"));
    CsvOptions cp1252 = new CsvOptions(Optional.of(CsvOptions.encoding("windows-1252")));
    try (Source source = Connectors.source(dir.toString(), Optional.empty(), cp1252)) {
      assertThatThrownBy(() -> names(source))
          .isInstanceOf(SynthException.class)
          .hasMessageContaining("people.csv line 3, column 4: byte 81 is not valid windows-1252")
          .hasMessageContaining("(the --encoding given)");
    }
  }

  @Test
  void refusesAnUnknownEncodingNameAndEncodingForADatabase() {
    assertThatThrownBy(() -> CsvOptions.encoding("latin-9000"))
        .isInstanceOf(SynthException.class)
        .hasMessageStartingWith("--encoding latin-9000 is not an encoding this Java knows");
    CsvOptions latin = new CsvOptions(Optional.of(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> Connectors.source("jdbc:h2:mem:x", Optional.empty(), latin))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("apply to a folder of CSV files");
  }
}
