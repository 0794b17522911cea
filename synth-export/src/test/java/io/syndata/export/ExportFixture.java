package io.syndata.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.data.InMemoryTarget;
import io.syndata.data.RowBatch;
import io.syndata.data.Target;
import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One dataset every format is checked against: every data type, NULLs, unicode, quotes, delimiters
 * and line breaks inside strings, a composite key referenced by a composite foreign key, a
 * foreign-key cycle between {@code dept} and {@code emp} (dept.manager_id deferred) and a
 * self-reference (emp.boss_id), written in turns as the generator writes partitions.
 */
final class ExportFixture {
  private ExportFixture() {}

  static final String TRICKY = "comma, \"quote\" 'apos'\nnew line\r\nCRLF\ttab;semi|pipe\\back";
  static final String UNICODE = "naïve — 日本語 🎉 <tag> & Ω";

  static final Table DEPT =
      new Table(
          "dept",
          Optional.empty(),
          List.of(
              Column.of("id", DataType.INTEGER, false),
              Column.of("name", DataType.STRING, false),
              Column.of("manager_id", DataType.INTEGER, true)),
          List.of("id"),
          List.of(List.of("name")),
          List.of(
              new ForeignKey(
                  "fk_dept_manager", List.of("manager_id"), "emp", List.of("id"), false)),
          0);

  static final Table EMP =
      new Table(
          "emp",
          Optional.empty(),
          List.of(
              Column.of("id", DataType.INTEGER, false),
              Column.of("dept_id", DataType.INTEGER, false),
              Column.of("boss_id", DataType.INTEGER, true)),
          List.of("id"),
          List.of(),
          List.of(
              new ForeignKey("fk_emp_dept", List.of("dept_id"), "dept", List.of("id"), false),
              new ForeignKey("fk_emp_boss", List.of("boss_id"), "emp", List.of("id"), false)),
          0);

  static final List<Column> ALL_TYPES =
      List.of(
          Column.of("id", DataType.INTEGER, false),
          Column.of("flag", DataType.BOOLEAN, true),
          Column.of("amount", DataType.DECIMAL, true).withType(DataType.DECIMAL, 0, 30, 3),
          Column.of("ratio", DataType.FLOAT, true),
          Column.of("note", DataType.STRING, true),
          Column.of("day", DataType.DATE, true),
          Column.of("at", DataType.TIME, true),
          Column.of("stamp", DataType.TIMESTAMP, true),
          Column.of("instant", DataType.TIMESTAMP_TZ, true),
          Column.of("ref", DataType.UUID, true),
          Column.of("emp_id", DataType.INTEGER, true));

  static final Table SAMPLE =
      new Table(
          "sample",
          Optional.empty(),
          ALL_TYPES,
          List.of("id"),
          List.of(),
          List.of(new ForeignKey("fk_sample_emp", List.of("emp_id"), "emp", List.of("id"), false)),
          0);

  /** A composite primary key, and a reserved word as its name. */
  static final Table ORDER =
      new Table(
          "order",
          Optional.empty(),
          List.of(
              Column.of("sample_id", DataType.INTEGER, false),
              Column.of("line_no", DataType.INTEGER, false),
              Column.of("qty", DataType.INTEGER, true)),
          List.of("sample_id", "line_no"),
          List.of(),
          List.of(
              new ForeignKey(
                  "fk_order_sample", List.of("sample_id"), "sample", List.of("id"), false)),
          0);

  /** A composite foreign key. */
  static final Table ORDER_NOTE =
      new Table(
          "order_note",
          Optional.empty(),
          List.of(
              Column.of("id", DataType.INTEGER, false),
              Column.of("sample_id", DataType.INTEGER, false),
              Column.of("line_no", DataType.INTEGER, false),
              Column.of("text", DataType.STRING, true)),
          List.of("id"),
          List.of(),
          List.of(
              new ForeignKey(
                  "fk_note_order",
                  List.of("sample_id", "line_no"),
                  "order",
                  List.of("sample_id", "line_no"),
                  false)),
          0);

  static final Schema SCHEMA = new Schema(List.of(DEPT, EMP, SAMPLE, ORDER, ORDER_NOTE));

