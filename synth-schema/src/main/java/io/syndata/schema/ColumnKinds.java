package io.syndata.schema;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules that choose a column's {@link ColumnKind}: first from its name and type, then, once the
 * data has been profiled, from its cardinality. Keys are marked {@link ColumnKind#ID} by {@link
 * Table#withKeyKinds()}.
 */
public final class ColumnKinds {
  /** A string column with at most this many distinct values, each repeated, is categorical. */
  public static final int MAX_CATEGORIES = 500;

  private record PiiRule(Pattern name, String pii) {}

  private static final PiiRule[] PII_RULES = {
    new PiiRule(Pattern.compile("e_?mail(_?address)?"), "email"),
    new PiiRule(Pattern.compile("(first_?name|name_?first|given_?name|forename)"), "first_name"),
    new PiiRule(Pattern.compile("(last_?name|name_?last|surname|family_?name)"), "last_name"),
    // A bare "name" is left out: it names languages, products and cities as often as people.
    new PiiRule(
        Pattern.compile("(full_?name|customer_?name|person_?name|contact_?name|employee_?name)"),
        "full_name"),
    new PiiRule(Pattern.compile("(phone|phone_?number|mobile|telephone|tel|fax)"), "phone"),
    new PiiRule(
        Pattern.compile("(address|street|street_?address|address_?line_?\\d?|addr)"),
        "street_address"),
    new PiiRule(
        Pattern.compile("(ssn|social_?security(_?number)?|national_?id|passport(_?number)?)"),
        "ssn"),
    new PiiRule(
        Pattern.compile("(iban|account_?number|credit_?card(_?number)?|card_?number)"), "iban"),
    new PiiRule(Pattern.compile("(user_?name|login)"), "username"),
  };

  /** The personal-data categories of {@link ColumnKind#PII} columns that have a fake generator. */
  public static final List<String> PII_CATEGORIES =
      List.of(
          "email",
          "first_name",
          "last_name",
          "full_name",
          "phone",
          "street_address",
          "ssn",
          "iban",
          "username");

  private ColumnKinds() {}

  /**
   * Fails when a personal-data category is not one of {@link #PII_CATEGORIES}: an unknown one would
   * silently fall back to regenerating the value's shape.
   */
  public static void checkPii(String pii) {
    if (!PII_CATEGORIES.contains(pii)) {
      throw new SynthException(
          "unknown pii category '" + pii + "': use one of " + String.join(", ", PII_CATEGORIES));
    }
  }

  /** The kind a column gets from its name and type alone. */
  public static ColumnKind defaultKind(String name, DataType type) {
    return switch (type) {
      case BOOLEAN -> ColumnKind.CATEGORICAL;
      case INTEGER, DECIMAL, FLOAT -> ColumnKind.NUMERIC;
      case DATE, TIME, TIMESTAMP, TIMESTAMP_TZ -> ColumnKind.DATETIME;
      case UUID -> ColumnKind.ID;
      case STRING -> piiOf(name).isPresent() ? ColumnKind.PII : ColumnKind.CATEGORICAL;
    };
  }

  /** The personal-data category a column name suggests, for string columns. */
  public static Optional<String> piiOf(String columnName) {
    String normalized =
        columnName
            .replaceAll("([a-z])([A-Z])", "$1_$2")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "_");
    // The whole name first, then its endings at word boundaries, so that compound names
    // (contactLastName, billing_phone) are recognised by their last words.
    List<String> endings = new java.util.ArrayList<>(List.of(normalized));
    for (int i = normalized.indexOf('_'); i >= 0; i = normalized.indexOf('_', i + 1)) {
      endings.add(normalized.substring(i + 1));
    }
    for (String ending : endings) {
      for (PiiRule rule : PII_RULES) {
        if (rule.name().matcher(ending).matches()) {
          return Optional.of(rule.pii());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Refines a string column's kind from its profile: a few values that repeat stay categorical,
   * anything else is text, so that no identifying value is ever copied. A value seen once is as
   * identifying as a name, so a column whose distinct values are mostly seen once is text whatever
   * its size. Other columns keep their kind.
   *
   * @param distinct distinct non-null values seen (may be capped above {@link #MAX_CATEGORIES})
   * @param nonNull non-null values seen
   * @param singletons distinct values seen exactly once (among those counted)
   */
  public static Column refine(Column column, long distinct, long nonNull, long singletons) {
    if (column.kind() != ColumnKind.CATEGORICAL
        || column.type() != DataType.STRING
        || column.format() == ValueFormat.ENUM
        || column.format() == ValueFormat.SET) {
      // labels of an enumeration or set are categories however many: text would not fit the type
      return column;
    }
    boolean categorical =
        distinct <= MAX_CATEGORIES
            && (distinct <= 20 || distinct * 2 <= nonNull)
            && singletons * 2 <= distinct;
    return categorical ? column : column.withKind(ColumnKind.TEXT, Optional.empty());
  }
}
