package io.syndata.connectors;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * SQLite source, H2 target: foreign keys added by ALTER TABLE, DDL that commits itself dropped on
 * abort.
 */
class SqliteToH2TargetTest extends TargetContract {
  private Path dir;

  @Override
  String createSource() throws Exception {
    dir = Files.createTempDirectory("synth-source");
    String url = "jdbc:sqlite:" + dir.resolve("source.db");
    TestServers.exec(
        url, IntrospectionContract.fixture(IntrospectionContract.CycleStyle.INLINE_FORWARD, "\""));
    return url;
  }

  @Override
  String createTarget() {
    return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
  }

  @Override
  void dropDatabases() throws Exception {
    TestServers.exec(targetUrl, "SHUTDOWN");
    Files.deleteIfExists(dir.resolve("source.db"));
    Files.deleteIfExists(dir);
  }
}
