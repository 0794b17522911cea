package io.syndata.model.fit;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import net.datafaker.Faker;

/**
 * Values of a known domain (a country, a city, a job title…) from Datafaker's providers, seeded
 * from the sampling generator and cut to the column's maximum length, so that they look real
 * without copying a source value. Address parts (country, city, state, postal code) come from one
 * place per row: the table model hands every address column of a batch the same place seed, and
 * each row's place — a locale — gives all of them, so a row's city lies in its country.
 */
public final class DomainModel implements TextGenerator {
  /** The places address parts are drawn from: one locale per row. */
  static final List<Locale> PLACES =
      List.of(
          Locale.US,
          Locale.UK,
          Locale.GERMANY,
          Locale.FRANCE,
          Locale.CANADA,
          Locale.ITALY,
          new Locale("es", "ES"),
          new Locale("pt", "BR"),
          new Locale("nl", "NL"),
          new Locale("en", "AU"),
          new Locale("sv", "SE"),
          new Locale("pl", "PL"));

  final String domain;
  final TextModel shape;

  /** The places address parts are drawn from, one locale each. */
  public static List<Locale> places() {
    return PLACES;
  }

  DomainModel(String domain, TextModel shape) {
    this.domain = domain;
    this.shape = shape;
  }

  /** Whether a column's name says it holds countries. */
  public static boolean isCountryColumn(String name) {
    return Domains.ofName(name).filter(Domains.COUNTRY::equals).isPresent();
  }

  /** Whether this column is an address part, which shares its row's place with the others. */
  public boolean isAddress() {
    return Domains.ADDRESS.contains(domain);
  }

  @Override
  public void generate(String[] out, int n, SplittableRandom random) {
    generate(out, n, random, random.nextLong());
  }

  /**
   * Fills {@code out[0..n)}; row {@code r}'s place is a function of {@code placeSeed} and {@code r}
   * alone, so address columns given the same seed agree row by row.
   */
  public void generate(String[] out, int n, SplittableRandom random, long placeSeed) {
    generate(out, n, random, placeSeed, null);
  }

  /**
   * As {@link #generate(String[], int, SplittableRandom, long)}, with each row's country where the
   * row has one from another column: a row whose country names a known locale takes its place
   * there, so a generated city lies in the row's sampled country.
   */
  public void generate(
      String[] out, int n, SplittableRandom random, long placeSeed, Object[] countries) {
    Faker[] fakers = new Faker[PLACES.size()];
    Faker english = new Faker(Locale.ENGLISH, new Random(random.nextLong()));
    java.util.Map<Locale, Faker> localFakers = new java.util.HashMap<>();
    for (int r = 0; r < n; r++) {
      if (random.nextDouble() < shape.nullRate) {
        out[r] = null;
        continue;
      }
      String v;
      if (isAddress()) {
        Locale known = countries == null ? null : localeOf(countries[r]);
        if (known != null) {
          v =
              address(
                  known,
                  localFakers.computeIfAbsent(
                      known, l -> new Faker(l, new Random(placeSeed ^ l.hashCode()))));
        } else {
          int place = (int) Math.floorMod(io.syndata.model.Seeds.mix(placeSeed + r), PLACES.size());
          if (fakers[place] == null) {
            fakers[place] = new Faker(PLACES.get(place), new Random(placeSeed ^ place));
          }
          v = address(PLACES.get(place), fakers[place]);
        }
      } else {
        v =
            switch (domain) {
              case Domains.CURRENCY ->
                  shape.maxLength <= 3 ? english.currency().code() : english.currency().name();
              case Domains.LANGUAGE -> english.nation().language();
              case Domains.COMPANY -> english.company().name();
              case Domains.JOB_TITLE -> english.job().title();
              case Domains.GENRE -> english.music().genre();
              case Domains.PRODUCT -> english.commerce().productName();
              default -> throw new IllegalStateException(domain);
            };
      }
      out[r] = v.length() > shape.maxLength ? v.substring(0, shape.maxLength) : v;
    }
  }

  /** Country names and ISO codes (English), to the locale of that country with its language. */
  private static final java.util.Map<String, Locale> COUNTRIES = countries();

  private static java.util.Map<String, Locale> countries() {
    java.util.Map<String, Locale> out = new java.util.HashMap<>();
    for (Locale l : Locale.getAvailableLocales()) {
      if (l.getCountry().length() != 2 || !l.getVariant().isEmpty() || !l.getScript().isEmpty()) {
        continue;
      }
      Locale place = new Locale(l.getLanguage(), l.getCountry());
      for (String key :
          new String[] {l.getDisplayCountry(Locale.ENGLISH), l.getCountry(), safeIso3(l)}) {
        // The first language listed for a country wins unless it is one of the PLACES.
        out.merge(key.toLowerCase(Locale.ROOT), place, (a, b) -> PLACES.contains(b) ? b : a);
      }
    }
    PLACES.forEach(p -> out.put(p.getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), p));
    out.put("usa", Locale.US);
    out.put("uk", Locale.UK);
    return java.util.Map.copyOf(out);
  }

  private static String safeIso3(Locale l) {
    try {
      return l.getISO3Country();
    } catch (java.util.MissingResourceException e) {
      return l.getCountry();
    }
  }

  /** The locale of a country value, or null when the value names no known country. */
  static Locale localeOf(Object country) {
    return country instanceof String s ? COUNTRIES.get(s.trim().toLowerCase(Locale.ROOT)) : null;
  }

  private String address(Locale place, Faker faker) {
    return switch (domain) {
      case Domains.COUNTRY ->
          shape.maxLength == 2
              ? place.getCountry()
              : shape.maxLength == 3
                  ? place.getISO3Country()
                  : place.getDisplayCountry(Locale.ENGLISH);
      case Domains.CITY -> faker.address().city();
      case Domains.STATE -> faker.address().state();
      case Domains.POSTAL_CODE -> faker.address().zipCode();
      default -> throw new IllegalStateException(domain);
    };
  }
}
