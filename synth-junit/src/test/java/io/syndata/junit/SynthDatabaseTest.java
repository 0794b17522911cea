package io.syndata.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.schema.SynthException;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SynthDatabaseTest {
  /** The database URL each run of {@link OnTheClass} saw. */
  static final List<String> SEEN = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeAll
  static void model() throws Exception {
    ShopModel.ensure();
  }

  @SynthDatabase(model = ShopModel.RESOURCE, scale = 0.5, seed = 1)
  static class OnTheClass {
    @Test
    void seedsParentsAndChildrenWithIntactKeys(DataSource db) throws Exception {
      assertThat(ShopModel.scalar(db, "SELECT COUNT(*) FROM customers")).isEqualTo(100);
      assertThat(ShopModel.scalar(db, "SELECT COUNT(*) FROM orders")).isGreaterThan(100);
      assertThat(ShopModel.orphans(db)).isZero();
      SEEN.add(((UrlDataSource) db).url());
    }

    @Test
    void everyTestOfTheClassSeesTheSameDatabase(DataSource db) throws Exception {
      assertThat(ShopModel.scalar(db, "SELECT COUNT(*) FROM customers")).isEqualTo(100);
    }
  }

  static class OnFieldsAndParameters {
    @SynthDatabase(model = ShopModel.RESOURCE, seed = 2)
    static DataSource full;

    @SynthDatabase(model = "target/test-classes/junit-shop.synth", rows = "customers=5", seed = 2)
    DataSource small;

    @Test
    void eachAnnotationHasItsOwnDatabase(
        @SynthDatabase(model = ShopModel.RESOURCE, scale = 0.1, seed = 2) DataSource tiny)
        throws Exception {
      assertThat(ShopModel.scalar(full, "SELECT COUNT(*) FROM customers")).isEqualTo(200);
      assertThat(ShopModel.scalar(small, "SELECT COUNT(*) FROM customers")).isEqualTo(5);
      assertThat(ShopModel.scalar(tiny, "SELECT COUNT(*) FROM customers")).isEqualTo(20);
      assertThat(ShopModel.orphans(small)).isZero();
    }
  }

  @Test
  void seedsBeforeTheClassDiscardsTheDatabaseAfterAndReusesTheRows() throws Exception {
    SEEN.clear();
    int before = SeededDatabase.GENERATIONS.get();
    assertThat(Classes.run(OnTheClass.class, 2)).isEmpty();
    assertThat(SeededDatabase.GENERATIONS.get()).isLessThanOrEqualTo(before + 1);
    int afterFirst = SeededDatabase.GENERATIONS.get();
    assertThat(Classes.run(OnTheClass.class, 2)).isEmpty();
    // The second run of the same model, scale and seed wrote the rows generated the first time.
    assertThat(SeededDatabase.GENERATIONS.get()).isEqualTo(afterFirst);
    assertThat(SEEN).hasSize(2).doesNotHaveDuplicates();
    // The embedded database is gone: opening its name again gives an empty one.
    try (var c = DriverManager.getConnection(SEEN.get(0));
        var rs =
            c.createStatement()
                .executeQuery(
                    "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_SCHEMA) = 'public'")) {
      rs.next();
      assertThat(rs.getLong(1)).isZero();
    }
  }

  @Test
  void fieldsAndParametersGetDatabasesOfTheirOwn() {
    assertThat(Classes.run(OnFieldsAndParameters.class, 1)).isEmpty();
  }

  @Test
  void explainsWhatIsMissing() {
    assertThatThrownBy(
            () ->
                SeededDatabase.seed(
                    new SeedRequest(
                        ShopModel.RESOURCE, 1, 1, Map.of(), "jdbc:tc:postgresql:15:///shop")))
        .isInstanceOf(SynthException.class)
        .hasMessage(
            "@SynthDatabase url jdbc:tc:postgresql:15:///shop needs Testcontainers on the test"
                + " classpath: add org.testcontainers:postgresql (test scope), and have Docker"
                + " running");
    assertThatThrownBy(
            () -> SeededDatabase.seed(new SeedRequest("classpath:nope.synth", 1, 1, Map.of(), "")))
        .hasMessage(
            "@SynthDatabase model classpath:nope.synth: no such resource on the test classpath");
    assertThatThrownBy(() -> SeedRequest.resolve("${synth.no.such.variable}"))
        .hasMessage(
            "@SynthDatabase url ${synth.no.such.variable}: no system property or environment"
                + " variable synth.no.such.variable");
  }
}
