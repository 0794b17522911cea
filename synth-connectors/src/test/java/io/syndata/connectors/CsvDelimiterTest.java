package io.syndata.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.data.SchemaFilter;
import io.syndata.data.Source;
import io.syndata.schema.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDelimiterTest {
  @TempDir Path dir;

  @Test
  void detectsTheDelimiterFromTheHeaderLine() {
    assertThat(CsvFiles.delimiter("a,b,c")).isEqualTo(',');
    assertThat(CsvFiles.delimiter("a;b;c")).isEqualTo(';');
    assertThat(CsvFiles.delimiter("a\tb")).isEqualTo('\t');
    assertThat(CsvFiles.delimiter("a|b|c")).isEqualTo('|');
    assertThat(CsvFiles.delimiter("\"x;y\",b")).isEqualTo(',');
    assertThat(CsvFiles.delimiter("single")).isEqualTo(',');
  }

  @Test
  void readsASemicolonSeparatedSpreadsheetExport() throws Exception {
    Files.writeString(
        dir.resolve("prices.csv"), "\uFEFFid;item;price\r\n1;\"tea; green\";2.5\r\n2;coffee;3\r\n");
    try (Source source = Connectors.source(dir.toString())) {
      Table prices = source.introspect(SchemaFilter.ALL).table("prices");
      assertThat(prices.columns()).extracting(c -> c.name()).containsExactly("id", "item", "price");
      List<Object> items = new ArrayList<>();
      source.scan(
          prices,
          List.of("item"),
          batch -> {
            for (int r = 0; r < batch.size(); r++) {
              items.add(batch.value(0, r));
            }
          });
      assertThat(items).containsExactly("tea; green", "coffee");
    }
  }
}
