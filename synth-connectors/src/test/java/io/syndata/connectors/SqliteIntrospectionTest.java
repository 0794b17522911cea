package io.syndata.connectors;

import java.nio.file.Files;
import java.nio.file.Path;

class SqliteIntrospectionTest extends IntrospectionContract {
  private Path dir;

  @Override
  String createDatabase() throws Exception {
    dir = Files.createTempDirectory("synth-sqlite");
    return "jdbc:sqlite:" + dir.resolve("test.db");
  }

  @Override
  void dropDatabase() throws Exception {
    Files.deleteIfExists(dir.resolve("test.db"));
    Files.deleteIfExists(dir);
  }

  /** sqlite-jdbc reports the column size of DECIMAL(p,s) as p + s; wider is harmless. */
  @Override
  int reportedPrecisionOfDecimal10() {
    return 12;
  }

  @Override
  CycleStyle cycleStyle() {
    return CycleStyle.INLINE_FORWARD;
  }
}
