package io.syndata.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.syndata.model.fit.CategoricalMarginal;
import io.syndata.model.fit.Codec;
import io.syndata.model.fit.NumericMarginal;
import io.syndata.schema.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every column kind encodes to its slots and decodes back to the same value, as the statistical
 * model would decode it (types, rounding, nulls, category sets).
 */
class ColumnCodeTest {

  /** Encodes each value and decodes it with no spread and a decisive softmax. */
  private static List<Object> roundTrip(ColumnCode code, List<Object> values) {
    List<Object> out = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(1);
    for (Object v : values) {
      double[] slots = new double[code.width()];
      code.encode(v, slots, 0);
      double[] logits = slots.clone();
      for (int i = 0; i < logits.length; i++) {
        boolean continuousValue = code.kind == ColumnCode.Kind.CONTINUOUS && i == 0;
        logits[i] = continuousValue ? slots[i] : slots[i] * 60;
      }
      out.add(code.decode(logits, 0, 0, random));
    }
    return out;
  }

  private static ColumnCode numeric(Codec codec, List<Object> values, boolean nullable) {
    double[] xs = values.stream().mapToDouble(Codec::toDouble).toArray();
    return ColumnCode.numeric(NumericMarginal.fit(codec, xs, xs.length, null, nullable));
  }

