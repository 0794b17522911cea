package io.syndata.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsTest {
  private static String everything(Throwable t) {
    StringWriter text = new StringWriter();
    t.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  @Test
  void aDriverMessageThatEchoesThePasswordIsMaskedInTheMessageAndEveryCause() {
    // MariaDB's driver reads "root:S3cretPW@127.0.0.1" as host:port and reports the "port"
    Throwable e =
        catchThrowable(() -> Connectors.source("jdbc:mariadb://root:S3cretPW@127.0.0.1:3306/shop"));
    assertThat(e).isNotNull();
    assertThat(everything(e)).doesNotContain("S3cretPW");
    assertThat(e.getMessage()).contains("jdbc:mariadb://root@127.0.0.1:3306/shop");
  }

  @Test
  void masksPasswordsInUrlsSettingsAndFreeText() {
    Secrets secrets =
        Secrets.of(
            List.of(
                "jdbc:postgresql://h/shop?user=app&password=p%40ss-W0rd",
                "jdbc:mariadb://root:S3cretPW@h:3306/x",
                "jdbc:oracle:thin:scott/Tiger123@//h:1521/orcl",
                "./folder"));
    assertThat(
            secrets.mask(
                "cannot log in as app with p@ss-W0rd; port S3cretPW@h; tiger Tiger123;"
                    + " url jdbc:sqlserver://h;user=sa;password=other; PASSWORD: hunter2"))
        .isEqualTo(
            "cannot log in as app with ***; port ***@h; tiger ***;"
                + " url jdbc:sqlserver://h;user=sa PASSWORD: ***");
  }

  @Test
  void aShortPasswordIsMaskedOnlyWhereItStandsAsAPassword() {
    Secrets secrets = Secrets.of("jdbc:postgresql://h/app?user=app&password=app");
    assertThat(secrets.mask("database app refused password=app"))
        .isEqualTo("database app refused password=***");
  }

  @Test
  void anExceptionChainIsCopiedOnlyWhenItLeaks() {
    Secrets secrets = Secrets.of("jdbc:mariadb://root:S3cretPW@h:3306/x");
    SQLException clean = new SQLException("timeout");
    assertThat(secrets.mask(clean)).isSameAs(clean);
    RuntimeException leaky =
        new RuntimeException("pool failed", new SQLException("bad port S3cretPW@h"));
    Throwable masked = secrets.mask(leaky);
    assertThat(everything(masked))
        .doesNotContain("S3cretPW")
        .contains("java.sql.SQLException: bad port ***@h");
    assertThat(masked.getStackTrace()).isEqualTo(leaky.getStackTrace());
  }
}
