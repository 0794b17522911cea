package io.syndata.connectors;

class PostgresIntrospectionIT extends IntrospectionContract {
  private TestServers.FreshDatabase db;

  @Override
  String createDatabase() {
    db = TestServers.FreshDatabase.on(TestServers.postgres());
    return db.url();
  }

  @Override
  void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }

  @Override
  String binaryType() {
    return "bytea";
  }
}
