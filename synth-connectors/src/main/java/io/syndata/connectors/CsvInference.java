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

  /** What one pass learns about a column. */
  private static final class Profile {
    final String name;
    long nonNull;
    boolean anyNull;
    int maxLength;
    int maxScale;
    boolean bool = true;
    boolean integer = true;
    boolean number = true;
    boolean uuid = true;
    boolean date = true;
    boolean timestampTz = true;
    boolean timestamp = true;
    boolean time = true;

    /** Distinct raw values, kept only for columns that could be keys. */
    final Set<String> values;

    private Set<Object> typed;

    Profile(String name, boolean keyCandidate) {
      this.name = name;
      this.values = keyCandidate ? new HashSet<>() : null;
    }

    void add(String v) {
      if (v == null) {
        anyNull = true;
        return;
      }
      nonNull++;
      maxLength = Math.max(maxLength, v.length());
      if (values != null) {
        values.add(v);
      }
      bool = bool && (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"));
      integer = integer && INTEGER.matcher(v).matches() && fitsLong(v);
      if (number && (number = NUMBER.matcher(v).matches())) {
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
      uuid = uuid && UUID.matcher(v).matches();
      date = date && DATE.matcher(v).matches() && parses(v, DataType.DATE);
      timestampTz =
          timestampTz && TIMESTAMP_TZ.matcher(v).matches() && parses(v, DataType.TIMESTAMP_TZ);
      timestamp = timestamp && TIMESTAMP.matcher(v).matches() && parses(v, DataType.TIMESTAMP);
      time = time && TIME.matcher(v).matches() && parses(v, DataType.TIME);
    }

    DataType type() {
      if (nonNull == 0) {
        return DataType.STRING;
      }
      return bool
          ? DataType.BOOLEAN
          : integer
              ? DataType.INTEGER
              : number
                  ? DataType.FLOAT
                  : uuid
                      ? DataType.UUID
                      : date
                          ? DataType.DATE
                          : timestampTz
                              ? DataType.TIMESTAMP_TZ
                              : timestamp
                                  ? DataType.TIMESTAMP
                                  : time ? DataType.TIME : DataType.STRING;
    }

    Column column() {
      DataType type = type();
      return new Column(
          name,
          type,
          "",
          type == DataType.STRING ? maxLength : 0,
          0,
          type == DataType.FLOAT ? maxScale : 0,
          anyNull,
          null,
          Optional.empty(),
          false);
    }

    /** The column's distinct values as canonical values. */
    Set<Object> typedValues() {
      if (typed != null) {
        return typed;
      }
      DataType type = type();
      typed = new HashSet<>();
      for (String v : values) {
        typed.add(TextValues.parse(v, type));
      }
      return typed;
    }
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
    List<Table> tables = new ArrayList<>();
    for (Profiled p : profiled) {
      List<Column> columns = p.columns().stream().map(Profile::column).toList();
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
          columns.get(i).add(record.get(i));
        }
        rows++;
      }
      return new Profiled(table, columns, rows);
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw new SynthException("cannot read file " + file + ": " + e.getMessage(), e);
    }
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
