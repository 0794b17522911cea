package io.syndata.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.data.PartitionedTarget;
import io.syndata.data.RunFingerprint;
import io.syndata.data.SchemaFilter;
import io.syndata.data.Source;
import io.syndata.schema.DataType;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import io.syndata.schema.ValueFormat;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's own kinds of types: domains take their base type and keep their definition, enums
 * are categories with their labels, arrays are read with their own format.
 */
class PostgresTypesIT {

  @Test
  void domainsEnumsAndArraysMapToWhatSynDataCanWrite() {
    try (TestServers.FreshDatabase db = TestServers.FreshDatabase.on(TestServers.postgres())) {
      TestServers.exec(
          db.url(),
          "CREATE TYPE mpaa_rating AS ENUM ('G','PG','R')",
          "CREATE DOMAIN year AS integer CHECK (VALUE >= 1901 AND VALUE <= 2155)",
          "CREATE TABLE film (id serial PRIMARY KEY, release_year year, rating mpaa_rating, features text[])",
          "INSERT INTO film (release_year, rating, features) VALUES (1999, 'PG', ARRAY['Trailers'])");
      try (Source source = Connectors.source(db.url())) {
        Table film = source.introspect(SchemaFilter.ALL).table("film");

        assertThat(film.column("release_year").type()).isEqualTo(DataType.INTEGER);
        assertThat(film.column("release_year").excluded()).isFalse();
        assertThat(film.column("rating").type()).isEqualTo(DataType.STRING);
        assertThat(film.column("release_year").sql().orElseThrow().typeDefinition())
            .hasValueSatisfying(d -> assertThat(d).startsWith("CREATE DOMAIN").contains("2155"));
        assertThat(film.column("rating").format()).isEqualTo(ValueFormat.ENUM);
        assertThat(film.column("rating").sql().orElseThrow().labels())
            .containsExactly("G", "PG", "R");
        assertThat(film.column("features").excluded()).isFalse();
        assertThat(film.column("features").format()).isEqualTo(ValueFormat.ARRAY);
        assertThat(film.column("id").sql().orElseThrow().identity()).isTrue();
      }
    }
  }

  /** An interrupted run with --writers committed the types its tables need; --abort drops them. */
  @Test
  void abortDropsTheTypesAnInterruptedRunCreated() throws Exception {
    try (TestServers.FreshDatabase source = TestServers.FreshDatabase.on(TestServers.postgres());
        TestServers.FreshDatabase target = TestServers.FreshDatabase.on(TestServers.postgres())) {
      TestServers.exec(
          source.url(),
          "CREATE TYPE mood AS ENUM ('sad','ok','happy')",
          "CREATE DOMAIN score AS integer CHECK (VALUE >= 0)",
          "CREATE TABLE diary (id serial PRIMARY KEY, feeling mood, points score)");
      TestServers.exec(target.url(), "CREATE TYPE mood AS ENUM ('sad','ok','happy')");
      Schema schema;
      try (Source s = Connectors.source(source.url())) {
        schema = s.introspect(SchemaFilter.ALL);
      }
      PartitionedTarget run = (PartitionedTarget) Connectors.jdbcTarget(target.url());
      run.beginPartitioned(schema, new RunFingerprint(Map.of("seed", "1")), false);
      run.abort(); // as a failed run: its record and what it created stay
      assertThat(types(target.url())).containsExactly("mood", "score");

      PartitionedTarget undo = (PartitionedTarget) Connectors.jdbcTarget(target.url());
      assertThat(undo.abandon())
          .contains("dropped 1 tables it created")
          .contains("dropped 1 types it created");
      undo.close();
      // mood was there before the run: it stays; score was the run's.
      assertThat(types(target.url())).containsExactly("mood");
    }
  }

  private static List<String> types(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                    + " WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd') ORDER BY 1")) {
      List<String> out = new java.util.ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }
}
