package io.syndata.quality.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RocAucTest {

  @Test
  void countsTiesAsHalfAWin() {
    // Pairs (positive, negative): 0.9 beats both; each 0.5 ties 0.5 and beats 0.1: 2 + 1.5 + 1.5 =
    // 5 of 6.
    assertThat(RocAuc.of(new double[] {0.9, 0.5, 0.5}, new double[] {0.5, 0.1}))
        .isCloseTo(5.0 / 6, within(1e-12));
  }

  @Test
  void perfectReversedAndConstantScores() {
    assertThat(RocAuc.of(new double[] {3, 4}, new double[] {1, 2})).isEqualTo(1.0);
    assertThat(RocAuc.of(new double[] {1, 2}, new double[] {3, 4})).isEqualTo(0.0);
    assertThat(RocAuc.of(new double[] {7, 7, 7}, new double[] {7, 7})).isEqualTo(0.5);
  }

  @Test
  void isUndefinedWithoutBothClasses() {
    assertThat(RocAuc.of(new double[] {1}, new double[0])).isNaN();
    assertThat(RocAuc.of(new double[] {0.2, 0.8, 0.4}, new int[] {0, 1, 0}, 1)).isEqualTo(1.0);
  }
}
