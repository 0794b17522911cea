package io.syndata.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.data.Target;
import io.syndata.schema.Column;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.update.Update;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Oracle and SQL Server scripts, which no server here runs: every statement parsed by JSqlParser
 * (an independent SQL parser), the DDL checked against the types, keys and constraints each dialect
 * needs, and the INSERTs and UPDATEs evaluated from the parse trees back into rows that must equal
 * the fixture value by value.
 */
class CommercialSqlTest {
  @TempDir Path dir;

  private Path export(String dialect, int rowsPerInsert) {
    Path out = dir.resolve(dialect + rowsPerInsert);
    ExportOptions options =
        ExportOptions.DEFAULTS
            .with("sql.dialect", dialect)
            .with("sql.rows-per-insert", Integer.toString(rowsPerInsert));
    try (Target target = Exporters.open(List.of("sql"), out, options)) {
      ExportFixture.write(target);
    }
    return out;
  }

  private static List<String> statements(Path file, String terminator) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).endsWith(terminator);
    return Arrays.asList(
        text.substring(0, text.length() - terminator.length()).split(terminator, -1));
  }

  private static Statement parse(String sql) {
    try {
      return CCJSqlParserUtil.parse(sql, p -> p.withSquareBracketQuotation(true));
    } catch (Exception e) {
      throw new AssertionError("JSqlParser cannot parse: " + sql + "\n" + e.getMessage(), e);
    }
  }

  private static String unquote(String identifier) {
    if (identifier.startsWith("[")) {
      return identifier.substring(1, identifier.length() - 1).replace("]]", "]");
    }
    return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
  }

  @Test
  void sqlServerScriptParsesAndHoldsEveryValue() throws IOException {
    Path out = export("sqlserver", 2);
    String schema = Files.readString(out.resolve("schema.sql"));
    assertThat(schema)
        .contains("CREATE TABLE [order] (")
        .contains("[sample_id] BIGINT NOT NULL")
        .contains("PRIMARY KEY ([sample_id], [line_no])")
        .contains("[amount] DECIMAL(30, 3)")
        .contains("[ratio] FLOAT")
        .contains("[flag] BIT")
        .contains("[note] NVARCHAR(MAX)")
        .contains("[at] TIME(7)")
        .contains("[stamp] DATETIME2(7)")
        .contains("[instant] DATETIMEOFFSET(7)")
        .contains("[ref] UNIQUEIDENTIFIER")
        .contains("UNIQUE ([name])")
        .contains(
            "ALTER TABLE [order_note] ADD CONSTRAINT [fk_order_note_sample_id_line_no] FOREIGN KEY"
                + " ([sample_id], [line_no]) REFERENCES [order] ([sample_id], [line_no])")
        .contains("\nGO\n");
    for (String s : statements(out.resolve("schema.sql"), ";\nGO\n")) {
      assertThat(parse(s)).isInstanceOfAny(CreateTable.class, Alter.class);
    }
    String data = Files.readString(out.resolve("data.sql"));
    // unicode in N'' literals; line breaks as NCHAR pieces, so no line of a value reads as GO
    assertThat(data).contains("N'naïve — 日本語 🎉 <tag> & Ω'").contains("NCHAR(10)");
    assertThat(data.lines().filter(l -> l.startsWith("N'") || l.startsWith("new"))).isEmpty();
    assertSameRows(statements(out.resolve("data.sql"), ";\nGO\n"));
  }

  @Test
  void sqlServerInsertsAtMostAThousandRows() {
    CommercialSqlDialect sql = CommercialSqlDialect.of("sqlserver");
    assertThat(sql.maxRowsPerInsert()).isEqualTo(1000);
    Path out = export("sqlserver", 5000); // accepted, and cut to 1,000 per INSERT
    assertThat(out.resolve("data.sql")).exists();
    assertThatThrownBy(
            () ->
                sql.literal(ExportFixture.SAMPLE, ExportFixture.SAMPLE.column("ratio"), Double.NaN))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("table sample, column ratio");
  }

  @Test
  void oracleScriptParsesAndHoldsEveryValue() throws IOException {
    Path out = export("oracle", 2);
    String schema = Files.readString(out.resolve("schema.sql"));
    assertThat(schema)
        .contains("CREATE TABLE \"order\" (")
        .contains("\"sample_id\" NUMBER(19) NOT NULL")
        .contains("PRIMARY KEY (\"sample_id\", \"line_no\")")
        .contains("\"amount\" NUMBER(30, 3)")
        .contains("\"ratio\" BINARY_DOUBLE")
        .contains("\"flag\" NUMBER(1) CHECK (\"flag\" IN (0, 1))")
        .contains("\"note\" CLOB")
        .contains("\"name\" VARCHAR2(1000 CHAR) NOT NULL") // in a unique key: no CLOB
        .contains("\"day\" DATE")
        .contains("\"at\" INTERVAL DAY(0) TO SECOND(6)")
        .contains("\"stamp\" TIMESTAMP(6)")
        .contains("\"instant\" TIMESTAMP(6) WITH TIME ZONE")
        .contains("\"ref\" RAW(16)")
        // Oracle before 12.2 takes names of at most 30 characters
        .contains("ADD CONSTRAINT \"fk_order_note_sample_id_line_n\" FOREIGN KEY");
    for (String s : statements(out.resolve("schema.sql"), ";\n")) {
      // JSqlParser 5.0's grammar lacks these two Oracle column types (both valid Oracle DDL)
      String parsable =
          s.replace("RAW(16)", "VARCHAR(32)")
              .replace("INTERVAL DAY(0) TO SECOND(6)", "VARCHAR(30)");
      assertThat(parse(parsable)).isInstanceOfAny(CreateTable.class, Alter.class);
    }
    String data = Files.readString(out.resolve("data.sql"));
    assertThat(data).contains("INSERT ALL\n  INTO \"dept\"").contains("SELECT 1 FROM DUAL");
    // the script is ASCII whatever the values: UNISTR escapes
    assertThat(data.chars().allMatch(ch -> ch < 0x80)).isTrue();
    assertThat(data).contains("UNISTR('na\\00EFve \\2014 \\65E5\\672C\\8A9E \\D83C\\DF89");
    // JSqlParser has no INSERT ALL: each of its INTO clauses is parsed as an INSERT of its own
    List<String> flat = new ArrayList<>();
    for (String s : statements(out.resolve("data.sql"), ";\n")) {
      if (s.startsWith("INSERT ALL")) {
        assertThat(s).endsWith("\nSELECT 1 FROM DUAL");
        String body =
            s.substring("INSERT ALL".length(), s.length() - "\nSELECT 1 FROM DUAL".length());
        for (String into : body.split("\n  INTO ")) {
          if (!into.isBlank()) {
            flat.add("INSERT INTO " + into);
          }
        }
      } else {
        flat.add(s);
      }
    }
    assertSameRows(flat);
    // one row per INSERT is plain INSERT INTO, parsed whole
    assertSameRows(statements(export("oracle", 1).resolve("data.sql"), ";\n"));
  }

  /** Evaluates the parsed INSERTs and UPDATEs into rows and compares them with the fixture. */
  private static void assertSameRows(List<String> statements) {
    Map<String, List<Object[]>> rows = new HashMap<>();
    for (String s : statements) {
      Statement st = parse(s);
      if (st instanceof Insert insert) {
        Table t = ExportFixture.SCHEMA.table(unquote(insert.getTable().getName()));
        List<Column> columns =
            insert.getColumns().stream().map(c -> t.column(unquote(c.getColumnName()))).toList();
        assertThat(columns).isEqualTo(t.writtenColumns());
        ExpressionList<?> values = insert.getValues().getExpressions();
        List<ExpressionList<?>> tuples = new ArrayList<>();
        if (values instanceof ParenthesedExpressionList<?>) {
          tuples.add(values);
        } else {
          values.forEach(v -> tuples.add((ExpressionList<?>) v));
        }
        for (ExpressionList<?> tuple : tuples) {
          Object[] row = new Object[columns.size()];
          for (int c = 0; c < row.length; c++) {
            row[c] = value(columns.get(c), tuple.get(c));
          }
          rows.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(row);
        }
      } else if (st instanceof Update update) {
        Table t = ExportFixture.SCHEMA.table(unquote(update.getTable().getName()));
        Map<String, Object> key = new HashMap<>();
        Expression where = update.getWhere();
        List<Expression> conditions =
            where instanceof AndExpression and
                ? List.of(and.getLeftExpression(), and.getRightExpression())
                : List.of(where);
        for (Expression e : conditions) {
          EqualsTo eq = (EqualsTo) e;
          String column = unquote(eq.getLeftExpression().toString());
          key.put(column, value(t.column(column), eq.getRightExpression()));
        }
        Object[] target =
            rows.get(t.name()).stream()
                .filter(
                    r ->
                        key.entrySet().stream()
                            .allMatch(
                                k ->
                                    k.getValue()
                                        .equals(r[t.columns().indexOf(t.column(k.getKey()))])))
                .findFirst()
                .orElseThrow();
        update
            .getUpdateSets()
            .forEach(
                set -> {
                  String column = unquote(set.getColumn(0).getColumnName());
                  target[t.columns().indexOf(t.column(column))] =
                      value(t.column(column), set.getValue(0));
                });
      } else {
        throw new AssertionError("not an INSERT or UPDATE: " + s);
      }
    }
    ExportFixture.assertSameData(t -> rows.getOrDefault(t.name(), List.of()));
  }

  /** A literal of the parse tree as the column's Java value. */
  private static Object value(Column c, Expression e) {
    if (e instanceof NullValue) {
      return null;
    }
    if (e instanceof ParenthesedExpressionList<?> p && p.size() == 1) {
      return value(c, (Expression) p.get(0));
    }
    return switch (c.type()) {
      case BOOLEAN -> ((LongValue) e).getValue() == 1;
      case INTEGER -> Long.parseLong(e.toString()); // LongValue, or a SignedExpression: -1
      case DECIMAL -> new BigDecimal(e.toString());
      case FLOAT -> floating(e);
      case STRING -> text(e);
      case DATE -> LocalDate.parse(dateText(e));
      case TIME -> {
        if (e instanceof Function f) { // Oracle: NUMTODSINTERVAL(seconds, 'SECOND')
          assertThat(f.getName()).isEqualTo("NUMTODSINTERVAL");
          BigDecimal seconds = new BigDecimal(f.getParameters().get(0).toString());
          yield LocalTime.ofNanoOfDay(seconds.movePointRight(9).longValueExact());
        }
        yield LocalTime.parse(dateText(e));
      }
      case TIMESTAMP -> LocalDateTime.parse(dateText(e).replace(' ', 'T'));
      case TIMESTAMP_TZ ->
          OffsetDateTime.parse(
              dateText(e), DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS xxx"));
      case UUID -> {
        if (e instanceof Function f) { // Oracle: HEXTORAW('…')
          String hex = text((Expression) f.getParameters().get(0));
          yield new UUID(
              Long.parseUnsignedLong(hex.substring(0, 16), 16),
              Long.parseUnsignedLong(hex.substring(16), 16));
        }
        yield UUID.fromString(text(e));
      }
    };
  }

  private static double floating(Expression e) {
    if (e instanceof SignedExpression s) {
      return (s.getSign() == '-' ? -1 : 1) * floating(s.getExpression());
    }
    if (e instanceof DoubleValue || e instanceof LongValue) {
      return Double.parseDouble(e.toString());
    }
    return switch (e.toString()) {
      case "BINARY_DOUBLE_MAX_NORMAL" -> Double.MAX_VALUE;
      case "BINARY_DOUBLE_INFINITY" -> Double.POSITIVE_INFINITY;
      case "BINARY_DOUBLE_NAN" -> Double.NaN;
      default -> throw new AssertionError("not a floating literal: " + e);
    };
  }

  private static String dateText(Expression e) {
    if (e instanceof DateTimeLiteralExpression d) { // DATE '…', TIMESTAMP '…'
      String v = d.getValue();
      return v.substring(1, v.length() - 1);
    }
    return text(e);
  }

  /** String literals, N'…', UNISTR, NCHAR, TO_CLOB, CAST and the two concatenations. */
  private static String text(Expression e) {
    if (e instanceof ParenthesedExpressionList<?> p && p.size() == 1) {
      return text((Expression) p.get(0));
    }
    if (e instanceof StringValue s) {
      return s.getValue().replace("''", "'");
    }
    if (e instanceof Concat c) {
      return text(c.getLeftExpression()) + text(c.getRightExpression());
    }
    if (e instanceof Addition a) {
      return text(a.getLeftExpression()) + text(a.getRightExpression());
    }
    if (e instanceof CastExpression cast) {
      return text(cast.getLeftExpression());
    }
    if (e instanceof Function f) {
      Expression arg = (Expression) f.getParameters().get(0);
      return switch (f.getName().toUpperCase(java.util.Locale.ROOT)) {
        case "TO_CLOB" -> text(arg);
        case "NCHAR" -> String.valueOf((char) ((LongValue) arg).getValue());
        case "UNISTR" -> unistr(text(arg));
        default -> throw new AssertionError("unexpected function " + f);
      };
    }
    throw new AssertionError("not a string literal: " + e + " (" + e.getClass() + ")");
  }

  private static String unistr(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\\') {
        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
        i += 4;
      } else {
        out.append(s.charAt(i));
      }
    }
    return out.toString();
  }
}
