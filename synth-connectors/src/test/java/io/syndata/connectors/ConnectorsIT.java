package io.syndata.connectors;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.data.SchemaFilter;
import io.syndata.data.Source;
import io.syndata.schema.SynthException;
import org.junit.jupiter.api.Test;

class ConnectorsIT {
  @Test
  void reportsWrongCredentialsInOneLineWithoutThePassword() {
    String url = TestServers.postgres().replaceFirst("password=[^&]*", "password=wrong-secret");
    assertThatThrownBy(() -> Connectors.source(url))
        .isInstanceOf(SynthException.class)
        .hasMessageStartingWith("cannot connect to jdbc:postgresql://")
        .hasMessageContaining("password authentication failed")
        .hasMessageNotContaining("wrong-secret")
        .hasMessageNotContaining("\n");
  }

  @Test
  void reportsAnUnreachableServer() {
    assertThatThrownBy(
            () -> Connectors.source("jdbc:postgresql://127.0.0.1:1/shop?user=u&password=p"))
        .isInstanceOf(SynthException.class)
        .hasMessageStartingWith("cannot connect to jdbc:postgresql://127.0.0.1:1/shop?user=u: ");
  }

  @Test
  void asksForADatabaseWhenAMariaDbUrlNamesNone() {
    try (Source source = Connectors.source(TestServers.mariadb())) {
      assertThatThrownBy(() -> source.introspect(SchemaFilter.ALL))
          .isInstanceOf(SynthException.class)
          .hasMessageContaining("names no database");
    }
  }
}
