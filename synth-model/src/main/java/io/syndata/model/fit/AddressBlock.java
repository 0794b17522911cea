package io.syndata.model.fit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import net.datafaker.Faker;

/**
 * The address parts of a table's rows — country, state, city — made as one tuple, so that a row's
 * city lies in its state and country: the source's own (country, state, city) combinations that at
 * least k rows hold, drawn with their frequencies among those of the row's country (which the model
 * samples with its dependence on the other columns); where the row's country has no such
 * combination, a city and state of Datafaker's locale for that country. Only parts sampled as
 * categories are replaced: parts generated from their domain already follow the row's country.
 *
 * <p>A table whose primary parent has address parts too (an invoice's billing address, its
 * customer's address) takes its parent's parts in the share of rows where the source's agree, and
 * makes its own in the others.
 */
public final class AddressBlock {
  /** Address parts of a combination, coarsest first. */
  static final List<String> PARTS = List.of(Domains.COUNTRY, Domains.STATE, Domains.CITY);

  /** Distinct combinations counted while scanning; later new ones are rare and not counted. */
  static final int MAX_COMBINATIONS = 200_000;

  /** Per part of {@link #PARTS}: the column holding it, or null. */
  final String[] columns;

  final List<String[]> combinations;
  final long[] counts;

  /** Per part: the primary parent's column holding it, or null. */
  final String[] parentColumns;

  /** Share of rows whose parts all equal their parent row's, in the source. */
  final double fromParent;

  private final Map<String, int[]> byCountry = new HashMap<>();

  AddressBlock(
      String[] columns,
      List<String[]> combinations,
      long[] counts,
      String[] parentColumns,
      double fromParent) {
    this.columns = columns;
    this.parentColumns = parentColumns;
    this.fromParent = fromParent;
    this.combinations = List.copyOf(combinations);
    this.counts = counts;
    for (int c = 0; c < combinations.size(); c++) {
      String country = key(combinations.get(c)[0]);
      int[] at = byCountry.getOrDefault(country, new int[0]);
      at = Arrays.copyOf(at, at.length + 1);
      at[at.length - 1] = c;
      byCountry.put(country, at);
    }
  }

  private static String key(String country) {
    return country == null ? "" : country.trim().toLowerCase(Locale.ROOT);
  }

  /** The columns of the block, by part; null for a part the table lacks. */
  public List<String> columns() {
    return Arrays.asList(columns);
  }

  /**
   * The address columns of a table named as countries, states and cities: at least two of them, one
   * column per part, else null.
   */
  static String[] columnsOf(Table table) {
    String[] out = new String[PARTS.size()];
    int found = 0;
    for (Column c : table.writtenColumns()) {
      if (c.type() != DataType.STRING) {
        continue;
      }
      int part = Domains.ofName(c.name()).map(PARTS::indexOf).orElse(-1);
      if (part >= 0 && out[part] == null) {
        out[part] = c.name();
        found++;
      }
    }
    return found >= 2 ? out : null;
  }

  /** Counts the combinations of a table's address columns over every scanned row. */
  static final class Learner {
    final String[] columns;
    final String[] parentColumns = new String[PARTS.size()];
    private final Map<List<String>, Long> counts = new HashMap<>();
    private long compared;
    private long same;

    Learner(String[] columns) {
      this.columns = columns;
    }

    /** Whether a row's parts all equal its parent row's. */
    void observeParent(boolean equal) {
      compared++;
      same += equal ? 1 : 0;
    }

    /** One row's parts, in {@link #PARTS} order (null where the table lacks the part). */
    void observe(String[] parts) {
      List<String> key = Arrays.asList(parts);
      if (counts.containsKey(key) || counts.size() < MAX_COMBINATIONS) {
        counts.merge(key, 1L, Long::sum);
      }
    }

