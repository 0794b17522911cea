package io.syndata.model.fit;

import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.model.KeyFormat;
import io.syndata.schema.DataType;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KeysAndTextTest {

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
