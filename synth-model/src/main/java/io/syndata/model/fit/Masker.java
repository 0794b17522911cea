package io.syndata.model.fit;

import io.syndata.model.Seeds;
import io.syndata.schema.Column;
import io.syndata.schema.ColumnKind;
import io.syndata.schema.ColumnKinds;
import io.syndata.schema.DataType;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import net.datafaker.Faker;

/**
 * Replaces the personal columns of a masked table ({@link io.syndata.schema.TableMode#MASK}) with
 * fakes of their kind. A fake is a function of the run's seed, the column's personal-data category
 * and the source value alone, so the same person (the same e-mail, the same name) gets the same
 * fake in every row and every table of the run, and a different seed gives different fakes. A fake
 * never equals its source value; in a unique column no two source values share one.
 */
final class Masker {
  private static final int ATTEMPTS = 20;

  private final long seed;
  private final Random random = new Random();
  private final Faker faker = new Faker(Locale.ENGLISH, random);

  Masker(long seed) {
    this.seed = seed;
  }

  /** The columns of {@code table} that masking replaces: personal, and not part of any key. */
  static List<Column> maskedColumns(Table table) {
    return table.writtenColumns().stream()
        .filter(c -> c.kind() == ColumnKind.PII)
        .filter(c -> !table.primaryKey().contains(c.name()))
        .filter(c -> table.foreignKeys().stream().noneMatch(fk -> fk.columns().contains(c.name())))
        .toList();
  }

  /**
   * Masks {@code values[c][r]} in place, for every masked column {@code c} of the written columns
   * {@code names}.
   */
  void mask(Table table, List<String> names, Object[][] values, int rows) {
    for (Column c : maskedColumns(table)) {
      int at = names.indexOf(c.name());
      if (at < 0) {
        continue;
      }
      String pii =
          c.pii()
              .or(() -> ColumnKinds.piiOf(c.name()))
              .filter(ColumnKinds.PII_CATEGORIES::contains)
              .orElse("");
      boolean unique = table.isUniqueColumn(c.name());
      Map<Object, Object> fakes = new HashMap<>();
      Set<Object> used = new HashSet<>();
      for (int r = 0; r < rows; r++) {
        Object v = values[at][r];
        if (v == null) {
          continue;
        }
        Object fake = fakes.get(v);
        if (fake == null) {
          fake = fresh(table, c, pii, v, unique ? used : null);
          fakes.put(v, fake);
          used.add(fake);
        }
        values[at][r] = fake;
      }
    }
  }

  /** A fake for source value {@code v} that differs from it and, if asked, from {@code used}. */
  private Object fresh(Table table, Column c, String pii, Object v, Set<Object> used) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      random.setSeed(Seeds.derive(seed, "mask", pii, String.valueOf(v), "" + attempt));
      Object fake = fake(table, c, pii, v);
      if (!Objects.equals(fake, v) && (used == null || !used.contains(fake))) {
        return fake;
      }
    }
    throw new SynthException(
        "column "
            + table.name()
            + "."
            + c.name()
            + ": found no fake for a masked value that differs from it and from the others; "
            + "synthesize the table instead of masking it");
  }

  private Object fake(Table table, Column c, String pii, Object v) {
    if (c.type() == DataType.STRING && v instanceof String s) {
      String fake = pii.isEmpty() ? reshape(s) : PiiModel.fake(pii, faker);
      int max = c.length() > 0 ? c.length() : Integer.MAX_VALUE;
      return fake.length() > max ? fake.substring(0, max) : fake;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short) {
      long x = ((Number) v).longValue();
      long digits = Math.max(1, String.valueOf(Math.abs(x)).length());
      long bound = (long) Math.pow(10, Math.min(digits, 18));
      long fake = Math.floorMod(random.nextLong(), bound);
      return v instanceof Long ? fake : v instanceof Integer ? (Object) (int) fake : (short) fake;
    }
    if (v instanceof java.time.LocalDate d) {
      // A birth date moved by up to half a year either way keeps ages roughly right.
      return d.plusDays(random.nextInt(365) - 182);
    }
    throw new SynthException(
        "column "
            + table.name()
            + "."
            + c.name()
            + " is personal but of type "
            + c.type()
            + ", which masking cannot fake: mark it not personal in the schema file, or "
            + "synthesize the table");
  }

  /** A string of the value's shape: letters for letters, digits for digits, the rest kept. */
  private String reshape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (Character.isUpperCase(ch)) {
        sb.append((char) ('A' + random.nextInt(26)));
      } else if (Character.isLetter(ch)) {
        sb.append((char) ('a' + random.nextInt(26)));
      } else if (Character.isDigit(ch)) {
        sb.append((char) ('0' + random.nextInt(10)));
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }
}
