package io.syndata.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.data.Target;
import io.syndata.schema.Column;
import io.syndata.schema.DataType;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.h2.tools.RunScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlFormatTest {
  @TempDir Path dir;

  private Path export(String dialect, int rowsPerInsert) {
    Path out = dir.resolve(dialect);
    ExportOptions options =
        ExportOptions.DEFAULTS
            .with("sql.dialect", dialect)
            .with("sql.rows-per-insert", Integer.toString(rowsPerInsert));
    try (Target target = Exporters.open(List.of("sql"), out, options)) {
      ExportFixture.write(target);
    }
    return out;
  }

  private static String orderBy(Table t) {
    return t.primaryKey().stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", "));
  }

  @Test
  void runsOnH2WithForeignKeysEnforcedAndReadsBackEveryValue() throws Exception {
    Path out = export("h2", 2);
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:sqlexport")) {
      for (String file : List.of("schema.sql", "data.sql")) {
        try (Reader in = Files.newBufferedReader(out.resolve(file), StandardCharsets.UTF_8)) {
          RunScript.execute(c, in);
        }
      }
      ExportFixture.assertSameData(t -> select(c, t));
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
                      + " WHERE CONSTRAINT_TYPE = 'FOREIGN KEY'")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(6);
      }
      try (Statement st = c.createStatement()) {
        assertThatThrownBy(
                () -> st.execute("INSERT INTO \"order_note\" VALUES (900, 4, 9, 'orphan')"))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("Referential integrity");
      }
    }
    // the cycle's key is filled by UPDATEs after every INSERT
    String data = Files.readString(out.resolve("data.sql"));
    assertThat(data.lastIndexOf("insert into")).isLessThan(data.indexOf("update \"dept\""));
  }

  @Test
  void cutsTheDataIntoNumberedFilesThatRunInOrder() throws Exception {
    Path out = dir.resolve("split");
    ExportOptions options =
        ExportOptions.DEFAULTS
            .with("sql.dialect", "h2")
            .with("sql.rows-per-insert", "2")
            .with("sql.rows-per-file", "3");
    try (Target target = Exporters.open(List.of("sql"), out, options)) {
      ExportFixture.write(target);
    }
    List<Path> files;
    try (var list = Files.list(out)) {
      files = list.filter(p -> p.getFileName().toString().startsWith("data-")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(2);
    assertThat(files.get(0).getFileName().toString()).isEqualTo("data-00001.sql");
    assertThat(out.resolve("data.sql")).doesNotExist();
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:sqlsplit")) {
      try (Reader in = Files.newBufferedReader(out.resolve("schema.sql"), StandardCharsets.UTF_8)) {
        RunScript.execute(c, in);
      }
      for (Path file : files) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          RunScript.execute(c, in);
        }
      }
      ExportFixture.assertSameData(t -> select(c, t));
    }
  }

  @Test
  void copyBlocksAreRefusedOutsidePostgresqlNamingTheOption() {
    ExportOptions options =
        ExportOptions.DEFAULTS.with("sql.dialect", "mysql").with("sql.copy", "true");
    assertThatThrownBy(() -> Exporters.open(List.of("sql"), dir.resolve("x"), options))
        .isInstanceOf(SynthException.class)
        .hasMessageStartingWith("sql.copy=true writes PostgreSQL's COPY blocks");
  }

  private static List<Object[]> select(Connection c, Table t) {
    List<Object[]> rows = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT * FROM \"" + t.name() + "\" ORDER BY " + orderBy(t))) {
      while (rs.next()) {
        Object[] row = new Object[t.columns().size()];
        for (int i = 0; i < row.length; i++) {
          Column col = t.columns().get(i);
          row[i] = rs.getObject(col.name(), col.type().javaType());
        }
        rows.add(row);
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    return rows;
  }

  @Test
  void runsOnSqliteWithForeignKeysOnAndKeepsStringsExact() throws Exception {
    Path out = export("sqlite", 500);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("db.sqlite"));
        Statement st = c.createStatement()) {
      st.execute("PRAGMA foreign_keys = ON");
      for (String file : List.of("schema.sql", "data.sql")) {
        for (String statement : statements(Files.readString(out.resolve(file)))) {
          st.execute(statement);
        }
      }
      try (ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
        assertThat(rs.next()).as("foreign-key violations").isFalse();
      }
      List<Object> notes = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("SELECT note FROM sample ORDER BY id")) {
        while (rs.next()) {
          notes.add(rs.getString(1));
        }
      }
      assertThat(notes).containsExactly("plain", "", ExportFixture.TRICKY, ExportFixture.UNICODE);
      List<Object> managers = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("SELECT manager_id FROM dept ORDER BY id")) {
        while (rs.next()) {
          managers.add(rs.getLong(1));
        }
      }
      assertThat(managers).containsExactly(10L, 11L);
      try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"order\"")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(4);
      }
      assertThatThrownBy(() -> st.execute("INSERT INTO emp VALUES (99, 42, NULL)"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("FOREIGN KEY");
    }
  }

  /**
   * Splits a script at semicolons outside quoted literals and identifiers: a reader of our own, so
   * that the test does not trust the writer's line layout.
   */
  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < script.length(); i++) {
      char ch = script.charAt(i);
      current.append(ch);
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        }
      } else if (ch == '\'' || ch == '"' || ch == '`') {
        quote = ch;
      } else if (ch == ';') {
        out.add(current.substring(0, current.length() - 1).trim());
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().trim());
    }
    return out;
  }

  @Test
  void quotesMySqlLiteralsWithBackslashesSafely() throws IOException {
    Path out = export("mysql", 500);
    String data = Files.readString(out.resolve("data.sql"));
    assertThat(data).contains("insert into `order`");
    assertThat(data).contains("pipe\\\\back");
  }

  @Test
  void refusesAnUnknownDialectListingTheKnownOnes() {
    assertThatThrownBy(
            () ->
                Exporters.open(
                    List.of("sql"),
                    dir.resolve("out"),
                    ExportOptions.DEFAULTS.with("sql.dialect", "db2")))
        .isInstanceOf(SynthException.class)
        .hasMessage(
            "unknown SQL dialect db2: choose from postgresql, mysql, mariadb, h2, sqlite, oracle,"
                + " sqlserver");
  }

  @Test
  void refusesACycleInATableWithoutAKeyToUpdateBy() {
    Table log =
        new Table(
            "log",
            Optional.empty(),
            List.of(
                Column.of("id", DataType.INTEGER, true), Column.of("prev", DataType.INTEGER, true)),
            List.of(),
            List.of(List.of("id")),
            List.of(new ForeignKey("fk_prev", List.of("prev"), "log", List.of("id"), false)),
            0);
    try (Target target =
        Exporters.open(List.of("sql"), dir.resolve("out"), ExportOptions.DEFAULTS)) {
      assertThatThrownBy(() -> target.begin(new Schema(List.of(log))))
          .isInstanceOf(SynthException.class)
          .hasMessageContaining("table log has foreign key")
          .hasMessageContaining("no primary or unique key");
    }
  }
}