    /** The block of the combinations that at least {@code minCount} rows hold. */
    AddressBlock model(int minCount) {
      TreeMap<String, Long> sorted = new TreeMap<>();
      Map<String, String[]> byKey = new HashMap<>();
      counts.forEach(
          (parts, n) -> {
            if (n >= minCount) {
              String k = String.join("\u0000", parts.stream().map(String::valueOf).toList());
              sorted.put(k, n);
              byKey.put(k, parts.toArray(String[]::new));
            }
          });
      List<String[]> combinations = new ArrayList<>();
      long[] n = new long[sorted.size()];
      int i = 0;
      for (Map.Entry<String, Long> e : sorted.entrySet()) {
        combinations.add(byKey.get(e.getKey()));
        n[i++] = e.getValue();
      }
      return new AddressBlock(
          columns,
          combinations,
          n,
          parentColumns.clone(),
          compared == 0 ? 0 : same / (double) compared);
    }
  }

  /** Per part: where the parent's value is among {@code parentNames}, -1 for none. */
  private int[] fromParentAt(List<String> parentNames, int parentColumnCount) {
    int[] fromAt = new int[PARTS.size()];
    java.util.Arrays.fill(fromAt, -1);
    boolean any = false;
    for (int p = 0; p < fromAt.length; p++) {
      if (parentColumns[p] != null && columns[p] != null) {
        int at = parentColumnCount == 0 ? -1 : parentNames.indexOf(parentColumns[p]);
        if (at < 0) {
          // All of the shared parts come from the parent row, or none: half would not agree.
          return null;
        }
        fromAt[p] = at;
        any = true;
      }
    }
    return any ? fromAt : null;
  }

  /**
   * Which rows take their parent row's address parts: each with the source's share, where the
   * parent's parts are known to the model (it conditions on them).
   */
  public boolean[] inherited(
      int n, SplittableRandom random, Object[][] parentValues, List<String> parentNames) {
    boolean[] out = new boolean[n];
    if (fromParent > 0 && fromParentAt(parentNames, parentValues.length) != null) {
      for (int r = 0; r < n; r++) {
        out[r] = random.nextDouble() < fromParent;
      }
    }
    return out;
  }

  /** Copies the parent row's parts into the rows that inherit them. */
  public void copyFromParent(
      Object[][] values,
      List<String> names,
      boolean[] inherited,
      Object[][] parentValues,
      List<String> parentNames) {
    int[] fromAt = fromParentAt(parentNames, parentValues.length);
    if (fromAt == null) {
      return;
    }
    for (int p = 0; p < fromAt.length; p++) {
      int c = columns[p] == null ? -1 : names.indexOf(columns[p]);
      if (fromAt[p] < 0 || c < 0) {
        continue;
      }
      for (int r = 0; r < inherited.length; r++) {
        if (inherited[r]) {
          values[c][r] = parentValues[fromAt[p]][r];
        }
      }
    }
  }

  /**
   * Makes the rows' address parts agree: {@code values[i]} is attribute column {@code names[i]},
   * and {@code sampled[i]} says whether it was sampled as categories (and may be replaced). Rows
   * that {@code inherited} their parent's parts keep those and make only the others.
   */
  public void apply(
      Object[][] values,
      List<String> names,
      boolean[] sampled,
      int n,
      SplittableRandom random,
      boolean[] inherited,
      List<String> parentNames) {
    int[] fromAt = fromParentAt(parentNames, 1);
    int[] at = new int[PARTS.size()];
    boolean any = false;
    for (int p = 0; p < at.length; p++) {
      at[p] = columns[p] == null ? -1 : names.indexOf(columns[p]);
      if (p > 0 && at[p] >= 0 && sampled[at[p]]) {
        any = true;
      }
    }
    if (!any) {
      return;
    }
    Map<Locale, Faker> fakers = new HashMap<>();
    long fakerSeed = random.nextLong();
    int[] all = java.util.stream.IntStream.range(0, combinations.size()).toArray();
    for (int r = 0; r < n; r++) {
      boolean[] own = new boolean[at.length];
      for (int p = 1; p < at.length; p++) {
        own[p] =
            at[p] >= 0 && sampled[at[p]] && !(inherited[r] && fromAt != null && fromAt[p] >= 0);
      }
      Object country = at[0] >= 0 ? values[at[0]][r] : null;
      int[] candidates =
          at[0] >= 0 ? byCountry.getOrDefault(key((String) country), new int[0]) : all;
      if (country == null && at[0] >= 0) {
        continue;
      }
      if (candidates.length > 0) {
        String[] chosen = combinations.get(candidates[pick(candidates, random)]);
        for (int p = 1; p < at.length; p++) {
          if (own[p]) {
            values[at[p]][r] = chosen[p];
          }
        }
        continue;
      }
      Locale place = DomainModel.localeOf(country);
      if (place == null) {
        continue;
      }
      Faker faker =
          fakers.computeIfAbsent(place, l -> new Faker(l, new Random(fakerSeed ^ l.hashCode())));
      for (int p = 1; p < at.length; p++) {
        if (own[p] && values[at[p]][r] != null) {
          values[at[p]][r] =
              PARTS.get(p).equals(Domains.STATE) ? faker.address().state() : faker.address().city();
        }
      }
    }
  }

