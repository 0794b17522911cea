package io.syndata.model;

import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.Table;
import io.syndata.schema.ValueFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a generated row must satisfy beyond its columns' own distributions, applied to each row as
 * it is made: the simple CHECK constraints of its table ({@link CheckRule}), repaired by moving a
 * value the least needed (clamped to a bound, a listed value instead of an unlisted one, two
 * compared columns swapped), and full-text vectors derived from the row's text, as a trigger would.
 * Only sampled attribute columns are changed, never keys. Every change is a function of the row, so
 * output stays the same on any thread count.
 */
final class RowRules {
  private static final Set<String> STOP_WORDS =
      Set.of(
          "a", "an", "and", "are", "as", "at", "be", "by", "for", "in", "is", "it", "of", "on",
          "or", "the", "to", "with");

  private final List<CheckRule> rules;
  private final Map<String, Integer> at;
  private final Map<String, Column> columns;
  private final int[] vectors;
  private final int[] texts;

  private RowRules(
      List<CheckRule> rules,
      Map<String, Integer> at,
      Map<String, Column> columns,
      int[] vectors,
      int[] texts) {
    this.rules = rules;
    this.at = at;
    this.columns = columns;
    this.vectors = vectors;
    this.texts = texts;
  }

  /**
   * The rules of a table over the written columns {@code names}, of which those with {@code
   * attribute[c] >= 0} are sampled and may change.
   */
  static RowRules of(Table table, List<String> names, int[] attribute) {
    Map<String, Integer> at = new HashMap<>();
    Map<String, Column> columns = new LinkedHashMap<>();
    List<Integer> vectors = new ArrayList<>();
    List<Integer> texts = new ArrayList<>();
    for (int c = 0; c < names.size(); c++) {
      if (attribute[c] < 0) {
        continue;
      }
      Column column = table.column(names.get(c));
      at.put(column.name(), c);
      columns.put(column.name(), column);
      if (column.format() == ValueFormat.TSVECTOR) {
        vectors.add(c);
      } else if (column.type() == DataType.STRING && column.format() == ValueFormat.PLAIN) {
        texts.add(c);
      }
    }
    List<CheckRule> rules =
        CheckRule.of(table).stream().filter(r -> applies(r, at, columns)).toList();
    return new RowRules(
        rules,
        at,
        columns,
        vectors.stream().mapToInt(Integer::intValue).toArray(),
        texts.stream().mapToInt(Integer::intValue).toArray());
  }

  private static boolean applies(
      CheckRule r, Map<String, Integer> at, Map<String, Column> columns) {
    if (r instanceof CheckRule.Bound b) {
      return at.containsKey(b.column());
    }
    if (r instanceof CheckRule.Between b) {
      return at.containsKey(b.column());
    }
    if (r instanceof CheckRule.OneOf o) {
      return at.containsKey(o.column());
    }
    CheckRule.Compare cmp = (CheckRule.Compare) r;
    return at.containsKey(cmp.left())
        && at.containsKey(cmp.right())
        && columns.get(cmp.left()).type() == columns.get(cmp.right()).type();
  }

  boolean isEmpty() {
    return rules.isEmpty() && vectors.length == 0;
  }

  /** Makes row {@code w} of {@code out[column][row]} satisfy the rules. */
  void apply(Object[][] out, int w) {
    for (CheckRule rule : rules) {
      if (rule instanceof CheckRule.Bound b) {
        int c = at.get(b.column());
        out[c][w] = bound(columns.get(b.column()), out[c][w], b.op(), b.constant());
      } else if (rule instanceof CheckRule.Between b) {
        int c = at.get(b.column());
        Column column = columns.get(b.column());
        out[c][w] = bound(column, bound(column, out[c][w], ">=", b.low()), "<=", b.high());
      } else if (rule instanceof CheckRule.OneOf o) {
        int c = at.get(o.column());
        Object v = out[c][w];
        if (v != null && o.values().stream().noneMatch(x -> compare(v, x) == 0)) {
          Object listed = o.values().get(Math.floorMod(v.hashCode(), o.values().size()));
          out[c][w] = fit(columns.get(o.column()), listed);
        }
      } else if (rule instanceof CheckRule.Compare cmp) {
        swap(out, w, cmp);
      }
    }
    for (int v : vectors) {
      if (out[v][w] != null && texts.length > 0) {
        String vector = tsvector(out, w);
        if (!vector.isEmpty()) {
          out[v][w] = vector;
        }
      }
    }
  }

