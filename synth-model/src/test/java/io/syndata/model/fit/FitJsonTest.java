package io.syndata.model.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syndata.model.KeyFormat;
import io.syndata.schema.DataType;
import io.syndata.schema.SynthException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FitJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Through text, as a model file holds it. */
  private static JsonNode reparsed(JsonNode node) throws Exception {
    return MAPPER.readTree(MAPPER.writeValueAsString(node));
  }

  @Test
  void valuesKeepTheirJavaTypeAndExactForm() throws Exception {
    Object[] values = {
      null,
      true,
      42L,
      new BigDecimal("12.50"),
      new BigDecimal("1E+3"),
      -0.0,
      Double.NaN,
      0.1 + 0.2,
      "Paris, \"FR\"",
      LocalDate.of(1999, 12, 31),
      LocalTime.of(23, 59, 0, 123_456_000),
      LocalDateTime.of(2024, 2, 29, 0, 0),
      OffsetDateTime.of(2024, 2, 29, 13, 5, 7, 1_000, ZoneOffset.UTC),
      new UUID(-1, 7)
    };
    for (Object v : values) {
      Object back = FitJson.valueOf(reparsed(FitJson.value(v)));
      assertThat(back).isEqualTo(v);
      if (v != null) {
        assertThat(back).isExactlyInstanceOf(v.getClass());
      }
    }
    assertThat(
            ((BigDecimal) FitJson.valueOf(reparsed(FitJson.value(new BigDecimal("12.50")))))
                .scale())
        .isEqualTo(2);
    assertThat(FitJson.value(new BigDecimal("12.50")).toString())
        .isEqualTo("{\"t\":\"decimal\",\"v\":\"12.50\"}");
  }

  @Test
  void doublesKeepEveryBitIncludingNonFiniteOnes() throws Exception {
    double[] xs = {
      0.1 + 0.2, Math.PI, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, -1 / 0.0, 1e-300
    };
    double[] back = FitJson.numbers(reparsed(FitJson.numbers(xs)));
    for (int i = 0; i < xs.length; i++) {
      assertThat(Double.doubleToRawLongBits(back[i])).isEqualTo(Double.doubleToRawLongBits(xs[i]));
    }
  }

  @Test
  void textAndPersonalDataGeneratorsGenerateTheSameValuesAfterReading() throws Exception {
    TextModel.Learner learner = new TextModel.Learner(true, 50);
    for (int i = 0; i < 200; i++) {
      learner.observe(i % 5 == 0 ? null : "Ref " + (char) ('A' + i % 26) + "-" + i);
      if (i % 7 == 0) {
        learner.observe("a long free text value with words and spaces and more words " + i);
      }
    }
    TextModel text = learner.model();
    assertThat(FitJson.text(new PiiModel("email", text)).has("shape"))
        .as("the shapes of personal data of a known kind are not written")
        .isFalse();
    for (TextGenerator g :
        new TextGenerator[] {text, new PiiModel("email", text), new PiiModel("aura", text)}) {
      TextGenerator back = FitJson.text(reparsed(FitJson.text(g)));
      assertThat(back).isExactlyInstanceOf(g.getClass());
      String[] a = new String[300];
      String[] b = new String[300];
      g.generate(a, 300, new SplittableRandom(4));
      back.generate(b, 300, new SplittableRandom(4));
      assertThat(b).containsExactly(a);
    }
  }

  @Test
  void marginalsAndKeyFormatsReadBackEqual() throws Exception {
    Codec codec = new Codec(DataType.TIMESTAMP, 0, 0, 1e-3);
    NumericMarginal n = new NumericMarginal(codec, 0.25, new double[] {1.5e9, 1.6e9, 1.7e9}, null);
    NumericMarginal back = (NumericMarginal) FitJson.marginal(reparsed(FitJson.marginal(n)));
    assertThat(back.points).containsExactly(n.points);
    assertThat(back.cumulative).isNull();
    assertThat(back.nullRate).isEqualTo(0.25);
    assertThat(back.codec.unit).isEqualTo(1e-3);
    assertThat(back.codec.type).isEqualTo(DataType.TIMESTAMP);
    CategoricalMarginal c =
        new CategoricalMarginal(new Object[] {null, 3L, "x"}, new double[] {0.2, 0.5, 1});
    CategoricalMarginal cb = (CategoricalMarginal) FitJson.marginal(reparsed(FitJson.marginal(c)));
    assertThat(Arrays.asList(cb.values)).containsExactly(null, 3L, "x");
    assertThat(cb.indexOf(3L)).isEqualTo(1);
    KeyFormat f = new KeyFormat(KeyFormat.Style.PATTERN, DataType.STRING, 101, "C-", "x", 6, 0.1);
    assertThat(FitJson.keyFormat(reparsed(FitJson.keyFormat(f)))).isEqualTo(f);
  }

  @Test
  void malformedTreesAreSynthExceptionsNamingTheField() throws Exception {
    assertThatThrownBy(() -> FitJson.marginal(MAPPER.readTree("{\"type\":\"numeric\"}")))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("\"cumulative\" is missing");
    assertThatThrownBy(() -> FitJson.valueOf(MAPPER.readTree("{\"t\":\"date\",\"v\":\"x\"}")))
        .isInstanceOf(SynthException.class)
        .hasMessage("\"x\" is not a date value");
    assertThatThrownBy(() -> FitJson.valueOf(MAPPER.readTree("{\"t\":\"blob\",\"v\":\"x\"}")))
        .isInstanceOf(SynthException.class)
        .hasMessage("unknown value type \"blob\"");
  }
}
