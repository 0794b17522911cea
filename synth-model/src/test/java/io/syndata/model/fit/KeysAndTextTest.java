package io.syndata.model.fit;

import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.model.KeyFormat;
import io.syndata.schema.DataType;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KeysAndTextTest {

  @Test
  void learnsAKeyBuiltFromTheParentsKeyAndACounter() {
    KeyLearner learner = new KeyLearner(DataType.STRING, false, "customer_id");
    for (long customer = 7; customer < 40; customer++) {
      for (int n = 1; n <= 3; n++) {
        learner.observe(customer + "_" + n, customer);
      }
    }
    KeyFormat f = learner.format();
    assertThat(f.style()).isEqualTo(KeyFormat.Style.DERIVED);
    assertThat(f.from()).isEqualTo("customer_id");
    assertThat(f.derived(1234L, 0)).isEqualTo("1234_1");
    assertThat(f.derived(1234L, 6)).isEqualTo("1234_7");
    assertThat(FitJson.keyFormat(FitJson.keyFormat(f))).isEqualTo(f);
  }

  @Test
  void aKeyThatDoesNotAlwaysBeginWithTheParentsKeyIsNotDerived() {
    KeyLearner learner = new KeyLearner(DataType.STRING, false, "customer_id");
    learner.observe("7_1", 7L);
    learner.observe("9_1", 8L);
    assertThat(learner.format().style()).isNotEqualTo(KeyFormat.Style.DERIVED);
    KeyLearner patterned = new KeyLearner(DataType.STRING, false, "customer_id");
    patterned.observe("INV-2024-000123", 7L);
    patterned.observe("INV-2024-000124", 8L);
    assertThat(patterned.format().style()).isEqualTo(KeyFormat.Style.PATTERN);
    assertThat(patterned.format().value(0, 0)).isEqualTo("INV-2024-000123");
  }

  @Test
  void learnsTemplatesOfLetterAndDigitClassesAndKeepsKeysUnique() {
    java.util.Random random = new java.util.Random(5);
    KeyLearner learner = new KeyLearner(DataType.STRING, false);
    for (int i = 0; i < 500; i++) {
      learner.observe(
          "ORD-"
              + (char) ('A' + random.nextInt(26))
              + (char) ('A' + random.nextInt(26))
              + "-"
              + String.format("%04d", random.nextInt(10_000))
              + "-"
              + (char) ('a' + random.nextInt(26)));
    }
    KeyFormat f = learner.format();
    assertThat(f.style()).isEqualTo(KeyFormat.Style.TEMPLATE);
    assertThat(f.prefix()).isEqualTo("\\O\\R\\D\\-AA\\-9999\\-a");
    assertThat(FitJson.keyFormat(FitJson.keyFormat(f))).isEqualTo(f);
    java.util.Set<Object> seen = new java.util.HashSet<>();
    for (long i = 0; i < 200_000; i++) {
      String v = (String) f.value(i, 42);
      assertThat(v).matches("ORD-[A-Z]{2}-[0-9]{4}-[a-z]");
      assertThat(seen.add(v)).as("unique %s", v).isTrue();
    }
    // A different salt (another table, another seed) gives other values.
    assertThat(f.value(0, 43)).isNotEqualTo(f.value(0, 42));
  }

  @Test
  void aTemplateTooSmallForTheSourceIsNotUsed() {
    KeyLearner learner = new KeyLearner(DataType.STRING, false);
    for (int i = 0; i < 10; i++) {
      learner.observe((char) ('a' + i) + "X");
    }
    // Ten values of a template that holds 26: too little room to make new ones at any scale.
    assertThat(learner.format().style()).isEqualTo(KeyFormat.Style.SHAPE);
  }

  @Test
  void learnsPatternedKeys() {
    KeyLearner learner = new KeyLearner(DataType.STRING, false);
    learner.observe("C-000123");
    learner.observe("C-000200");
    KeyFormat f = learner.format();
    assertThat(f.style()).isEqualTo(KeyFormat.Style.PATTERN);
    assertThat(f.value(0, 0)).isEqualTo("C-000123");
    assertThat(f.value(5, 0)).isEqualTo("C-000128");
  }

  @Test
  void irregularStringKeysGetUniqueShapes() {
    KeyLearner learner = new KeyLearner(DataType.STRING, false);
    learner.observe("alpha");
    learner.observe("beta-x");
    KeyFormat f = learner.format();
    assertThat(f.style()).isEqualTo(KeyFormat.Style.SHAPE);
    java.util.Set<Object> seen = new java.util.HashSet<>();
    for (int i = 0; i < 5000; i++) {
      assertThat(seen.add(f.value(i, 7))).isTrue();
    }
  }

  @Test
  void textShapesKeepCharacterClasses() {
    TextModel.Learner learner = new TextModel.Learner(false, 0);
    learner.observe("Ab-12");
    String[] out = new String[50];
    learner.model().generate(out, 50, new SplittableRandom(1));
    assertThat(out).allSatisfy(s -> assertThat(s).matches("[A-Z][a-z]-\\d\\d"));
  }
}
