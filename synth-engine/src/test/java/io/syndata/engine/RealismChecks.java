package io.syndata.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a person opening the synthetic music store would check, on any database: addresses that
 * exist, invoices billed to their customer's address, album titles of common words that copy no
 * source title, and the CHECK constraints. Queries go through {@link Query}, so the same checks run
 * on H2, SQLite, PostgreSQL and MariaDB.
 */
final class RealismChecks {
  private RealismChecks() {}

  /** Runs a query and returns its rows. */
  @FunctionalInterface
  interface Query {
    List<List<Object>> rows(String sql) throws Exception;
  }

  static final int K = 5;

  static void check(Query source, Query target) throws Exception {
    addressesAreSourceCombinations(source, target);
    invoicesBillTheirCustomersAddress(target);
    titlesUseCommonWordsAndCopyNone(source, target);
    assertThat(target.rows("SELECT COUNT(*) FROM tracks WHERE unit_price < 0").get(0).get(0))
        .isIn(0, 0L);
    assertThat(target.rows("SELECT COUNT(*) FROM invoices WHERE total < 0").get(0).get(0))
        .isIn(0, 0L);
  }

  static void addressesAreSourceCombinations(Query source, Query target) throws Exception {
    Map<List<Object>, Integer> combos = new HashMap<>();
    for (List<Object> r : source.rows("SELECT city, state, country FROM customers")) {
      combos.merge(r, 1, Integer::sum);
    }
    List<List<Object>> made = target.rows("SELECT city, state, country FROM customers");
    assertThat(made).isNotEmpty();
    for (List<Object> triple : made) {
      assertThat(combos.getOrDefault(triple, 0)).as("%s", triple).isGreaterThanOrEqualTo(K);
    }
  }

  static void invoicesBillTheirCustomersAddress(Query target) throws Exception {
    List<List<Object>> rows =
        target.rows(
            "SELECT c.city, c.state, c.country, i.billing_city, i.billing_state, i.billing_country"
                + " FROM invoices i JOIN customers c ON c.customer_id = i.customer_id");
    long same = rows.stream().filter(r -> r.subList(0, 3).equals(r.subList(3, 6))).count();
    assertThat(same / (double) rows.size()).isGreaterThan(0.95);
  }

  /**
   * The music store's titles are too varied for word pairs in k rows (30 words, 900 pairs, 350
   * titles): they are strung from words that at least k titles hold (WordModelTest checks the pairs
   * where they are frequent).
   */
  static void titlesUseCommonWordsAndCopyNone(Query source, Query target) throws Exception {
    List<String> real = new ArrayList<>();
    source.rows("SELECT title FROM albums").forEach(r -> real.add((String) r.get(0)));
    Map<String, Set<Integer>> wordRows = new HashMap<>();
    for (int i = 0; i < real.size(); i++) {
      for (String w : real.get(i).trim().split("\\s+")) {
        wordRows.computeIfAbsent(w, k -> new HashSet<>()).add(i);
      }
    }
    Set<String> copies = new HashSet<>(real);
    List<List<Object>> titles = target.rows("SELECT title FROM albums");
    assertThat(titles).isNotEmpty();
    int multiWord = 0;
    for (List<Object> r : titles) {
      String title = (String) r.get(0);
      assertThat(title).isNotIn(copies);
      String[] w = title.trim().split("\\s+");
      multiWord += w.length > 1 ? 1 : 0;
      for (String word : w) {
        assertThat(wordRows.getOrDefault(word, Set.of()).size())
            .as("%s in %s", word, Arrays.toString(w))
            .isGreaterThanOrEqualTo(K);
      }
    }
    assertThat(multiWord).isGreaterThan(titles.size() / 2);
  }
}
