package io.syndata.model.fit;

import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.model.KeyFormat;
import io.syndata.schema.DataType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** UUID keys come out in the source's version: random v4, or time-ordered v7. */
class UuidKeysTest {
  /** A version-7 UUID of a millisecond timestamp, its other bits random. */
  private static UUID v7(long millis, SplittableRandom random) {
    long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
    long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low);
  }

  @Test
  void versionSevenKeysStayVersionSevenTimeOrderedWithinTheSourcesSpan() {
    SplittableRandom random = new SplittableRandom(3);
    KeyLearner learner = new KeyLearner(DataType.UUID, false);
    long first = 1_735_689_600_000L; // 2025-01-01
    for (int i = 0; i < 1000; i++) {
      learner.observe(v7(first + i * 60_000L, random));
    }
    KeyFormat f = learner.format();
    assertThat(f.style()).isEqualTo(KeyFormat.Style.UUID7);
    List<UUID> keys = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      keys.add((UUID) f.value(i, 99));
    }
    assertThat(keys).allSatisfy(u -> assertThat(u.version()).isEqualTo(7));
    assertThat(keys).allSatisfy(u -> assertThat(u.variant()).isEqualTo(2));
    assertThat(new HashSet<>(keys)).hasSize(1000);
    assertThat(keys)
        .isSortedAccordingTo(
            (a, b) ->
                Long.compareUnsigned(
                    a.getMostSignificantBits() >>> 16, b.getMostSignificantBits() >>> 16));
    long last = keys.get(999).getMostSignificantBits() >>> 16;
    assertThat(last).isBetween(first + 900 * 60_000L, first + 1000 * 60_000L);
    Set<Long> lowTails = new HashSet<>();
    keys.forEach(u -> lowTails.add(u.getLeastSignificantBits() & 0xFFFF));
    assertThat(lowTails).as("no counter in the last group").hasSizeGreaterThan(990);
  }

  @Test
  void versionFourOrMixedKeysStayRandomVersionFour() {
    KeyLearner learner = new KeyLearner(DataType.UUID, false);
    learner.observe(UUID.randomUUID());
    learner.observe(v7(1_735_689_600_000L, new SplittableRandom(1)));
    KeyFormat f = learner.format();
    assertThat(f.style()).isEqualTo(KeyFormat.Style.UUID);
    assertThat(((UUID) f.value(5, 1)).version()).isEqualTo(4);
  }
}