  static final List<Object[]> SAMPLE_ROWS =
      List.of(
          new Object[] {
            1L,
            true,
            new BigDecimal("12345678901234567890.123"),
            0.1,
            "plain",
            LocalDate.of(2024, 2, 29),
            LocalTime.of(23, 59, 58, 123_000_000),
            LocalDateTime.of(1999, 12, 31, 23, 59, 59, 1_000_000),
            OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
            UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
            10L
          },
          new Object[] {
            2L,
            false,
            new BigDecimal("-0.500"),
            1.0E-12,
            "",
            LocalDate.of(1901, 1, 1),
            LocalTime.MIDNIGHT,
            LocalDateTime.of(2024, 1, 1, 0, 0),
            OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 999_000_000, ZoneOffset.UTC),
            new UUID(0, 0),
            null
          },
          new Object[] {3L, null, null, -123456789.25, TRICKY, null, null, null, null, null, 11L},
          new Object[] {
            4L,
            null,
            new BigDecimal("0.000"),
            Double.MAX_VALUE,
            UNICODE,
            LocalDate.of(2100, 12, 31),
            LocalTime.of(12, 0, 0, 500_000_000),
            LocalDateTime.of(2038, 1, 19, 3, 14, 8),
            OffsetDateTime.of(2000, 6, 15, 12, 30, 0, 0, ZoneOffset.UTC),
            UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"),
            null
          });

  static RowBatch batch(Table table, List<Object[]> rows) {
    return batch(table.name(), table.columns().stream().map(Column::name).toList(), rows);
  }

  static RowBatch batch(String table, List<String> columns, List<Object[]> rows) {
    Object[][] values = new Object[columns.size()][rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < columns.size(); c++) {
        values[c][r] = rows.get(r)[c];
      }
    }
    return new RowBatch(table, columns, values, rows.size());
  }

  /** Writes the dataset the way the generator does, then commits. */
  static void write(Target target) {
    target.begin(SCHEMA);
    target.write(
        batch(
            DEPT,
            List.of(new Object[] {1L, "Sales", null}, new Object[] {2L, "R&D \"lab\"", null})));
    target.write(
        batch(
            EMP,
            List.of(
                new Object[] {10L, 1L, null},
                new Object[] {11L, 2L, null},
                new Object[] {12L, 1L, null})));
    target.write(batch(SAMPLE, SAMPLE_ROWS.subList(0, 2)));
    target.write(
        batch(
            ORDER,
            List.of(
                new Object[] {1L, 1L, 5L},
                new Object[] {1L, 2L, null},
                new Object[] {2L, 1L, 7L})));
    target.write(batch(SAMPLE, SAMPLE_ROWS.subList(2, 4)));
    target.write(batch(ORDER, List.<Object[]>of(new Object[] {3L, 1L, -1L})));
    target.write(
        batch(
            ORDER_NOTE,
            List.of(
                new Object[] {100L, 1L, 2L, UNICODE},
                new Object[] {101L, 3L, 1L, TRICKY},
                new Object[] {102L, 1L, 1L, null})));
    // deferred foreign keys: the cycle dept -> emp and the self-reference emp -> emp
    target.update(
        batch(
            "dept",
            List.of("id", "manager_id"),
            List.of(new Object[] {2L, 11L}, new Object[] {1L, 10L})),
        List.of("id"),
        new long[] {1, 0});
    target.update(
        batch(
            "emp",
            List.of("id", "boss_id"),
            List.of(new Object[] {12L, 10L}, new Object[] {11L, 10L})),
        List.of("id"),
        new long[] {2, 1});
    target.commit();
  }

  /** What every format must hold once read back. */
  static InMemoryTarget expected() {
    InMemoryTarget target = new InMemoryTarget();
    write(target);
    return target;
  }

  /** Same value: decimals numerically, instants as instants, the rest by equals. */
  static boolean same(Object expected, Object actual) {
    if (expected instanceof BigDecimal e && actual instanceof BigDecimal a) {
      return e.compareTo(a) == 0;
    }
    if (expected instanceof OffsetDateTime e && actual instanceof OffsetDateTime a) {
      return e.isEqual(a);
    }
    return java.util.Objects.equals(expected, actual);
  }

  /**
   * Asserts that {@code actual} holds every row of every table, value by value, in write order.
   *
   * @param read the rows of a table as read back, in the table's column order
   */
  static void assertSameData(java.util.function.Function<Table, List<Object[]>> read) {
    InMemoryTarget expected = expected();
    for (Table t : SCHEMA.tables()) {
      List<Object[]> want = expected.rows(t.name());
      List<Object[]> got = read.apply(t);
      assertThat(got).as("rows of " + t.name()).hasSize(want.size());
      for (int r = 0; r < want.size(); r++) {
        for (int c = 0; c < t.columns().size(); c++) {
          Object w = want.get(r)[c];
          Object g = got.get(r)[c];
          assertThat(same(w, g))
              .as(
                  "%s row %d column %s: expected <%s> (%s) but read <%s> (%s)",
                  t.name(),
                  r,
                  t.columns().get(c).name(),
                  w,
                  w == null ? "" : w.getClass().getSimpleName(),
                  g,
                  g == null ? "" : g.getClass().getSimpleName())
              .isTrue();
        }
      }
    }
  }

  /** A value from the text the formats write (ISO-8601 dates and times, plain numbers). */
  static Object parse(DataType type, String text) {
    if (text == null) {
      return null;
    }
    return switch (type) {
      case BOOLEAN -> {
        if (!text.equals("true") && !text.equals("false")) {
          throw new AssertionError("not a boolean: " + text);
        }
        yield Boolean.valueOf(text);
      }
      case INTEGER -> Long.valueOf(text);
      case DECIMAL -> new BigDecimal(text);
      case FLOAT -> Double.valueOf(text);
      case STRING -> text;
      case DATE -> LocalDate.parse(text);
      case TIME -> LocalTime.parse(text);
      case TIMESTAMP -> LocalDateTime.parse(text.replace(' ', 'T'));
      case TIMESTAMP_TZ -> OffsetDateTime.parse(text);
      case UUID -> UUID.fromString(text);
    };
  }
}