  @Test
  void continuousIntegersWithNullsRoundTrip() {
    Random r = new Random(1);
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      values.add(i % 10 == 0 ? null : (long) r.nextInt(100_000));
    }
    ColumnCode code = numeric(new Codec(DataType.INTEGER, 0, 0, 1), values, true);
    assertThat(code.kind).isEqualTo(ColumnCode.Kind.CONTINUOUS);
    assertThat(code.width()).isEqualTo(3);
    assertThat(roundTrip(code, values)).isEqualTo(values);
  }

  @Test
  void decimalsKeepTheirScale() {
    Random r = new Random(2);
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      values.add(BigDecimal.valueOf(r.nextInt(1_000_000), 2));
    }
    ColumnCode code = numeric(new Codec(DataType.DECIMAL, 2, 2, 1), values, false);
    assertThat(code.width()).isEqualTo(1);
    assertThat(roundTrip(code, values)).isEqualTo(values);
  }

  @Test
  void floatsComeBackToWithinRounding() {
    Random r = new Random(3);
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      values.add(Math.exp(r.nextGaussian() * 3));
    }
    ColumnCode code = numeric(new Codec(DataType.FLOAT, -1, 0, 1), values, false);
    List<Object> back = roundTrip(code, values);
    for (int i = 0; i < values.size(); i++) {
      double v = (Double) values.get(i);
      assertThat((Double) back.get(i)).isCloseTo(v, org.assertj.core.data.Offset.offset(1e-9 * v));
    }
  }

  @Test
  void datesTimesAndTimestampsRoundTrip() {
    Random r = new Random(4);
    List<Object> dates = new ArrayList<>();
    List<Object> times = new ArrayList<>();
    List<Object> stamps = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      dates.add(LocalDate.of(1950, 1, 1).plusDays(r.nextInt(30_000)));
      times.add(LocalTime.ofSecondOfDay(r.nextInt(86_400)));
      stamps.add(LocalDateTime.of(2001, 1, 1, 0, 0).plusSeconds(r.nextInt(700_000_000)));
    }
    assertThat(roundTrip(numeric(new Codec(DataType.DATE, 0, 0, 1), dates, false), dates))
        .isEqualTo(dates);
    assertThat(roundTrip(numeric(new Codec(DataType.TIME, 0, 0, 1), times, false), times))
        .isEqualTo(times);
    assertThat(roundTrip(numeric(new Codec(DataType.TIMESTAMP, 0, 0, 1), stamps, false), stamps))
        .isEqualTo(stamps);
  }

  @Test
  void fewDistinctNumbersAreOneHotWithNullAsAValue() {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      values.add(i % 7 == 0 ? null : (long) (i % 5) * 10);
    }
    ColumnCode code = numeric(new Codec(DataType.INTEGER, 0, 0, 1), values, true);
    assertThat(code.kind).isEqualTo(ColumnCode.Kind.DISCRETE);
    assertThat(code.width()).isEqualTo(6);
    assertThat(roundTrip(code, values)).isEqualTo(values);
  }

  @Test
  void categoriesAndBooleansRoundTrip() {
    List<Object> dictionary = List.of("red", "green", "blue", true, false);
    double[] codes = new double[1000];
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < codes.length; i++) {
      codes[i] = i % 11 == 0 ? -1 : i % dictionary.size();
      values.add(codes[i] < 0 ? null : dictionary.get((int) codes[i]));
    }
    ColumnCode code =
        ColumnCode.categorical(CategoricalMarginal.fit(dictionary, codes, codes.length, true));
    assertThat(code.width()).isEqualTo(6);
    assertThat(roundTrip(code, values)).isEqualTo(values);
  }

  @Test
  void manyCategoriesShareOneSlotBeyondTheCap() {
    List<Object> dictionary = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      dictionary.add("c" + i);
    }
    Random r = new Random(5);
    double[] codes = new double[20_000];
    for (int i = 0; i < codes.length; i++) {
      // Zipf-like: a few frequent categories and a long tail.
      codes[i] = Math.min(4999, (int) Math.floor(Math.exp(r.nextDouble() * Math.log(5000))) - 1);
    }
    ColumnCode code =
        ColumnCode.categorical(CategoricalMarginal.fit(dictionary, codes, codes.length, false));
    assertThat(code.width()).isEqualTo(ColumnCode.MAX_ONE_HOT + 1);
    CategoricalMarginal m = (CategoricalMarginal) code.marginal;
    List<Object> frequent = Arrays.asList(m.values).subList(0, ColumnCode.MAX_ONE_HOT);
    assertThat(roundTrip(code, new ArrayList<>(frequent))).isEqualTo(frequent);
    // A rare value decodes to some rare value, drawn by frequency among the rare ones.
    Set<Object> rare = new HashSet<>();
    List<Object> tail = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      tail.add(m.values[m.values.length - 1]);
    }
    for (Object v : roundTrip(code, tail)) {
      assertThat(frequent).doesNotContain(v);
      rare.add(v);
    }
    assertThat(rare.size()).isGreaterThan(50);
  }

  private static ColumnCode modes(Codec codec, List<Object> values, boolean nullable) {
    double[] xs = values.stream().mapToDouble(Codec::toDouble).toArray();
    return ColumnCode.modeSpecific(NumericMarginal.fit(codec, xs, xs.length, null, nullable));
  }

  @Test
  void modeSpecificIntegersWithNullsRoundTrip() {
    Random r = new Random(7);
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      // Two clusters and a tenth nulls: two or more modes.
      long v = i % 2 == 0 ? 1000 + r.nextInt(200) : 50_000 + r.nextInt(5000);
      values.add(i % 10 == 0 ? null : v);
    }
    ColumnCode code = modes(new Codec(DataType.INTEGER, 0, 0, 1), values, true);
    assertThat(code.kind).isEqualTo(ColumnCode.Kind.CONTINUOUS);
    assertThat(code.modes.count()).isBetween(2, Modes.MAX_MODES);
    assertThat(code.width()).isEqualTo(3 + code.modes.count());
    assertThat(roundTrip(code, values)).isEqualTo(values);
  }

  @Test
  void modeSpecificDecimalsDatesAndTimestampsRoundTrip() {
    Random r = new Random(8);
    List<Object> decimals = new ArrayList<>();
    List<Object> dates = new ArrayList<>();
    List<Object> stamps = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      decimals.add(BigDecimal.valueOf(r.nextInt(1_000_000), 2));
      dates.add(LocalDate.of(1950, 1, 1).plusDays(r.nextInt(30_000)));
      stamps.add(LocalDateTime.of(2001, 1, 1, 0, 0).plusSeconds(r.nextInt(700_000_000)));
    }
    ColumnCode decimal = modes(new Codec(DataType.DECIMAL, 2, 2, 1), decimals, false);
    assertThat(decimal.width()).isEqualTo(1 + decimal.modes.count());
    assertThat(roundTrip(decimal, decimals)).isEqualTo(decimals);
    assertThat(roundTrip(modes(new Codec(DataType.DATE, 0, 0, 1), dates, false), dates))
        .isEqualTo(dates);
    assertThat(roundTrip(modes(new Codec(DataType.TIMESTAMP, 0, 0, 1), stamps, false), stamps))
        .isEqualTo(stamps);
  }

  @Test
  void modeSpecificKeepsAnAtomAndTheRestOfAHeavyTail() {
    // adult's capital_gain: mostly 0, the rest spread over four orders of magnitude.
    Random r = new Random(9);
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      values.add(i % 10 < 9 ? 0L : Math.round(Math.exp(7 + 1.5 * r.nextGaussian())));
    }
    ColumnCode code = modes(new Codec(DataType.INTEGER, 0, 0, 1), values, false);
    Modes m = code.modes;
    assertThat(m.means[0]).as("the heaviest mode is the atom").isCloseTo(0, within(0.5));
    assertThat(m.weights[0]).isCloseTo(0.9, within(0.01));
    assertThat(Arrays.stream(m.weights).min().orElseThrow()).isGreaterThanOrEqualTo(0.005);
    List<Object> back = roundTrip(code, values);
    int exact = 0;
    for (int i = 0; i < values.size(); i++) {
      exact += values.get(i).equals(back.get(i)) ? 1 : 0;
    }
    // Values beyond four spreads of their mode are clipped to its edge, as in CTGAN.
    assertThat(exact).isGreaterThan(values.size() * 99 / 100);
  }

  @Test
  void modesAreAFunctionOfTheMarginal() {
    Random r = new Random(10);
    double[] xs = new double[4000];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = i % 3 == 0 ? r.nextGaussian() : 10 + 2 * r.nextGaussian();
    }
    NumericMarginal m =
        NumericMarginal.fit(new Codec(DataType.FLOAT, -1, 0, 1), xs, xs.length, null, false);
    Modes a = Modes.fit(m.points);
    Modes b = Modes.fit(m.points);
    assertThat(a.means).containsExactly(b.means);
    assertThat(a.sds).containsExactly(b.sds);
    assertThat(a.count()).isEqualTo(2);
    assertThat(a.means[0]).isCloseTo(10, within(0.3));
    assertThat(a.means[1]).isCloseTo(0, within(0.3));
    assertThat(a.weights[0]).isCloseTo(2 / 3.0, within(0.03));
    assertThat(Modes.fit(new double[] {5, 5, 5}).count()).isEqualTo(1);
  }

  @Test
  void continuousScoresAreStandardNormal() {
    Random r = new Random(6);
    double[] xs = new double[5000];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = Math.exp(r.nextGaussian());
    }
    NumericMarginal m =
        NumericMarginal.fit(new Codec(DataType.FLOAT, -1, 0, 1), xs, xs.length, null, false);
    double sum = 0;
    double squares = 0;
    for (double x : xs) {
      double z = ColumnCode.score(m, x);
      sum += z;
      squares += z * z;
    }
    assertThat(sum / xs.length).isCloseTo(0, org.assertj.core.data.Offset.offset(0.02));
    assertThat(squares / xs.length).isCloseTo(1, org.assertj.core.data.Offset.offset(0.05));
  }
}
