package io.syndata.model;

import static io.syndata.model.Fixtures.col;
import static io.syndata.model.Fixtures.fk;
import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.data.InMemorySource;
import io.syndata.data.InMemoryTarget;
import io.syndata.schema.ColumnKind;
import io.syndata.schema.DataType;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UniqueKeysTest {

  @Test
  void keepsUniqueConstraintsOfSeveralColumnsOverParentsAndAttributes() {
    Table users =
        new Table(
                "users",
                Optional.empty(),
                List.of(col("id", DataType.INTEGER, false)),
                List.of("id"),
                List.of(),
                List.of(),
                0)
            .withKeyKinds();
    Table movies =
        new Table(
                "movies",
                Optional.empty(),
                List.of(col("id", DataType.INTEGER, false)),
                List.of("id"),
                List.of(),
                List.of(),
                0)
            .withKeyKinds();
    Table ratings =
        new Table(
                "ratings",
                Optional.empty(),
                List.of(
                    col("id", DataType.INTEGER, false),
                    col("user_id", DataType.INTEGER, false),
                    col("movie_id", DataType.INTEGER, false),
                    col("mood", DataType.STRING, false, ColumnKind.CATEGORICAL)),
                List.of("id"),
                List.of(List.of("user_id", "movie_id"), List.of("user_id", "mood")),
                List.of(
                    fk("fk_user", "user_id", "users", "id"),
                    fk("fk_movie", "movie_id", "movies", "id")),
                0)
            .withKeyKinds();
    List<Object[]> u = new ArrayList<>();
    List<Object[]> m = new ArrayList<>();
    List<Object[]> r = new ArrayList<>();
    String[] moods = {"happy", "sad", "bored", "angry", "calm", "tense"};
    long id = 0;
    for (long i = 1; i <= 200; i++) {
      u.add(new Object[] {i});
    }
    for (long i = 1; i <= 12; i++) {
      m.add(new Object[] {i});
    }
    for (long user = 1; user <= 200; user++) {
      for (int k = 0; k < 1 + user % 6; k++) {
        r.add(new Object[] {++id, user, 1 + (user * 7 + k * 5) % 12, moods[k]});
      }
    }
    InMemorySource source =
        InMemorySource.ofRows(
            new Schema(List.of(users, movies, ratings)),
            Map.of("users", u, "movies", m, "ratings", r));

    InMemoryTarget target =
        Fixtures.generate(Fixtures.fit(source, FitOptions.defaults(1)), Fixtures.seed(3));

    List<Object[]> rows = target.rows("ratings");
    assertThat(rows.size()).isGreaterThan((int) (0.9 * r.size()));
    Set<List<Object>> userMovie = new HashSet<>();
    Set<List<Object>> userMood = new HashSet<>();
    for (Object[] row : rows) {
      assertThat(userMovie.add(List.of(row[1], row[2])))
          .as("(user_id, movie_id) %s repeats", List.of(row[1], row[2]))
          .isTrue();
      assertThat(userMood.add(List.of(row[1], row[3])))
          .as("(user_id, mood) %s repeats", List.of(row[1], row[3]))
          .isTrue();
    }
  }
}
