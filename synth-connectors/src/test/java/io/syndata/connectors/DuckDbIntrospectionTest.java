package io.syndata.connectors;

import java.nio.file.Files;
import java.nio.file.Path;

class DuckDbIntrospectionTest extends IntrospectionContract {
  private Path dir;

  @Override
  String createDatabase() throws Exception {
    dir = Files.createTempDirectory("synth-duckdb");
    return "jdbc:duckdb:" + dir.resolve("test.duckdb");
  }

  @Override
  void dropDatabase() throws Exception {
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.deleteIfExists(p);
      }
    }
    Files.deleteIfExists(dir);
  }

  @Override
  boolean keepsStringLengths() {
    return false;
  }

  /** DuckDB declares foreign keys only inline, to tables that exist: no cycles. */
  @Override
  CycleStyle cycleStyle() {
    return CycleStyle.NONE;
  }
}
