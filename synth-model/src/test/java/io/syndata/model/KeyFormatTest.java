package io.syndata.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.schema.DataType;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyFormatTest {

  @Test
  void uuidKeysAreUniqueVersionFourAndShowNoCounter() {
    KeyFormat f = new KeyFormat(KeyFormat.Style.UUID, DataType.UUID, 0, "", "", 0, 0);
    Set<UUID> seen = new HashSet<>();
    int sameTail = 0;
    UUID previous = null;
    for (long i = 0; i < 100_000; i++) {
      UUID u = (UUID) f.value(i, 17);
      assertThat(seen.add(u)).isTrue();
      assertThat(u.version()).isEqualTo(4);
      assertThat(u.variant()).isEqualTo(2);
      if (previous != null
          && u.toString().substring(24, 32).equals(previous.toString().substring(24, 32))) {
        sameTail++;
      }
      previous = u;
    }
    // With a visible counter, consecutive keys share the first 8 digits of the last group.
    assertThat(sameTail).isLessThan(5);
  }

  @Test
  void scrambleIsABijectionOnSixtyTwoBits() {
    Set<Long> seen = new HashSet<>();
    for (long i = 0; i < 50_000; i++) {
      long x = KeyFormat.scramble62(i);
      assertThat(x).isBetween(0L, 0x3FFF_FFFF_FFFF_FFFFL);
      assertThat(seen.add(x)).isTrue();
    }
  }
}
