package io.syndata.model.fit;

import io.syndata.schema.ColumnKinds;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import net.datafaker.Faker;

/**
 * Personal data replaced by fakes of the same kind (Datafaker, seeded from the sampling generator),
 * truncated to the column's maximum length; unknown kinds fall back to the column's text shape.
 */
public final class PiiModel implements TextGenerator {
  final String pii;
  final TextModel shape;

  PiiModel(String pii, TextModel shape) {
    this.pii = ColumnKinds.PII_CATEGORIES.contains(pii) ? pii : "";
    this.shape = shape;
  }

  @Override
  public void generate(String[] out, int n, SplittableRandom random) {
    if (pii.isEmpty()) {
      shape.generate(out, n, random);
      return;
    }
    Faker faker = new Faker(Locale.ENGLISH, new Random(random.nextLong()));
    for (int r = 0; r < n; r++) {
      if (random.nextDouble() < shape.nullRate) {
        out[r] = null;
        continue;
      }
      String v = fake(pii, faker);
      out[r] = v.length() > shape.maxLength ? v.substring(0, shape.maxLength) : v;
    }
  }

  /** Whether the fakes depend on the row's country: phone numbers and street addresses. */
  public boolean isLocal() {
    return pii.equals("phone") || pii.equals("street_address");
  }

  /**
   * As {@link #generate(String[], int, SplittableRandom)}, each row's fake made in the locale of
   * its country where {@code countries[r]} names a known one (a German row gets a German phone
   * number and street), so the address block of a row agrees with itself.
   */
  public void generate(String[] out, int n, SplittableRandom random, Object[] countries) {
    if (pii.isEmpty() || countries == null) {
      generate(out, n, random);
      return;
    }
    long seed = random.nextLong();
    Faker english = new Faker(Locale.ENGLISH, new Random(seed));
    java.util.Map<Locale, Faker> local = new java.util.HashMap<>();
    for (int r = 0; r < n; r++) {
      if (random.nextDouble() < shape.nullRate) {
        out[r] = null;
        continue;
      }
      Locale place = DomainModel.localeOf(countries[r]);
      Faker faker =
          place == null
              ? english
              : local.computeIfAbsent(place, l -> new Faker(l, new Random(seed ^ l.hashCode())));
      String v = fake(pii, faker);
      out[r] = v.length() > shape.maxLength ? v.substring(0, shape.maxLength) : v;
    }
  }

  /** A fake value of a personal-data category (one of {@code ColumnKinds.PII_CATEGORIES}). */
  static String fake(String pii, Faker faker) {
    return switch (pii) {
      case "email" -> faker.internet().emailAddress();
      case "first_name" -> faker.name().firstName();
      case "last_name" -> faker.name().lastName();
      case "full_name" -> faker.name().fullName();
      case "phone" -> faker.phoneNumber().phoneNumber();
      case "street_address" -> faker.address().streetAddress();
      case "ssn" -> faker.idNumber().ssnValid();
      case "iban" -> faker.finance().iban();
      case "username" -> faker.internet().username();
      default -> throw new IllegalStateException(pii);
    };
  }
}
