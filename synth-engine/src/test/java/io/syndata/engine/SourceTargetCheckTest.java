package io.syndata.engine;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.schema.SynthException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceTargetCheckTest {
  @TempDir Path dir;

  private static void refused(String source, String target) {
    assertThatThrownBy(() -> SourceTargetCheck.refuseSame(source, target))
        .as(source + " -> " + target)
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("is the source itself");
  }

  private static void allowed(String source, String target) {
    assertThatCode(() -> SourceTargetCheck.refuseSame(source, target))
        .as(source + " -> " + target)
        .doesNotThrowAnyException();
  }

  @Test
  void refusesTheSameServerDatabaseSpelledDifferently() {
    refused(
        "jdbc:postgresql://127.0.0.1:5432/shop?user=a&password=x",
        "jdbc:postgresql://localhost/shop?password=y&user=b");
    refused("jdbc:mariadb://db.example:3306/shop", "jdbc:mysql://DB.example/shop?useSSL=false");
    refused("jdbc:postgresql://h/shop", "jdbc:postgresql://h:5432/shop?currentSchema=public");
    allowed("jdbc:postgresql://h/shop", "jdbc:postgresql://h/shop_synth");
    allowed("jdbc:postgresql://h/shop", "jdbc:postgresql://other/shop");
    allowed("jdbc:postgresql://h/shop", "jdbc:postgresql://h:5433/shop");
    allowed("jdbc:postgresql://h/shop", "jdbc:postgresql://h/shop?currentSchema=synth");
    allowed("jdbc:postgresql://h/shop", "jdbc:mariadb://h/shop");
  }

  @Test
  void refusesTheSameEmbeddedDatabase() {
    String file = dir.resolve("shop").toString();
    refused("jdbc:h2:file:" + file + ";DATABASE_TO_LOWER=TRUE", "jdbc:h2:" + file);
    refused("jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1", "jdbc:h2:mem:shop");
    allowed("jdbc:h2:mem:", "jdbc:h2:mem:");
    allowed("jdbc:h2:mem:shop", "jdbc:h2:mem:synth");
    refused("jdbc:sqlite:" + dir.resolve("a.db"), "jdbc:sqlite:" + dir.resolve("x/../a.db"));
    refused("jdbc:duckdb:" + dir.resolve("a.duckdb"), "jdbc:duckdb:" + dir.resolve("a.duckdb"));
    allowed("jdbc:duckdb:", "jdbc:duckdb:");
  }

  @Test
  void refusesTheSameFolder() throws IOException {
    Path csv = Files.createDirectories(dir.resolve("csv"));
    refused(csv.toString(), csv + "/");
    refused(csv.toString(), dir.resolve("csv/../csv").toString());
    allowed(csv.toString(), dir.resolve("out").toString());
    allowed(csv.toString(), "jdbc:h2:mem:x");
  }

  @Test
  void namesTheTargetWithoutItsPassword() {
    assertThatThrownBy(
            () ->
                SourceTargetCheck.refuseSame(
                    "jdbc:postgresql://h/shop?password=secret", "jdbc:postgresql://h/shop"))
        .hasMessageStartingWith("target jdbc:postgresql://h/shop is the source itself")
        .hasMessageNotContaining("secret");
  }
}
