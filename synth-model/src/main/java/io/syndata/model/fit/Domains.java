package io.syndata.model.fit;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import net.datafaker.Faker;

/**
 * Known value domains — countries, cities, states, postal codes, currencies, languages, companies,
 * job titles, genres, product words — and how a column is recognised as one: by its name, split
 * into words (compound and camelCase names included: {@code billing_city}, {@code shipPostalCode}),
 * or by its values, most of which belong to the domain's vocabulary.
 */
final class Domains {
  private Domains() {}

  static final String COUNTRY = "country";
  static final String CITY = "city";
  static final String STATE = "state";
  static final String POSTAL_CODE = "postal_code";
  static final String CURRENCY = "currency";
  static final String LANGUAGE = "language";
  static final String COMPANY = "company";
  static final String JOB_TITLE = "job_title";
  static final String GENRE = "genre";
  static final String PRODUCT = "product";

  /** The domains generated as one place per row, so that they agree with each other. */
  static final Set<String> ADDRESS = Set.of(COUNTRY, CITY, STATE, POSTAL_CODE);

  static final List<String> ALL =
      List.of(
          COUNTRY,
          CITY,
          STATE,
          POSTAL_CODE,
          CURRENCY,
          LANGUAGE,
          COMPANY,
          JOB_TITLE,
          GENRE,
          PRODUCT);

  private record Rule(Pattern words, String domain) {}

  /** Matched against the whole normalised name or any ending of it that starts a word. */
  private static final List<Rule> RULES =
      List.of(
          new Rule(Pattern.compile("(country|country_name|nation|nationality)"), COUNTRY),
          new Rule(Pattern.compile("(city|town|city_name|municipality)"), CITY),
          new Rule(Pattern.compile("(state|province|region|county|state_name)"), STATE),
          new Rule(
              Pattern.compile("(postal_code|postalcode|zip|zip_code|zipcode|postcode|post_code)"),
              POSTAL_CODE),
          new Rule(Pattern.compile("(currency|currency_code|currency_name)"), CURRENCY),
          new Rule(Pattern.compile("(language|lang|language_name)"), LANGUAGE),
          new Rule(
              Pattern.compile("(company|company_name|employer|organization|organisation)"),
              COMPANY),
          new Rule(Pattern.compile("(job_title|job|occupation|profession)"), JOB_TITLE),
          new Rule(Pattern.compile("(genre|genre_name)"), GENRE),
          new Rule(Pattern.compile("(product_name|product|department|category_name)"), PRODUCT));

  /** A column name as lower-case words joined by underscores: {@code ship_postal_code}. */
  static String normalise(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "_")
        .replaceAll("^_|_$", "");
  }

  /** The domain a column's name says, if any: the whole name first, then its shorter endings. */
  static Optional<String> ofName(String columnName) {
    String n = normalise(columnName);
    List<String> endings = new java.util.ArrayList<>(List.of(n));
    for (int i = n.indexOf('_'); i >= 0; i = n.indexOf('_', i + 1)) {
      endings.add(n.substring(i + 1));
    }
    for (String ending : endings) {
      for (Rule rule : RULES) {
        if (rule.words().matcher(ending).matches()) {
          return Optional.of(rule.domain());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A {@code title}, {@code position} or {@code role} column of a table about people (one with a
   * first, last or full name column) is a job title; elsewhere such a column is an album's or a
   * film's title.
   */
  static boolean isJobTitle(io.syndata.schema.Table table, String columnName) {
    if (!Set.of("title", "position", "role").contains(normalise(columnName))) {
      return false;
    }
    return table.columns().stream()
        .anyMatch(
            c ->
                c.pii()
                        .filter(
                            p ->
                                p.equals("first_name")
                                    || p.equals("last_name")
                                    || p.equals("full_name"))
                        .isPresent()
                    || io.syndata.schema.ColumnKinds.piiOf(c.name())
                        .filter(p -> p.endsWith("name"))
                        .isPresent());
  }

  /** Vocabularies for recognising a domain by its values (lower case). */
  private static volatile Map<String, Set<String>> vocabularies;

  static Map<String, Set<String>> vocabularies() {
    Map<String, Set<String>> v = vocabularies;
    if (v == null) {
      Faker faker = new Faker(Locale.ENGLISH, new Random(1));
      v =
          Map.of(
              COUNTRY, draw(f -> f.address().country(), faker),
              CURRENCY, draw(f -> f.currency().name(), faker),
              LANGUAGE, draw(f -> f.nation().language(), faker),
              JOB_TITLE, draw(f -> f.job().title(), faker),
              GENRE, draw(f -> f.music().genre(), faker));
      vocabularies = v;
    }
    return v;
  }

  private static Set<String> draw(Function<Faker, String> provider, Faker faker) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i < 4000; i++) {
      out.add(provider.apply(faker).toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(out);
  }

  /** Counts, while scanning, how many values of a column belong to each vocabulary. */
  static final class Detector {
    private final Map<String, Set<String>> vocabularies = Domains.vocabularies();
    private final String[] names = vocabularies.keySet().stream().sorted().toArray(String[]::new);
    private final long[] hits = new long[names.length];
    private long seen;

    void observe(Object v) {
      if (!(v instanceof String s)) {
        return;
      }
      seen++;
      String key = s.trim().toLowerCase(Locale.ROOT);
      for (int i = 0; i < names.length; i++) {
        if (vocabularies.get(names[i]).contains(key)) {
          hits[i]++;
        }
      }
    }

    /** The domain that at least 70 % of the values (and at least 10 of them) belong to. */
    Optional<String> domain() {
      for (int i = 0; i < names.length; i++) {
        if (hits[i] >= 10 && hits[i] >= 0.7 * seen) {
          return Optional.of(names[i]);
        }
      }
      return Optional.empty();
    }
  }
}
