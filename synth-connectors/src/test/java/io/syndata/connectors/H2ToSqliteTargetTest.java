package io.syndata.connectors;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** H2 source, SQLite target: foreign keys declared inline, DDL rolled back with the rows. */
class H2ToSqliteTargetTest extends TargetContract {
  private Path dir;

  @Override
  String createSource() {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
    TestServers.exec(
        url, IntrospectionContract.fixture(IntrospectionContract.CycleStyle.ALTER, "\""));
    return url;
  }

  @Override
  String createTarget() throws Exception {
    dir = Files.createTempDirectory("synth-target");
    return "jdbc:sqlite:" + dir.resolve("target.db");
  }

  @Override
  String[] enforceForeignKeys() {
    return new String[] {"PRAGMA foreign_keys = ON"};
  }

  @Override
  void dropDatabases() throws Exception {
    TestServers.exec(sourceUrl, "SHUTDOWN");
    Files.deleteIfExists(dir.resolve("target.db"));
    Files.deleteIfExists(dir.resolve(".target.db.syndata.lock"));
    Files.deleteIfExists(dir);
  }
}
