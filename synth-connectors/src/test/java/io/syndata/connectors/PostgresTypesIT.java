package io.syndata.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.data.SchemaFilter;
import io.syndata.data.Source;
import io.syndata.schema.DataType;
import io.syndata.schema.Table;
import io.syndata.schema.ValueFormat;
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
}
