package io.syndata.quality.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EncoderTest {

  @Test
  void standardisesNumbersAndFlagsMissingOnes() {
    Encoder e = Encoder.fit(List.of(Feature.numeric("x", new double[] {1, 3, Double.NaN})));
    assertThat(e.width()).isEqualTo(2);
    double[][] x = e.encode(List.of(Feature.numeric("x", new double[] {3, Double.NaN})));
    // mean 2, sample sd sqrt(2)
    assertThat(x[0][0]).isCloseTo(1 / Math.sqrt(2), within(1e-12));
    assertThat(x[0][1]).isZero();
    assertThat(x[1]).containsExactly(0, 1);
  }

  @Test
  void oneHotKeepsTopCategoriesAndSendsTheRestAndUnseenToOther() {
    Object[] labels = new Object[Encoder.TOP_CATEGORIES + 4];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i < 3 ? "common" : "rare" + i;
    }
    labels[labels.length - 1] = null;
    Encoder e = Encoder.fit(List.of(Feature.categorical("c", labels)));
    // 30 top categories, other, null
    assertThat(e.width()).isEqualTo(Encoder.TOP_CATEGORIES + 2);
    double[][] x =
        e.encode(List.of(Feature.categorical("c", new Object[] {"common", "never-seen", null})));
    assertThat(x[0][0]).isEqualTo(1);
    assertThat(x[1][Encoder.TOP_CATEGORIES]).isEqualTo(1);
    assertThat(x[2][Encoder.TOP_CATEGORIES + 1]).isEqualTo(1);
    for (double[] row : x) {
      assertThat(java.util.Arrays.stream(row).sum()).isEqualTo(1);
    }
  }

  @Test
  void unseenCategoryWithoutOtherColumnEncodesAsZeros() {
    Encoder e = Encoder.fit(List.of(Feature.categorical("c", new Object[] {"a", "b"})));
    assertThat(e.encode(List.of(Feature.categorical("c", new Object[] {"z"})))[0])
        .containsExactly(0, 0);
  }
}
