package io.syndata.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A domain column reproduces its own categories only where at least k rows hold each: the rare
 * ones, a minority here, could single a person out and never come out; {@code minCount} sets k.
 */
class DomainCategoriesTest {
  static JdbcDataSource source;
  static final List<String> RARE = List.of("Liechtenstein", "Monaco", "Andorra");

  @BeforeAll
  static void create() throws Exception {
    source = new JdbcDataSource();
    source.setURL("jdbc:h2:mem:realism_domains;DB_CLOSE_DELAY=-1");
    try (Connection c = source.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP ALL OBJECTS");
      s.execute(
          "CREATE TABLE people (person_id INT PRIMARY KEY, country VARCHAR(40) NOT NULL,"
              + " spend INT NOT NULL)");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO people VALUES (?, ?, ?)")) {
        for (int i = 0; i < 300; i++) {
          String country =
              i < 3
                  ? "Liechtenstein"
                  : i < 6 ? "Monaco" : i < 10 ? "Andorra" : i % 2 == 0 ? "Germany" : "France";
          insert.setInt(1, i);
          insert.setString(2, country);
          insert.setInt(3, 10 + i % 37);
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }

  @Test
  void categoriesRarerThanKNeverComeOutAndKIsAnOption() {
    try (Model model = SynData.from(source).fit()) {
      List<Object> countries = model.generate().scale(5).toMemory().column("PEOPLE", "COUNTRY");
      assertThat(countries).hasSize(1500).doesNotContainAnyElementsOf(RARE);
      assertThat(countries).contains("Germany", "France");
    }
    try (Model model = SynData.from(source).minCount(3).fit()) {
      List<Object> countries = model.generate().scale(5).toMemory().column("PEOPLE", "COUNTRY");
      assertThat(countries).containsAnyElementsOf(RARE);
    }
  }
}