  private int pick(int[] candidates, SplittableRandom random) {
    long total = 0;
    for (int c : candidates) {
      total += counts[c];
    }
    long u = random.nextLong(total);
    for (int i = 0; i < candidates.length; i++) {
      u -= counts[candidates[i]];
      if (u < 0) {
        return i;
      }
    }
    return candidates.length - 1;
  }

  /** The block as JSON: its columns by part, and the combinations with their row counts. */
  public ObjectNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode node = f.objectNode();
    ArrayNode cols = node.putArray("columns");
    Arrays.stream(columns).forEach(cols::add);
    ArrayNode combos = node.putArray("combinations");
    for (String[] c : combinations) {
      ArrayNode row = combos.addArray();
      Arrays.stream(c).forEach(row::add);
    }
    ArrayNode n = node.putArray("counts");
    Arrays.stream(counts).forEach(n::add);
    ArrayNode parents = node.putArray("parentColumns");
    Arrays.stream(parentColumns).forEach(parents::add);
    node.put("fromParent", fromParent);
    return node;
  }

  public static AddressBlock fromJson(JsonNode node) {
    JsonNode cols = FitJson.need(node, "columns");
    JsonNode combos = FitJson.need(node, "combinations");
    JsonNode n = FitJson.need(node, "counts");
    if (cols.size() != PARTS.size() || combos.size() != n.size()) {
      throw new SynthException("an address block needs " + PARTS + " and a count per combination");
    }
    String[] columns = new String[PARTS.size()];
    for (int p = 0; p < columns.length; p++) {
      columns[p] = cols.get(p).isNull() ? null : cols.get(p).asText();
    }
    List<String[]> combinations = new ArrayList<>();
    long[] counts = new long[n.size()];
    for (int c = 0; c < counts.length; c++) {
      JsonNode row = combos.get(c);
      if (row.size() != PARTS.size()) {
        throw new SynthException("address combination " + c + " has " + row.size() + " parts");
      }
      String[] parts = new String[PARTS.size()];
      for (int p = 0; p < parts.length; p++) {
        parts[p] = row.get(p).isNull() ? null : row.get(p).asText();
      }
      combinations.add(parts);
      counts[c] = n.get(c).asLong();
      if (counts[c] < 1) {
        throw new SynthException("address combination " + c + " has no rows");
      }
    }
    JsonNode parents = FitJson.need(node, "parentColumns");
    if (parents.size() != PARTS.size()) {
      throw new SynthException("an address block needs a parent column per part of " + PARTS);
    }
    String[] parentColumns = new String[PARTS.size()];
    for (int p = 0; p < parentColumns.length; p++) {
      parentColumns[p] = parents.get(p).isNull() ? null : parents.get(p).asText();
    }
    double fromParent = FitJson.number(FitJson.need(node, "fromParent"));
    if (!(fromParent >= 0 && fromParent <= 1)) {
      throw new SynthException("an address block's share from the parent must be in [0, 1]");
    }
    return new AddressBlock(columns, combinations, counts, parentColumns, fromParent);
  }
}
