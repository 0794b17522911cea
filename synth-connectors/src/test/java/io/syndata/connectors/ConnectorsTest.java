package io.syndata.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.schema.SynthException;
import org.junit.jupiter.api.Test;

class ConnectorsTest {
  @Test
  void masksPasswordsInEveryUrlForm() {
    assertThat(JdbcUrls.mask("jdbc:postgresql://127.0.0.1:5432/shop?user=postgres&password=secret"))
        .isEqualTo("jdbc:postgresql://127.0.0.1:5432/shop?user=postgres");
    assertThat(JdbcUrls.mask("jdbc:postgresql://h/shop?password=secret&user=postgres&ssl=true"))
        .isEqualTo("jdbc:postgresql://h/shop?user=postgres&ssl=true");
    assertThat(JdbcUrls.mask("jdbc:mariadb://synth:secret@127.0.0.1:3306/shop"))
        .isEqualTo("jdbc:mariadb://synth@127.0.0.1:3306/shop");
    assertThat(JdbcUrls.mask("jdbc:sqlserver://h:1433;databaseName=shop;user=sa;password=secret"))
        .isEqualTo("jdbc:sqlserver://h:1433;databaseName=shop;user=sa");
  }

  @Test
  void refusesAUrlWithoutDriverNamingItWithoutPassword() {
    assertThatThrownBy(() -> Connectors.source("jdbc:nosuchdb://h:1/shop?user=u&password=secret"))
        .isInstanceOf(SynthException.class)
        .hasMessageStartingWith("cannot connect to jdbc:nosuchdb://h:1/shop?user=u: no JDBC driver")
        .hasMessageNotContaining("secret");
  }

  @Test
  void refusesALocationThatIsNeitherUrlNorFolder() {
    assertThatThrownBy(() -> Connectors.source("/no/such/folder"))
        .isInstanceOf(SynthException.class)
        .hasMessage(
            "source /no/such/folder is neither a JDBC URL (jdbc:...) nor an existing folder of CSV,"
                + " Parquet, JSON Lines or JSON files");
  }

  @Test
  void refusesATargetThatIsNotAJdbcUrl() {
    assertThatThrownBy(() -> Connectors.jdbcTarget("postgresql://h/x"))
        .isInstanceOf(SynthException.class)
        .hasMessage("target postgresql://h/x is not a JDBC URL (jdbc:...)");
  }
}
