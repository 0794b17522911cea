package io.syndata.connectors;

import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Infers a schema from CSV files alone, reading each file once.
 *
 * <ul>
 *   <li>Types: the narrowest type every non-null value of a column parses as, in the order boolean
 *       ({@code true}/{@code false}), integer (fits a long), float (scale = most decimals seen),
 *       UUID, date, timestamp with offset, timestamp, time; else string (length = longest value).
 *       Numbers with leading zeros (codes such as {@code 01234}) stay strings. Nullable when any
 *       field is empty.
 *   <li>Primary key: a column named {@code id}, {@code <table>_id} or {@code <table>id} (singular
 *       or plural) whose values are all present and distinct.
 *   <li>Foreign keys: a column named {@code <parent>_id}, {@code <parent>id} or like the parent's
 *       primary key (when that is not just {@code id}), where {@code <parent>} is another table
 *       (singular or plural, any case) with a one-column primary key of the same type that holds
 *       every non-null value of the column. Inferred keys are marked {@link ForeignKey#inferred()}
 *       and logged.
 * </ul>
 */
final class CsvInference {
  private static final Logger LOG = LoggerFactory.getLogger(CsvInference.class);
  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,18})");
  private static final Pattern NUMBER =
      Pattern.compile("-?((0|[1-9]\\d*)(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern TIMESTAMP =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");
  private static final Pattern TIMESTAMP_TZ =
      Pattern.compile(TIMESTAMP.pattern() + "(Z|[+-]\\d{2}(:?\\d{2})?)");
  private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?");

  private CsvInference() {}

  /** The types a column may read as, narrowest first; STRING when none fits. */
  private static final DataType[] CANDIDATES = {
    DataType.BOOLEAN,
    DataType.INTEGER,
    DataType.FLOAT,
    DataType.UUID,
    DataType.DATE,
    DataType.TIMESTAMP_TZ,
    DataType.TIMESTAMP,
    DataType.TIME
  };

  /**
   * The share of a column's values, in percent, that may fail to parse as its type and still leave
   * the column that type (they are then bad values, handled by {@link CsvOptions.BadValues}).
   */
  static final int MAX_BAD_PERCENT = 1;

  private static final int SAMPLES = 3;
  private static final Pattern LEADING_ZERO = Pattern.compile("-?0\\d+");

  /** A value that does not parse as its column's type, and the line it is on. */
  record BadValue(long line, String value) {}

  /** What one pass learns about a column. */
  private static final class Profile {
    final String name;
    long nonNull;
    boolean anyNull;
    int maxLength;
    int maxScale;

    /** Per candidate type: values that do not parse as it, and the first few of them. */
    final long[] misses = new long[CANDIDATES.length];

    final List<List<BadValue>> samples = new ArrayList<>();

    /** A number with leading zeros was seen: a code, so numbers are no type with bad values. */
    boolean code;

    /** Distinct raw values, kept only for columns that could be keys. */
    final Set<String> values;

    private Set<Object> typed;
    private DataType type;

    Profile(String name, boolean keyCandidate) {
      this.name = name;
      this.values = keyCandidate ? new HashSet<>() : null;
      for (int t = 0; t < CANDIDATES.length; t++) {
        samples.add(new ArrayList<>(SAMPLES));
      }
    }

    void add(String v, long line) {
      if (v == null) {
        anyNull = true;
        return;
      }
      nonNull++;
      maxLength = Math.max(maxLength, v.length());
      if (values != null) {
        values.add(v);
      }
      for (int t = 0; t < CANDIDATES.length; t++) {
        if (!matches(CANDIDATES[t], v)) {
          misses[t]++;
          if (samples.get(t).size() < SAMPLES) {
            samples.get(t).add(new BadValue(line, v));
          }
        }
      }
      code = code || (v.length() > 1 && LEADING_ZERO.matcher(v).matches());
      if (NUMBER.matcher(v).matches()) {
        int dot = v.indexOf('.');
        if (dot >= 0) {
          int end = v.length();
          for (int i = dot + 1; i < v.length(); i++) {
            if (v.charAt(i) == 'e' || v.charAt(i) == 'E') {
              end = i;
              break;
            }
          }
          maxScale = Math.max(maxScale, end - dot - 1);
        }
      }
    }

    /**
     * The narrowest type every value parses as; else, when some type fails for at most {@value
     * #MAX_BAD_PERCENT} % of the values, the one that fails least (narrowest among equals); else
     * STRING.
     */
    DataType type() {
      if (type != null) {
        return type;
      }
      if (nonNull == 0) {
        return type = DataType.STRING;
      }
      for (int t = 0; t < CANDIDATES.length; t++) {
        if (misses[t] == 0) {
          return type = CANDIDATES[t];
        }
      }
      int best = -1;
      for (int t = 0; t < CANDIDATES.length; t++) {
        boolean number = CANDIDATES[t] == DataType.INTEGER || CANDIDATES[t] == DataType.FLOAT;
        if (misses[t] * 100 <= nonNull * MAX_BAD_PERCENT
            && !(code && number)
            && (best < 0 || misses[t] < misses[best])) {
          best = t;
        }
      }
      return type = best < 0 ? DataType.STRING : CANDIDATES[best];
    }

    /** Values that do not parse as the column's type. */
    long badCount() {
      int t = java.util.Arrays.asList(CANDIDATES).indexOf(type());
      return t < 0 ? 0 : misses[t];
    }

    List<BadValue> badSamples() {
      int t = java.util.Arrays.asList(CANDIDATES).indexOf(type());
      return t < 0 ? List.of() : samples.get(t);
    }

    Column column(boolean badValuesAsNull) {
      DataType type = type();
      return new Column(
          name,
          type,
          "",
          type == DataType.STRING ? maxLength : 0,
          0,
          type == DataType.FLOAT ? maxScale : 0,
          anyNull || (badValuesAsNull && badCount() > 0),
          null,
          Optional.empty(),
          false);
    }

    /** The column's distinct values as canonical values; bad values are left out. */
    Set<Object> typedValues() {
      if (typed != null) {
        return typed;
      }
      DataType type = type();
      typed = new HashSet<>();
      for (String v : values) {
        if (badCount() == 0 || matches(type, v)) {
          typed.add(TextValues.parse(v, type));
        }
      }
      return typed;
    }
  }

  /** Whether a value reads as a type, as inference understands it (stricter than parsing). */
  private static boolean matches(DataType type, String v) {
    int n = v.length();
    return switch (type) {
      case BOOLEAN -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
      case INTEGER -> n <= 20 && INTEGER.matcher(v).matches() && fitsLong(v);
      case FLOAT -> NUMBER.matcher(v).matches();
      case UUID -> n == 36 && UUID.matcher(v).matches();
      case DATE -> n == 10 && DATE.matcher(v).matches() && parses(v, DataType.DATE);
      case TIMESTAMP_TZ ->
          n >= 17 && TIMESTAMP_TZ.matcher(v).matches() && parses(v, DataType.TIMESTAMP_TZ);
      case TIMESTAMP -> n >= 16 && TIMESTAMP.matcher(v).matches() && parses(v, DataType.TIMESTAMP);
      case TIME -> n >= 8 && TIME.matcher(v).matches() && parses(v, DataType.TIME);
      case STRING, DECIMAL -> true;
    };
  }

  private static boolean fitsLong(String v) {
    try {
      Long.parseLong(v);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean parses(String v, DataType type) {
    try {
      TextValues.parse(v, type);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private record Profiled(String table, List<Profile> columns, long rows) {
    Optional<Profile> find(String lowerName) {
      return columns.stream()
          .filter(p -> p.name.toLowerCase(Locale.ROOT).equals(lowerName))
          .findFirst();
    }
  }

  static Schema infer(Map<String, Path> files, CsvOptions options) {
    List<Profiled> profiled = new ArrayList<>();
    for (Map.Entry<String, Path> e : files.entrySet()) {
      profiled.add(profile(e.getKey(), e.getValue(), options));
    }
    boolean asNull = options.badValues() == CsvOptions.BadValues.NULL;
    for (Profiled p : profiled) {
      for (Profile c : p.columns()) {
        reportBadValues(files.get(p.table()), c, asNull);
      }
    }
    List<Table> tables = new ArrayList<>();
    for (Profiled p : profiled) {
      List<Column> columns = p.columns().stream().map(c -> c.column(asNull)).toList();
      List<String> pk = primaryKey(p).map(c -> List.of(c.name)).orElse(List.of());
      pk.forEach(
          c ->
              LOG.info(
                  "inferred primary key {}({}): its values are present and distinct",
                  p.table(),
                  c));
      tables.add(
          new Table(p.table(), Optional.empty(), columns, pk, List.of(), List.of(), p.rows()));
    }
    List<Table> withKeys = new ArrayList<>();
    for (int i = 0; i < tables.size(); i++) {
      List<ForeignKey> fks = foreignKeys(profiled.get(i), profiled, tables);
      withKeys.add(tables.get(i).withForeignKeys(fks));
    }
    return new Schema(withKeys).map(Table::withKeyKinds);
  }

  private static Profiled profile(String table, Path file, CsvOptions options) {
    try (CSVParser parser = CsvFiles.open(file, options)) {
      List<String> header = CsvFiles.header(parser);
      List<Profile> columns = new ArrayList<>();
      for (String name : header) {
        columns.add(new Profile(name, name.toLowerCase(Locale.ROOT).endsWith("id")));
      }
      long rows = 0;
      for (CSVRecord record : parser) {
        CsvFiles.checkWidth(file, parser, record, header.size());
        for (int i = 0; i < header.size(); i++) {
          columns.get(i).add(record.get(i), parser.getCurrentLineNumber());
        }
        rows++;
      }
      return new Profiled(table, columns, rows);
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw new SynthException("cannot read file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Fails, or with {@code asNull} warns, when a column keeps a type that some of its values do not
   * parse as: one line with the file, column, count and the first bad values with their lines.
   */
  private static void reportBadValues(Path file, Profile c, boolean asNull) {
    long bad = c.badCount();
    if (bad == 0) {
      return;
    }
    StringBuilder where = new StringBuilder();
    for (BadValue v : c.badSamples()) {
      where.append(where.length() == 0 ? "" : ", ");
      where.append("line ").append(v.line()).append(": '").append(v.value()).append('\'');
    }
    String what =
        String.format(
            Locale.ROOT,
            "file %s, column %s: %,d of %,d values %s %s (%s%s)",
            file,
            c.name,
            bad,
            c.nonNull,
            bad == 1 ? "is not" : "are not",
            TextValues.expected(c.type()),
            where,
            bad > c.badSamples().size() ? ", ..." : "");
    if (asNull) {
      LOG.warn("{}; read as null (--bad-values null)", what);
      return;
    }
    throw new SynthException(
        what
            + "; the column reads as "
            + c.type()
            + " because the others are: correct the file, pass --bad-values null to read such"
            + " values as null, or declare the column's type in a schema file (--schema)");
  }

  /** Lower-case singular and plural spellings of a table name. */
  static Set<String> nameForms(String table) {
    String t = table.toLowerCase(Locale.ROOT);
    Set<String> forms = new LinkedHashSet<>(List.of(t, t + "s", t + "es"));
    if (t.endsWith("ies")) {
      forms.add(t.substring(0, t.length() - 3) + "y");
    }
    if (t.endsWith("es")) {
      forms.add(t.substring(0, t.length() - 2));
    }
    if (t.endsWith("s")) {
      forms.add(t.substring(0, t.length() - 1));
    }
    if (t.endsWith("y")) {
      forms.add(t.substring(0, t.length() - 1) + "ies");
    }
    return forms;
  }

  private static Optional<Profile> primaryKey(Profiled p) {
    List<String> candidates = new ArrayList<>(List.of("id"));
    for (String form : nameForms(p.table())) {
      candidates.add(form + "_id");
      candidates.add(form + "id");
    }
    for (String candidate : candidates) {
      Optional<Profile> column = p.find(candidate);
      if (column.isPresent() && isUnique(column.get(), p.rows())) {
        return column;
      }
    }
    return Optional.empty();
  }

  private static boolean isUnique(Profile c, long rows) {
    return rows > 0
        && c.nonNull == rows
        && c.values != null
        && c.values.size() == rows
        && c.typedValues().size() == rows;
  }

  private static List<ForeignKey> foreignKeys(
      Profiled child, List<Profiled> all, List<Table> tables) {
    List<ForeignKey> keys = new ArrayList<>();
    Table childTable = tables.get(all.indexOf(child));
    for (Profile column : child.columns()) {
      if (column.values == null || column.nonNull == 0) {
        continue;
      }
      String name = column.name.toLowerCase(Locale.ROOT);
      for (int i = 0; i < all.size(); i++) {
        Profiled parent = all.get(i);
        Table parentTable = tables.get(i);
        if (parent == child || parentTable.primaryKey().size() != 1) {
          continue;
        }
        String pk = parentTable.primaryKey().get(0);
        if (!namesParent(name, parent.table(), pk)) {
          continue;
        }
        Profile parentKey = parent.find(pk.toLowerCase(Locale.ROOT)).orElseThrow();
        if (column.type() != parentKey.type()
            || !parentKey.typedValues().containsAll(column.typedValues())) {
          continue;
        }
        ForeignKey fk =
            new ForeignKey(
                "fk_" + child.table() + "_" + column.name,
                List.of(column.name),
                parent.table(),
                List.of(pk),
                true);
        LOG.info(
            "inferred foreign key {}: its name points at {} and every value is found there",
            fk.describe(childTable.name()),
            parent.table());
        keys.add(fk);
        break;
      }
    }
    return keys;
  }

  private static boolean namesParent(String column, String parent, String parentKey) {
    for (String form : nameForms(parent)) {
      if (column.equals(form + "_id") || column.equals(form + "id")) {
        return true;
      }
    }
    String pk = parentKey.toLowerCase(Locale.ROOT);
    return !pk.equals("id") && column.equals(pk);
  }
}
