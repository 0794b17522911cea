package io.syndata.connectors;

class MariaDbIntrospectionIT extends IntrospectionContract {
  private TestServers.FreshDatabase db;

  @Override
  String createDatabase() {
    db = TestServers.FreshDatabase.on(TestServers.mariadb());
    return db.url();
  }

  @Override
  void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }

  @Override
  String quote() {
    return "`";
  }
}
