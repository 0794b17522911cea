package io.syndata.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.data.InMemoryTarget;
import io.syndata.schema.ColumnKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --mask}: the source's rows and keys, with every personal column faked. */
class MaskModeTest {
  static JdbcDataSource source;

  @BeforeAll
  static void create() throws Exception {
    source = new JdbcDataSource();
    source.setURL("jdbc:h2:mem:realism_mask;DB_CLOSE_DELAY=-1");
    try (Connection c = source.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP ALL OBJECTS");
      MusicStore.create(c, 5);
    }
  }

  @Test
  void keepsRowsAndKeysAndFakesEveryPersonalValueTheSameWayForTheSamePerson(@TempDir Path dir)
      throws Exception {
    InMemoryTarget out;
    try (Model model = SynData.from(source).mask("EMPLOYEES", "CUSTOMERS").seed(3).fit()) {
      assertThat(model.schema().table("CUSTOMERS").isMasked()).isTrue();
      assertThat(model.provenance().tableKinds()).containsEntry("CUSTOMERS", "mask");
      Path file = dir.resolve("masked.synth");
      model.save(file);
    }
    // The model file holds the fakes, never the personal values: generating needs no source.
    try (Model loaded = SynData.load(file(dir))) {
      out = loaded.generate().scale(2).toMemory();
    }
    List<List<Object>> real =
        MusicStoreTest.sourceRowsOf(
            source,
            "SELECT customer_id, first_name, last_name, email, country, support_rep_id"
                + " FROM customers ORDER BY customer_id");
    List<String> columns = out.columns("CUSTOMERS");
    List<Object[]> masked = out.rows("CUSTOMERS");
    // Rows and keys are the source's whatever the scale; so are the columns that are not personal.
    assertThat(masked).hasSameSizeAs(real);
    Map<Object, Object[]> byKey = new HashMap<>();
    masked.forEach(r -> byKey.put(((Number) r[columns.indexOf("CUSTOMER_ID")]).intValue(), r));
    Map<Object, Set<Object>> fakesOfFirstName = new HashMap<>();
    Set<Object> realEmails = new HashSet<>();
    real.forEach(r -> realEmails.add(r.get(3)));
    for (List<Object> r : real) {
      Object[] m = byKey.get(r.get(0));
      assertThat(m).as("customer %s", r.get(0)).isNotNull();
      assertThat(m[columns.indexOf("COUNTRY")]).isEqualTo(r.get(4));
      assertThat(((Number) m[columns.indexOf("SUPPORT_REP_ID")]).intValue()).isEqualTo(r.get(5));
      assertThat(m[columns.indexOf("FIRST_NAME")]).isNotNull().isNotEqualTo(r.get(1));
      assertThat(m[columns.indexOf("LAST_NAME")]).isNotNull().isNotEqualTo(r.get(2));
      assertThat(m[columns.indexOf("EMAIL")]).isNotIn(realEmails);
      fakesOfFirstName
          .computeIfAbsent(r.get(1), k -> new HashSet<>())
          .add(m[columns.indexOf("FIRST_NAME")]);
    }
    // The same person (the same source value) gets the same fake in every row.
    assertThat(fakesOfFirstName.values()).allSatisfy(f -> assertThat(f).hasSize(1));
    assertThat(fakesOfFirstName.keySet()).anySatisfy(k -> assertThat(k).isNotNull());
    // Tables that reference masked ones draw the source's keys.
    Set<Object> keys = byKey.keySet();
    assertThat(out.column("INVOICES", "CUSTOMER_ID"))
        .allSatisfy(k -> assertThat(((Number) k).intValue()).isIn(keys));
    assertThat(out.rowCount("INVOICES")).isGreaterThan(real.size());
  }

  private static Path file(Path dir) {
    return dir.resolve("masked.synth");
  }

  @Test
  void anotherSeedGivesOtherFakesAndTheSchemaFileModeWorksLikeTheOption() {
    try (Model a = SynData.from(source).mask("EMPLOYEES", "CUSTOMERS").seed(3).fit();
        Model b = SynData.from(source).mask("EMPLOYEES", "CUSTOMERS").seed(4).fit()) {
      List<Object> first = a.generate().toMemory().column("CUSTOMERS", "EMAIL");
      List<Object> second = b.generate().toMemory().column("CUSTOMERS", "EMAIL");
      assertThat(first).isNotEqualTo(second);
      assertThat(a.schema().table("CUSTOMERS").column("EMAIL").kind()).isEqualTo(ColumnKind.PII);
    }
    assertThat(io.syndata.schema.TableMode.parse("mask"))
        .isEqualTo(io.syndata.schema.TableMode.MASK);
  }
}
