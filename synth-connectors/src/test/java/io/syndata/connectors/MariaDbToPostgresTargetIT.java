package io.syndata.connectors;

/** MariaDB source, PostgreSQL target: rows through COPY, DDL rolled back with the rows. */
class MariaDbToPostgresTargetIT extends TargetContract {
  private TestServers.FreshDatabase source;
  private TestServers.FreshDatabase target;

  @Override
  String createSource() {
    source = TestServers.FreshDatabase.on(TestServers.mariadb());
    TestServers.exec(
        source.url(), IntrospectionContract.fixture(IntrospectionContract.CycleStyle.ALTER, "`"));
    return source.url();
  }

  @Override
  String createTarget() {
    target = TestServers.FreshDatabase.on(TestServers.postgres());
    return target.url();
  }

  @Override
  void dropDatabases() {
    if (source != null) {
      source.close();
    }
    if (target != null) {
      target.close();
    }
  }
}
