package io.syndata.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.syndata.data.InMemoryTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Generates the music store with no options and checks what a person opening it would see. */
class MusicStoreTest {
  static JdbcDataSource source;
  static Model model;
  static InMemoryTarget synthetic;

  @BeforeAll
  static void generate() throws Exception {
    source = new JdbcDataSource();
    source.setURL("jdbc:h2:mem:realism_music;DB_CLOSE_DELAY=-1");
    try (Connection c = source.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP ALL OBJECTS");
      MusicStore.create(c, 11);
    }
    model = SynData.from(source).progress(notes).fit();
    synthetic = model.generate().toMemory();
  }

  static final java.util.List<String> noteLines = new java.util.ArrayList<>();
  static final io.syndata.data.Progress notes =
      new io.syndata.data.Progress() {
        @Override
        public void note(String message) {
          noteLines.add(message);
        }
      };

  static java.util.List<java.util.List<Object>> sourceRows(String sql) throws Exception {
    return sourceRowsOf(source, sql);
  }

  static java.util.List<java.util.List<Object>> sourceRowsOf(javax.sql.DataSource from, String sql)
      throws Exception {
    java.util.List<java.util.List<Object>> out = new java.util.ArrayList<>();
    try (Connection c = from.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        java.util.List<Object> row = new java.util.ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.add(rs.getObject(i));
        }
        out.add(row);
      }
    }
    return out;
  }

  static Map<String, Long> sourceCounts() throws Exception {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection c = source.getConnection();
        Statement s = c.createStatement()) {
      for (io.syndata.schema.Table t : model.schema().tables()) {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + t.name() + "\"")) {
          rs.next();
          counts.put(t.name(), rs.getLong(1));
        }
      }
    }
    return counts;
  }

  @Test
  void rowCountsMatchTheSourceWithinTwoPercent() throws Exception {
    Map<String, Long> real = sourceCounts();
    for (Map.Entry<String, Long> e : real.entrySet()) {
      assertThat((double) synthetic.rowCount(e.getKey()))
          .as(e.getKey())
          .isCloseTo(e.getValue(), within(Math.max(1, e.getValue() * 0.02)));
    }
  }

  @Test
  void keepsLookupTablesAsTheyAreWithANote() throws Exception {
    assertThat(model.schema().table("MEDIA_TYPES").isKept()).isTrue();
    assertThat(model.schema().table("GENRES").isKept()).isTrue();
    // Artists have 1.5 albums each, employees a parent of their own, customers personal columns.
    assertThat(model.schema().table("ARTISTS").isKept()).isFalse();
    assertThat(model.schema().table("EMPLOYEES").isKept()).isFalse();
    assertThat(model.schema().table("CUSTOMERS").isKept()).isFalse();
    assertThat(noteLines)
        .anySatisfy(
            n ->
                assertThat(n)
                    .startsWith("table MEDIA_TYPES (5 rows, referenced by TRACKS) is a lookup"));
    java.util.List<java.util.List<Object>> real =
        sourceRows("SELECT media_type_id, name FROM media_types ORDER BY media_type_id");
    java.util.List<java.util.List<Object>> kept = new java.util.ArrayList<>();
    for (Object[] row : synthetic.rows("MEDIA_TYPES")) {
      kept.add(java.util.List.of(((Number) row[0]).intValue(), row[1]));
    }
    assertThat(kept).isEqualTo(real);
  }

  @Test
  void drawsLookupKeysWithTheirFrequenciesAndDependence() {
    Map<Object, Integer> perType = new java.util.HashMap<>();
    java.util.List<String> columns = synthetic.columns("TRACKS");
    int type = columns.indexOf("MEDIA_TYPE_ID");
    int price = columns.indexOf("UNIT_PRICE");
    int videoAtVideoPrice = 0;
    int video = 0;
    int otherAtVideoPrice = 0;
    for (Object[] row : synthetic.rows("TRACKS")) {
      perType.merge(((Number) row[type]).intValue(), 1, Integer::sum);
      if (((Number) row[type]).intValue() == 3) {
        video++;
        videoAtVideoPrice += isVideoPrice(row[price]) ? 1 : 0;
      } else {
        otherAtVideoPrice += isVideoPrice(row[price]) ? 1 : 0;
      }
    }
    assertThat(perType.get(1) / 3500.0).isCloseTo(0.85, within(0.03));
    assertThat(video).isGreaterThan(50);
    // The video type alone is priced 1.99 in the source; drawn as a category, the key keeps much
    // of that dependence (a copula keeps it only in part), where a lookup parent kept none.
    double videoShare = videoAtVideoPrice / (double) video;
    double otherShare = otherAtVideoPrice / (3500.0 - video);
    assertThat(videoShare).isGreaterThan(0.3).isGreaterThan(5 * otherShare);
  }

  private static boolean isVideoPrice(Object price) {
    return new java.math.BigDecimal("1.99").compareTo((java.math.BigDecimal) price) == 0;
  }

  @Test
  void aLookupParentNeverDrivesItsChildrensCountsAtAnyScale() {
    InMemoryTarget doubled = model.generate().scale(2).toMemory();
    assertThat(doubled.rowCount("MEDIA_TYPES")).isEqualTo(5);
    assertThat(doubled.rowCount("GENRES")).isEqualTo(25);
    // Tracks are a root once their lookup parents are kept: they follow the scale.
    assertThat(doubled.rowCount("TRACKS")).isEqualTo(7000);
    assertThat(doubled.rowCount("CUSTOMERS")).isCloseTo(1180, within(24));
    assertThat(model.generate().rows("TRACKS", 1234).toMemory().rowCount("TRACKS")).isEqualTo(1234);
  }

  @Test
  void theSameSeedGivesTheSameRowsOnAnyThreadCount() {
    InMemoryTarget one = model.generate().threads(1).scale(3).toMemory();
    InMemoryTarget four = model.generate().threads(4).scale(3).toMemory();
    for (io.syndata.schema.Table t : model.schema().tables()) {
      assertThat(four.rows(t.name())).as(t.name()).containsExactlyElementsOf(one.rows(t.name()));
    }
  }

  @Test
  void excludeWithCascadeLeavesOutWhatDependsOnTheTableAndSaysSo() {
    assertThatThrownBy(() -> SynData.from(source).exclude("ALBUMS").fit())
        .isInstanceOf(io.syndata.schema.SynthException.class)
        .hasMessageContaining("TRACKS references ALBUMS")
        .hasMessageContaining("INVOICE_LINES references TRACKS")
        .hasMessageContaining("--cascade");
    noteLines.clear();
    try (Model cut = SynData.from(source).exclude("ALBUMS").cascade().progress(notes).fit()) {
      assertThat(cut.schema().tables().stream().map(io.syndata.schema.Table::name))
          .doesNotContain("ALBUMS", "TRACKS", "INVOICE_LINES")
          .contains("ARTISTS", "INVOICES", "MEDIA_TYPES");
      assertThat(noteLines)
          .anySatisfy(
              n -> assertThat(n).contains("--cascade also leaves out TRACKS references ALBUMS"));
    }
  }

  @Test
  void keptRowsTravelInTheModelFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    java.nio.file.Path file = dir.resolve("music.synth");
    model.save(file);
    try (Model loaded = SynData.load(file)) {
      assertThat(loaded.provenance().tableKinds()).containsEntry("MEDIA_TYPES", "keep");
      InMemoryTarget again = loaded.generate().toMemory();
      for (io.syndata.schema.Table t : model.schema().tables()) {
        assertThat(again.rows(t.name()))
            .as(t.name())
            .containsExactlyElementsOf(synthetic.rows(t.name()));
      }
    }
  }

  @Test
  void keepAndSynthesizeOverrideTheDetection() {
    try (Model chosen = SynData.from(source).keep("ARTISTS").synthesize("GENRES").fit()) {
      assertThat(chosen.schema().table("ARTISTS").isKept()).isTrue();
      assertThat(chosen.schema().table("GENRES").isKept()).isFalse();
      assertThat(chosen.generate().scale(0.5).toMemory().rowCount("ARTISTS")).isEqualTo(200);
    }
    assertThatThrownBy(() -> SynData.from(source).keep("ALBUMS").fit())
        .hasMessageContaining("ALBUMS is kept but references ARTISTS, which is synthesized");
  }

  @Test
  void keysKeepTheirTemplatesAndStayUnique() {
    java.util.List<String> columns = synthetic.columns("WEB_ORDERS");
    int key = columns.indexOf("ORDER_KEY");
    int customer = columns.indexOf("CUSTOMER_ID");
    java.util.Set<Object> seen = new java.util.HashSet<>();
    for (Object[] row : synthetic.rows("WEB_ORDERS")) {
      // <customer_id>_<n>, numbered from 1 within each customer as in the source.
      assertThat((String) row[key]).matches(row[customer] + "_[1-9][0-9]*");
      assertThat(seen.add(row[key])).as("unique %s", row[key]).isTrue();
    }
    // Every customer's orders count from 1, as in the source.
    long customers = synthetic.column("WEB_ORDERS", "CUSTOMER_ID").stream().distinct().count();
    assertThat(seen.stream().filter(k -> ((String) k).endsWith("_1")).count()).isEqualTo(customers);
    java.util.List<Object> invoiceNumbers = synthetic.column("INVOICES", "INVOICE_NO");
    assertThat(invoiceNumbers).allSatisfy(n -> assertThat((String) n).matches("INV-2024-\\d{6}"));
    assertThat(new java.util.HashSet<>(invoiceNumbers)).hasSize(invoiceNumbers.size());
  }

  @Test
  void domainColumnsGetValuesOfTheirDomainAndAddressesAgree() {
    java.util.Set<String> countries = new java.util.HashSet<>();
    for (java.util.Locale l : io.syndata.model.fit.DomainModel.places()) {
      countries.add(l.getDisplayCountry(java.util.Locale.ENGLISH));
    }
    java.util.List<String> sourceCountries =
        java.util.Arrays.stream(MusicStore.PLACES).map(p -> p[2]).toList();
    // Employees: 8 rows, every city and country rarer than k = 5 rows: generated, never copied.
    for (Object[] row : synthetic.rows("EMPLOYEES")) {
      java.util.List<String> c = synthetic.columns("EMPLOYEES");
      String country = (String) row[c.indexOf("COUNTRY")];
      String city = (String) row[c.indexOf("CITY")];
      assertThat(country).isIn(countries);
      assertThat(city).isNotBlank().doesNotContainPattern("^[A-Z][a-z]{3}[a-z]* [A-Z][a-z]+al$");
      String title = (String) row[c.indexOf("TITLE")];
      // A title beside first and last names is a job title: words, not letters in a shape.
      assertThat(title)
          .isNotIn((Object[]) MusicStore.JOB_TITLES)
          .matches("[A-Z][a-z]+( [A-Z][A-Za-z-]+)+");
    }
    // Postal codes are generated in the row's country.
    java.util.List<String> ic = synthetic.columns("INVOICES");
    for (Object[] row : synthetic.rows("INVOICES")) {
      if ("USA".equals(row[ic.indexOf("BILLING_COUNTRY")])) {
        assertThat((String) row[ic.indexOf("BILLING_POSTAL_CODE")]).matches("\\d{5}(-\\d{4})?");
      }
    }
    // Customers: countries frequent enough are their own categories, so they are real countries.
    assertThat(synthetic.column("CUSTOMERS", "COUNTRY"))
        .allSatisfy(
            c ->
                assertThat(c == null || sourceCountries.contains(c) || countries.contains(c))
                    .isTrue());
  }

  @Test
  void theAddressPartsOfARowAreOneCombinationOfTheSource() throws Exception {
    // Cities, states and countries of customers and invoices are frequent enough to be sampled as
    // categories; drawn one by one, "London, TX" would come out. Made as one tuple, every row's
    // (city, state, country) is a combination that at least k source rows hold.
    java.util.Map<java.util.List<Object>, Integer> combos = new java.util.HashMap<>();
    for (java.util.List<Object> r : sourceRows("SELECT city, state, country FROM customers")) {
      combos.merge(r, 1, Integer::sum);
    }
    java.util.List<String> c = synthetic.columns("CUSTOMERS");
    int rows = 0;
    for (Object[] row : synthetic.rows("CUSTOMERS")) {
      java.util.List<Object> triple =
          java.util.Arrays.asList(
              row[c.indexOf("CITY")], row[c.indexOf("STATE")], row[c.indexOf("COUNTRY")]);
      assertThat(combos.getOrDefault(triple, 0)).as("%s", triple).isGreaterThanOrEqualTo(5);
      rows++;
    }
    assertThat(rows).isGreaterThan(500);
    java.util.Map<java.util.List<Object>, Integer> billed = new java.util.HashMap<>();
    for (java.util.List<Object> r :
        sourceRows("SELECT billing_city, billing_state, billing_country FROM invoices")) {
      billed.merge(r, 1, Integer::sum);
    }
    java.util.List<String> ic = synthetic.columns("INVOICES");
    for (Object[] row : synthetic.rows("INVOICES")) {
      java.util.List<Object> triple =
          java.util.Arrays.asList(
              row[ic.indexOf("BILLING_CITY")],
              row[ic.indexOf("BILLING_STATE")],
              row[ic.indexOf("BILLING_COUNTRY")]);
      assertThat(billed.getOrDefault(triple, 0)).as("%s", triple).isGreaterThanOrEqualTo(5);
    }
  }

  @Test
  void titlesAddressesAndChecksLookRealOnAnyDatabase() throws Exception {
    // The checks MusicStoreIT runs on the servers and SQLite, here on the H2 target.
    RealismChecks.Query target =
        sql -> {
          java.util.List<java.util.List<Object>> out = new java.util.ArrayList<>();
          String from = sql.replaceAll("(?s).* FROM ([a-z_]+).*", "$1").toUpperCase();
          java.util.List<String> columns = synthetic.columns(from);
          if (sql.contains("COUNT(*)")) {
            String col = sql.contains("unit_price") ? "UNIT_PRICE" : "TOTAL";
            long negative =
                synthetic.column(from, col).stream()
                    .filter(v -> ((java.math.BigDecimal) v).signum() < 0)
                    .count();
            out.add(java.util.List.of(negative));
            return out;
          }
          if (sql.contains("JOIN")) {
            java.util.List<String> cc = synthetic.columns("CUSTOMERS");
            Map<Object, Object[]> byId = new java.util.HashMap<>();
            synthetic.rows("CUSTOMERS").forEach(r -> byId.put(r[cc.indexOf("CUSTOMER_ID")], r));
            for (Object[] i : synthetic.rows("INVOICES")) {
              Object[] c = byId.get(i[columns.indexOf("CUSTOMER_ID")]);
              out.add(
                  java.util.Arrays.asList(
                      c[cc.indexOf("CITY")],
                      c[cc.indexOf("STATE")],
                      c[cc.indexOf("COUNTRY")],
                      i[columns.indexOf("BILLING_CITY")],
                      i[columns.indexOf("BILLING_STATE")],
                      i[columns.indexOf("BILLING_COUNTRY")]));
            }
            return out;
          }
          String[] wanted =
              sql.replaceAll("(?s)SELECT (.*) FROM.*", "$1").toUpperCase().split(",\\s*");
          for (Object[] row : synthetic.rows(from)) {
            java.util.List<Object> picked = new java.util.ArrayList<>();
            for (String w : wanted) {
              picked.add(row[columns.indexOf(w.trim())]);
            }
            out.add(picked);
          }
          return out;
        };
    RealismChecks.check(MusicStoreTest::sourceRows, target);
  }

  @Test
  void anInvoiceBillsItsCustomersAddressAsInTheSource() {
    // Every source invoice bills its customer's city, state and country: so do the synthetic ones.
    java.util.List<String> c = synthetic.columns("CUSTOMERS");
    Map<Object, java.util.List<Object>> home = new java.util.HashMap<>();
    for (Object[] row : synthetic.rows("CUSTOMERS")) {
      home.put(
          row[c.indexOf("CUSTOMER_ID")],
          java.util.Arrays.asList(
              row[c.indexOf("CITY")], row[c.indexOf("STATE")], row[c.indexOf("COUNTRY")]));
    }
    java.util.List<String> ic = synthetic.columns("INVOICES");
    int same = 0;
    int all = 0;
    for (Object[] row : synthetic.rows("INVOICES")) {
      java.util.List<Object> billed =
          java.util.Arrays.asList(
              row[ic.indexOf("BILLING_CITY")],
              row[ic.indexOf("BILLING_STATE")],
              row[ic.indexOf("BILLING_COUNTRY")]);
      same += billed.equals(home.get(row[ic.indexOf("CUSTOMER_ID")])) ? 1 : 0;
      all++;
    }
    assertThat(same / (double) all).isGreaterThan(0.95);
  }

  @Test
  void personalColumnsWithCompoundNamesAreFakedNeverCopied() throws Exception {
    assertThat(model.schema().table("WEB_ORDERS").column("contactLastName").kind())
        .isEqualTo(io.syndata.schema.ColumnKind.PII);
    java.util.Set<Object> real = new java.util.HashSet<>();
    sourceRows("SELECT email FROM customers").forEach(r -> real.add(r.get(0)));
    assertThat(synthetic.column("CUSTOMERS", "EMAIL")).noneMatch(real::contains);
  }
}
