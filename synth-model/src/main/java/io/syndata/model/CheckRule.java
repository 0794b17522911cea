package io.syndata.model;

import io.syndata.schema.Column;
import io.syndata.schema.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One simple condition of a CHECK constraint, read from the text a database prints for it: a column
 * compared with a constant ({@code price >= 0}), a range ({@code BETWEEN}), a list ({@code IN (…)},
 * PostgreSQL's {@code = ANY (ARRAY[…])}) or two columns compared ({@code ends_at > starts_at}).
 * Conditions joined by AND are read one by one; anything else (OR, functions, arithmetic) is not
 * understood and left to the database, which then refuses a violating row.
 */
sealed interface CheckRule {

  /** {@code column op constant}. */
  record Bound(String column, String op, Object constant) implements CheckRule {}

  /** {@code column IN (values)}. */
  record OneOf(String column, List<Object> values) implements CheckRule {}

  /** {@code column BETWEEN low AND high}. */
  record Between(String column, Object low, Object high) implements CheckRule {}

  /** {@code left op right}, two columns. */
  record Compare(String left, String op, String right) implements CheckRule {}

  Pattern CAST =
      Pattern.compile("::\\s*\"?[a-zA-Z_][a-zA-Z0-9_ ]*\"?(\\(\\d+(,\\s*\\d+)?\\))?(\\[\\])?");
  Pattern IDENT = Pattern.compile("[\"`\\[]?([A-Za-z_][A-Za-z0-9_$]*)[\"`\\]]?");
  Pattern COMPARE = Pattern.compile("^(.+?)\\s*(<=|>=|<>|!=|=|<|>)\\s*(.+)$", Pattern.DOTALL);
  Pattern BETWEEN =
      Pattern.compile("^(.+?)\\s+between\\s+(.+?)\\s+and\\s+(.+)$", Pattern.CASE_INSENSITIVE);
  Pattern IN = Pattern.compile("^(.+?)\\s+in\\s*\\((.*)\\)$", Pattern.CASE_INSENSITIVE);
  Pattern ANY =
      Pattern.compile(
          "^(.+?)\\s*=\\s*any\\s*\\(\\s*\\(?\\s*array\\s*\\[(.*)\\]\\s*\\)?\\s*\\)$",
          Pattern.CASE_INSENSITIVE);

  /** The rules a table's CHECK constraints state in simple forms, over the given columns. */
  static List<CheckRule> of(Table table) {
    List<CheckRule> rules = new ArrayList<>();
    for (var check : table.checks()) {
      for (String part : conjuncts(normalize(check.condition()))) {
        parse(table, part).ifPresent(rules::add);
      }
    }
    return rules;
  }

  /** Drops casts and the outer parentheses databases add. */
  static String normalize(String condition) {
    String s = CAST.matcher(condition.trim()).replaceAll("");
    return unwrap(s.trim());
  }

  private static String unwrap(String s) {
    while (s.startsWith("(") && s.endsWith(")") && closes(s) == s.length() - 1) {
      s = s.substring(1, s.length() - 1).trim();
    }
    return s;
  }

  /** Where the parenthesis opened at 0 closes, -1 when it does not; quotes respected. */
  private static int closes(String s) {
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\'') {
        quoted = !quoted;
      } else if (!quoted && ch == '(') {
        depth++;
      } else if (!quoted && ch == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Splits on top-level AND (outside parentheses, quotes and BETWEEN … AND). */
  static List<String> conjuncts(String s) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    boolean between = false;
    String lower = s.toLowerCase(Locale.ROOT);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\'') {
        quoted = !quoted;
      } else if (!quoted && ch == '(') {
        depth++;
      } else if (!quoted && ch == ')') {
        depth--;
      } else if (!quoted && depth == 0 && word(lower, i, "between")) {
        between = true;
      } else if (!quoted && depth == 0 && word(lower, i, "and")) {
        if (between) {
          between = false;
        } else {
          parts.add(unwrap(s.substring(start, i).trim()));
          start = i + 3;
        }
      }
    }
    parts.add(unwrap(s.substring(start).trim()));
    return parts;
  }

  private static boolean word(String s, int i, String w) {
    return s.startsWith(w, i)
        && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))
        && (i + w.length() == s.length() || !Character.isLetterOrDigit(s.charAt(i + w.length())));
  }

  private static Optional<CheckRule> parse(Table table, String part) {
    if (part.toLowerCase(Locale.ROOT).matches(".*\\b(or|not|like|is)\\b.*")) {
      return Optional.empty();
    }
    Matcher m = ANY.matcher(part);
    if (m.matches()) {
      return column(table, m.group(1)).flatMap(c -> oneOf(c, m.group(2)));
    }
    Matcher in = IN.matcher(part);
    if (in.matches()) {
      return column(table, in.group(1)).flatMap(c -> oneOf(c, in.group(2)));
    }
    Matcher between = BETWEEN.matcher(part);
    if (between.matches()) {
      Optional<Column> c = column(table, between.group(1));
      Optional<Object> low = c.flatMap(col -> constant(col, between.group(2)));
      Optional<Object> high = c.flatMap(col -> constant(col, between.group(3)));
      if (c.isPresent() && low.isPresent() && high.isPresent()) {
        return Optional.of(new Between(c.get().name(), low.get(), high.get()));
      }
      return Optional.empty();
    }
    Matcher cmp = COMPARE.matcher(part);
    if (!cmp.matches()) {
      return Optional.empty();
    }
    String op = cmp.group(2).equals("!=") ? "<>" : cmp.group(2);
    Optional<Column> left = column(table, cmp.group(1));
    Optional<Column> right = column(table, cmp.group(3));
    if (left.isPresent() && right.isPresent()) {
      return Optional.of(new Compare(left.get().name(), op, right.get().name()));
    }
    if (left.isPresent()) {
      return constant(left.get(), cmp.group(3)).map(v -> new Bound(left.get().name(), op, v));
    }
    if (right.isPresent()) {
      return constant(right.get(), cmp.group(1))
          .map(v -> new Bound(right.get().name(), flip(op), v));
    }
    return Optional.empty();
  }

  private static String flip(String op) {
    return switch (op) {
      case "<" -> ">";
      case ">" -> "<";
      case "<=" -> ">=";
      case ">=" -> "<=";
      default -> op;
    };
  }

  private static Optional<Column> column(Table table, String text) {
    Matcher m = IDENT.matcher(unwrap(text.trim()));
    if (!m.matches()) {
      return Optional.empty();
    }
    String name = m.group(1);
    return table.columns().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .or(
            () ->
                table.columns().stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst());
  }

  private static Optional<CheckRule> oneOf(Column c, String list) {
    List<Object> values = new ArrayList<>();
    for (String item : splitList(list)) {
      Optional<Object> v = constant(c, item);
      if (v.isEmpty()) {
        return Optional.empty();
      }
      values.add(v.get());
    }
    return values.isEmpty() ? Optional.empty() : Optional.of(new OneOf(c.name(), values));
  }

  private static List<String> splitList(String list) {
    List<String> items = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < list.length(); i++) {
      char ch = list.charAt(i);
      if (ch == '\'') {
        quoted = !quoted;
      } else if (ch == ',' && !quoted) {
        items.add(list.substring(start, i).trim());
        start = i + 1;
      }
    }
    if (!list.isBlank()) {
      items.add(list.substring(start).trim());
    }
    return items;
  }

  /** A literal as a value of the column's type; empty when it is not a plain literal. */
  static Optional<Object> constant(Column c, String text) {
    String t = unwrap(text.trim());
    boolean quoted = t.length() >= 2 && t.startsWith("'") && t.endsWith("'");
    String v = quoted ? t.substring(1, t.length() - 1).replace("''", "'") : t;
    try {
      return Optional.of(
          switch (c.type()) {
            case INTEGER ->
                new BigDecimal(v).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
            case DECIMAL -> new BigDecimal(v);
            case FLOAT -> Double.parseDouble(v);
            case DATE -> LocalDate.parse(v);
            case TIME -> LocalTime.parse(v);
            case TIMESTAMP -> LocalDateTime.parse(v.replace(' ', 'T'));
            case TIMESTAMP_TZ -> OffsetDateTime.parse(v.replace(' ', 'T'));
            case STRING -> {
              if (!quoted) {
                throw new IllegalArgumentException("not a string literal");
              }
              yield v;
            }
            case BOOLEAN, UUID -> throw new IllegalArgumentException("not compared");
          });
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
