package io.syndata.model.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WordModelTest {
  static final String[] OPENERS = {"A", "The", "Another", "One"};
  static final String[] ADJECTIVES = {"quiet", "loud", "late", "early", "golden", "blue"};
  static final String[] NOUNS = {"night", "morning", "road", "river", "song", "city"};

  /**
   * Descriptions made of common phrases, each with a rare part that names one person or one order
   * (a name, a number) and must never come out again.
   */
  static List<String> descriptions(int n, long seed) {
    Random random = new Random(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String phrase =
          OPENERS[random.nextInt(OPENERS.length)]
              + " "
              + ADJECTIVES[random.nextInt(ADJECTIVES.length)]
              + " "
              + NOUNS[random.nextInt(NOUNS.length)]
              + " on the way home";
      out.add(
          switch (i % 3) {
            case 0 -> phrase + " for Mrs Xylander" + i;
            case 1 -> phrase + " with order " + (1000 + i) + " by Kowalczyk" + i;
            default -> phrase;
          });
    }
    // Values repeated as such: ten rows of one exact sentence, which the walk could remake.
    for (int i = 0; i < 10; i++) {
      out.add("The quiet night on the way home");
    }
    return out;
  }

  static Map<String, Set<Integer>> pairRows(List<String> values) {
    Map<String, Set<Integer>> rows = new HashMap<>();
    for (int r = 0; r < values.size(); r++) {
      String[] t = WordModel.tokens(values.get(r));
      for (int i = 0; i + 1 < t.length; i++) {
        rows.computeIfAbsent(t[i] + " " + t[i + 1], k -> new HashSet<>()).add(r);
      }
    }
    return rows;
  }

  @Test
  void freeTextUsesOnlyWordPairsOfAtLeastKRowsAndNeverASourceValue() {
    List<String> source = descriptions(600, 1);
    TextModel.Learner learner = new TextModel.Learner(true, 200, 5);
    source.forEach(learner::observe);
    TextModel model = learner.model();
    assertThat(model.words).isNotNull();
    String[] out = new String[3000];
    model.generate(out, out.length, new SplittableRandom(7));
    Map<String, Set<Integer>> pairs = pairRows(source);
    Set<String> real = new HashSet<>(source);
    int multiWord = 0;
    for (String v : out) {
      assertThat(v).isNotIn(real).doesNotContain("Xylander", "Kowalczyk", "order 1");
      String[] t = WordModel.tokens(v);
      multiWord += t.length > 1 ? 1 : 0;
      for (int i = 0; i + 1 < t.length; i++) {
        String pair = t[i] + " " + t[i + 1];
        assertThat(pairs.getOrDefault(pair, Set.of()).size()).as(pair).isGreaterThanOrEqualTo(5);
      }
      // No lorem ipsum: the column has word pairs enough.
      assertThat(v).doesNotContainPattern("(?i)lorem|ipsum|dolor");
    }
    assertThat(multiWord).isGreaterThan(2900);
    // The words travel in the model file, and the read model makes the same values.
    TextModel read = (TextModel) FitJson.text(FitJson.text(model));
    String[] again = new String[3000];
    read.generate(again, again.length, new SplittableRandom(7));
    assertThat(again).containsExactly(out);
  }

  @Test
  void kDecidesWhichPairsAreUsedAndWithoutAnyTheTextFallsBack() {
    List<String> source = descriptions(600, 2);
    TextModel.Learner strict = new TextModel.Learner(true, 200, 20);
    source.forEach(strict::observe);
    TextModel model = strict.model();
    Map<String, Set<Integer>> pairs = pairRows(source);
    String[] out = new String[1000];
    model.generate(out, out.length, new SplittableRandom(3));
    for (String v : out) {
      String[] t = WordModel.tokens(v);
      for (int i = 0; i + 1 < t.length; i++) {
        assertThat(pairs.getOrDefault(t[i] + " " + t[i + 1], Set.of()).size())
            .isGreaterThanOrEqualTo(20);
      }
    }
    // With k above every pair's count, only "on", "the", "way", "home" are frequent: too few
    // words to string together (the music store's titles are, in MusicStoreTest), so no model.
    TextModel.Learner none = new TextModel.Learner(true, 200, 700);
    source.forEach(none::observe);
    assertThat(none.model().words).isNull();
  }
}
