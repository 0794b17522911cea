package io.syndata.connectors;

/** PostgreSQL source, MariaDB target: across dialects, DDL that commits itself dropped on abort. */
class PostgresToMariaDbTargetIT extends TargetContract {
  private TestServers.FreshDatabase source;
  private TestServers.FreshDatabase target;

  @Override
  String createSource() {
    source = TestServers.FreshDatabase.on(TestServers.postgres());
    TestServers.exec(
        source.url(), IntrospectionContract.fixture(IntrospectionContract.CycleStyle.ALTER, "\""));
    return source.url();
  }

  @Override
  String createTarget() {
    target = TestServers.FreshDatabase.on(TestServers.mariadb());
    return target.url();
  }

  @Override
  String targetQuote() {
    return "`";
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
