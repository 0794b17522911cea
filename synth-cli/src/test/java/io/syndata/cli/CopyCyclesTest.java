package io.syndata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** copy and export of a database whose foreign keys form a cycle, and a self-reference. */
class CopyCyclesTest {
  @TempDir Path dir;

  private String source() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("shop") + ";DATABASE_TO_LOWER=TRUE";
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE store (id INT PRIMARY KEY, manager_id INT, city VARCHAR(20))");
      st.execute(
          "CREATE TABLE staff (id INT PRIMARY KEY, store_id INT NOT NULL REFERENCES store(id),"
              + " boss_id INT REFERENCES staff(id), name VARCHAR(20))");
      st.execute("ALTER TABLE store ADD FOREIGN KEY (manager_id) REFERENCES staff(id)");
      st.execute("INSERT INTO store VALUES (1, NULL, 'Lyon'), (2, NULL, 'Oslo')");
      st.execute(
          "INSERT INTO staff VALUES (10, 1, NULL, 'Ann'), (11, 1, 10, 'Bo'), (12, 2, 10, 'Cy')");
      st.execute("UPDATE store SET manager_id = 10 WHERE id = 1");
      st.execute("UPDATE store SET manager_id = 12 WHERE id = 2");
    }
    return url;
  }

  private static List<String> rows(String url, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1) + "," + rs.getString(2));
      }
    }
    return out;
  }

  @Test
  void copyKeepsEveryKeyOfACycleIntoADatabaseCheckingForeignKeys() throws Exception {
    String source = source();
    String target = "jdbc:h2:file:" + dir.resolve("copy") + ";DATABASE_TO_LOWER=TRUE";
    Cli.Result r = Cli.run("copy", "--source", source, "--target", target);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(rows(target, "SELECT id, manager_id FROM store ORDER BY id"))
        .containsExactly("1,10", "2,12");
    assertThat(rows(target, "SELECT id, boss_id FROM staff ORDER BY id"))
        .containsExactly("10,null", "11,10", "12,10");
  }

  @Test
  void exportWritesTheCycleAsTheSourceHasIt() throws Exception {
    Path out = dir.resolve("out");
    Cli.Result r =
        Cli.run(
            "export", "--source", source(), "--target", out.toString(), "--format", "csv,jsonl");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(out.resolve("csv").resolve("store.csv")))
        .isEqualTo("id,manager_id,city\n1,10,\"Lyon\"\n2,12,\"Oslo\"\n");
    assertThat(Files.readString(out.resolve("jsonl").resolve("staff.jsonl")))
        .contains("{\"id\":11,\"store_id\":1,\"boss_id\":10,\"name\":\"Bo\"}");
  }
}
