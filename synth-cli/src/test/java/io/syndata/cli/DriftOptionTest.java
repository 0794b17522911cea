package io.syndata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftOptionTest {
  @TempDir Path dir;

  @Test
  void generateFromAModelFileFillsAMigratedTargetOrRefusesWithFailOnDrift() throws Exception {
    Path src = Files.createDirectories(dir.resolve("shop"));
    StringBuilder customers = new StringBuilder("id,country\n");
    for (int i = 1; i <= 50; i++) {
      customers.append(i).append(',').append(i % 3 == 0 ? "DE" : "FR").append('\n');
    }
    Files.writeString(src.resolve("customers.csv"), customers);
    Path model = dir.resolve("shop.synth");
    assertThat(Cli.run("train", "--source", src.toString(), "--out", model.toString()).code())
        .isZero();
    String url = "jdbc:h2:" + dir.resolve("db") + ";DATABASE_TO_LOWER=TRUE";
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE customers (id INT PRIMARY KEY, country VARCHAR(10), tier INT NOT NULL)");
    }

    Cli.Result refused =
        Cli.run("generate", "--model-file", model.toString(), "--target", url, "--fail-on-drift");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err())
        .contains(
            "  warning: schema drift: column customers.tier (INTEGER NOT NULL) is new in the"
                + " target: filled by the fallback generator")
        .contains("--fail-on-drift is given");

    Cli.Result filled = Cli.run("generate", "--model-file", model.toString(), "--target", url);
    assertThat(filled.code()).as(filled.err()).isZero();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(tier) FROM customers")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(50);
      assertThat(rs.getLong(2)).isEqualTo(50);
    }
  }
}
