package io.syndata.connectors;

import java.util.UUID;

class H2IntrospectionTest extends IntrospectionContract {
  @Override
  String createDatabase() {
    return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
  }

  @Override
  void dropDatabase() {
    TestServers.exec(url, "SHUTDOWN");
  }

  @Override
  String binaryType() {
    return "VARBINARY(16)";
  }
}