  /** Two compared columns out of order are swapped; equal ones under {@code <} moved apart. */
  private void swap(Object[][] out, int w, CheckRule.Compare cmp) {
    int l = at.get(cmp.left());
    int r = at.get(cmp.right());
    Object a = out[l][w];
    Object b = out[r][w];
    if (a != null && b != null && cmp.op().equals("=") && compare(a, b) != 0) {
      out[r][w] = a;
      return;
    }
    if (a != null && b != null && !holds(compare(a, b), cmp.op())) {
      out[l][w] = b;
      out[r][w] = a;
      if (!holds(compare(b, a), cmp.op())) {
        Column right = columns.get(cmp.right());
        // left < right: the right one goes up; left > right: it goes down
        out[r][w] = step(right, a, cmp.op().startsWith("<") ? 1 : -1);
      }
    }
  }

  /** The value moved the least to satisfy {@code value op constant}. */
  private static Object bound(Column column, Object value, String op, Object constant) {
    if (value == null) {
      return null;
    }
    int cmp = compare(value, constant);
    if (holds(cmp, op)) {
      return value;
    }
    Object c = fit(column, constant);
    return switch (op) {
      case ">" -> step(column, c, 1);
      case "<" -> step(column, c, -1);
      case "<>" -> step(column, c, 1);
      default -> c;
    };
  }

  private static boolean holds(int cmp, String op) {
    return switch (op) {
      case "<" -> cmp < 0;
      case "<=" -> cmp <= 0;
      case ">" -> cmp > 0;
      case ">=" -> cmp >= 0;
      case "=" -> cmp == 0;
      case "<>" -> cmp != 0;
      default -> true;
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y);
    }
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof Comparable x && a.getClass() == b.getClass()) {
      return x.compareTo(b);
    }
    return Objects.equals(a, b) ? 0 : 1;
  }

  /** A constant in the column's canonical form (a decimal at the column's scale). */
  private static Object fit(Column column, Object constant) {
    if (constant instanceof BigDecimal d && column.scale() > 0 && d.scale() < column.scale()) {
      return d.setScale(column.scale());
    }
    return constant;
  }

  /** The next value of the column's granularity above (+1) or below (-1). */
  private static Object step(Column column, Object v, int direction) {
    if (v instanceof Long x) {
      return x + direction;
    }
    if (v instanceof BigDecimal d) {
      BigDecimal unit = BigDecimal.ONE.movePointLeft(Math.max(column.scale(), d.scale()));
      return direction > 0 ? d.add(unit) : d.subtract(unit);
    }
    if (v instanceof Double d) {
      return direction > 0 ? Math.nextUp(d) : Math.nextDown(d);
    }
    if (v instanceof LocalDate d) {
      return d.plusDays(direction);
    }
    if (v instanceof LocalTime t) {
      return t.plusSeconds(direction);
    }
    if (v instanceof LocalDateTime t) {
      return t.plusSeconds(direction);
    }
    if (v instanceof OffsetDateTime t) {
      return t.plusSeconds(direction);
    }
    return v;
  }

  /**
   * The row's text as PostgreSQL's {@code to_tsvector('simple', …)} would print it, stop words left
   * out: {@code 'lexeme':1,4 'other':2}, lexemes sorted.
   */
  private String tsvector(Object[][] out, int w) {
    Map<String, List<Integer>> positions = new java.util.TreeMap<>();
    int position = 0;
    for (int t : texts) {
      Object v = out[t][w];
      if (v == null) {
        continue;
      }
      for (String word : v.toString().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
        if (word.isEmpty()) {
          continue;
        }
        position++;
        if (!STOP_WORDS.contains(word) && position <= 16_383) {
          positions.computeIfAbsent(word, k -> new ArrayList<>()).add(position);
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    positions.forEach(
        (word, at) -> {
          sb.append(sb.isEmpty() ? "" : " ").append('\'').append(word).append("':");
          for (int i = 0; i < at.size() && i < 256; i++) {
            sb.append(i == 0 ? "" : ",").append(at.get(i));
          }
        });
    return sb.toString();
  }
}
