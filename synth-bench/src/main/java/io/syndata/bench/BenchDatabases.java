package io.syndata.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** Scratch PostgreSQL databases for the benchmarks. */
final class BenchDatabases {
  private BenchDatabases() {}

  /** Creates a database with a fresh name on the server and returns its URL. */
  static String create(String server, String prefix) throws Exception {
    String name = prefix + "_" + Long.toHexString(System.nanoTime());
    try (Connection c = DriverManager.getConnection(server);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return server.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
  }

  static void drop(String server, String url) throws Exception {
    String name = url.replaceFirst("^jdbc:postgresql://[^/]+/([^?]*).*$", "$1");
    try (Connection c = DriverManager.getConnection(server);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}
