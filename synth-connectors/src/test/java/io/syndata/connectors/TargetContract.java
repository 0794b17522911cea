package io.syndata.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.data.RowBatch;
import io.syndata.data.SchemaFilter;
import io.syndata.data.Source;
import io.syndata.data.Target;
import io.syndata.schema.Column;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What writing into any database must do: create missing tables with their keys in the target's
 * dialect, take rows parents first and deferred keys by update, enforce foreign keys, refuse
 * non-empty tables and leave nothing behind when a write fails.
 */
abstract class TargetContract {
  String sourceUrl;
  String targetUrl;

  /** A fresh database holding the {@link IntrospectionContract#fixture} (the source). */
  abstract String createSource() throws Exception;

  /** A fresh, empty database (the target). */
  abstract String createTarget() throws Exception;

  abstract void dropDatabases() throws Exception;

  /** Statements a plain connection to the target runs before it can see foreign keys enforced. */
  String[] enforceForeignKeys() {
    return new String[0];
  }

  String targetQuote() {
    return "\"";
  }

  @BeforeEach
  void createDatabases() throws Exception {
    sourceUrl = createSource();
    targetUrl = createTarget();
  }

  @AfterEach
  void drop() throws Exception {
    dropDatabases();
  }

  Schema sourceSchema() {
    try (Source source = Connectors.source(sourceUrl)) {
      return source.introspect(SchemaFilter.ALL);
    }
  }

  Schema targetSchema() {
    try (Source source = Connectors.source(targetUrl)) {
      return source.introspect(SchemaFilter.ALL);
    }
  }

  @Test
  void copiesEveryTableWithItsKeysAndRowsAndFillsDeferredKeysByUpdate() {
    Schema schema = sourceSchema();
    try (Source source = Connectors.source(sourceUrl);
        Target target = Connectors.jdbcTarget(targetUrl)) {
      Copier.copy(source, schema, target);
    }
    Schema copied = targetSchema();
    assertThat(copied.tables())
        .extracting(Table::name)
        .containsExactlyInAnyOrderElementsOf(schema.tables().stream().map(Table::name).toList());
    for (Table expected : schema.tables()) {
      Table actual = copied.table(expected.name());
      assertThat(actual.primaryKey()).as(expected.name()).isEqualTo(expected.primaryKey());
      assertThat(Set.copyOf(actual.uniqueKeys()))
          .as(expected.name())
          .isEqualTo(Set.copyOf(expected.uniqueKeys()));
      assertThat(keys(actual)).as(expected.name()).isEqualTo(keys(expected));
      assertThat(actual.rowCount()).as(expected.name()).isEqualTo(expected.rowCount());
      assertThat(rows(targetUrl, actual))
          .as(expected.name())
          .containsExactlyElementsOf(rows(sourceUrl, expected));
    }
    assertThat(rows(targetUrl, copied.table("department"))).containsExactly(List.of(1L, 100L));
    assertThat(rows(targetUrl, copied.table("customer"))).contains(List.of(2L, "b@x.org", 1L));
  }

  @Test
  void enforcesForeignKeysOfTheTablesItCreates() {
    Schema schema = sourceSchema();
    try (Source source = Connectors.source(sourceUrl);
        Target target = Connectors.jdbcTarget(targetUrl)) {
      Copier.copy(source, schema, target);
    }
    List<String> statements = new ArrayList<>(List.of(enforceForeignKeys()));
    statements.add(
        "INSERT INTO "
            + targetQuote()
            + "order"
            + targetQuote()
            + " (id, buyer_id) VALUES (99, 12345)");
    assertThatThrownBy(() -> TestServers.exec(targetUrl, statements.toArray(String[]::new)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void abortsAFailingWriteAndLeavesNoTableBehind() {
    Schema schema = sourceSchema();
    Table order = schema.table("order");
    List<String> columns = order.writtenColumns().stream().map(Column::name).toList();
    Object[][] values = new Object[columns.size()][1];
    values[columns.indexOf("id")][0] = 1L;
    values[columns.indexOf("buyer_id")][0] = 999L;
    try (Target target = Connectors.jdbcTarget(targetUrl)) {
      target.begin(schema);
      assertThatThrownBy(() -> target.write(new RowBatch("order", columns, values, 1)))
          .isInstanceOf(SynthException.class)
          .hasMessageStartingWith("writing table order failed: ")
          .hasMessageNotContaining("\n");
      target.abort();
    }
    assertThat(targetSchema().tables()).isEmpty();
  }

  @Test
  void refusesATargetTableThatAlreadyHoldsRows() {
    TestServers.exec(
        targetUrl,
        "CREATE TABLE warehouse (code VARCHAR(10) NOT NULL, region INTEGER NOT NULL,"
            + " name VARCHAR(50), PRIMARY KEY (code, region))",
        "INSERT INTO warehouse VALUES ('X', 1, 'x')");
    try (Target target = Connectors.jdbcTarget(targetUrl)) {
      assertThatThrownBy(() -> target.begin(sourceSchema()))
          .isInstanceOf(SynthException.class)
          .hasMessage(
              "target table warehouse already holds 1 rows; synthesize into an empty database or empty tables");
    }
    assertThat(targetSchema().tables()).extracting(Table::name).containsExactly("warehouse");
  }

  @Test
  void writesIntoExistingEmptyTables() {
    TestServers.exec(
        targetUrl,
        "CREATE TABLE warehouse (code VARCHAR(10) NOT NULL, region INTEGER NOT NULL,"
            + " name VARCHAR(50), extra INTEGER, PRIMARY KEY (code, region))");
    Schema schema = new Schema(List.of(sourceSchema().table("warehouse")));
    try (Source source = Connectors.source(sourceUrl);
        Target target = Connectors.jdbcTarget(targetUrl)) {
      Copier.copy(source, schema, target);
    }
    assertThat(targetSchema().table("warehouse").rowCount()).isEqualTo(1);
  }

  @Test
  void aSecondRunIntoTheSameTargetFailsAtOnceAndUndoesNothingOfTheFirst() {
    Schema schema = sourceSchema();
    try (Source source = Connectors.source(sourceUrl);
        Target first = Connectors.jdbcTarget(targetUrl);
        Target second = Connectors.jdbcTarget(targetUrl)) {
      first.begin(schema);
      assertThatThrownBy(() -> second.begin(schema))
          .isInstanceOf(SynthException.class)
          .hasMessageStartingWith("target ")
          .hasMessageContaining(" is in use by another run")
          .hasMessageNotContaining("\n");
      second.abort();
      Copier.writeAll(source, schema, first);
      first.commit();
    }
    Schema written = targetSchema();
    assertThat(written.tables()).hasSameSizeAs(schema.tables());
    assertThat(written.table("department").rowCount()).isEqualTo(1);
  }

  @Test
  void theLockIsReleasedByCommitAndByAbort() {
    Schema schema = sourceSchema();
    try (Target first = Connectors.jdbcTarget(targetUrl)) {
      first.begin(schema);
      first.abort();
    }
    try (Target again = Connectors.jdbcTarget(targetUrl)) {
      again.begin(schema);
      again.commit();
    }
    try (Target third = Connectors.jdbcTarget(targetUrl)) {
      third.begin(schema); // the tables exist now, empty
      third.abort();
    }
    assertThat(targetSchema().tables()).hasSameSizeAs(schema.tables());
  }

  private static Set<String> keys(Table t) {
    return t.foreignKeys().stream()
        .map((ForeignKey fk) -> fk.describe(t.name()))
        .collect(Collectors.toSet());
  }

  static List<List<Object>> rows(String url, Table table) {
    List<List<Object>> rows = new ArrayList<>();
    try (Source source = Connectors.source(url)) {
      source.scan(
          table,
          table.writtenColumns().stream().map(Column::name).toList(),
          batch -> {
            for (int r = 0; r < batch.size(); r++) {
              List<Object> row = new ArrayList<>();
              for (int c = 0; c < batch.columns().size(); c++) {
                Object v = batch.value(c, r);
                // 12.5 and 12.50 are the same number; SQLite keeps no scale
                row.add(v instanceof java.math.BigDecimal bd ? bd.stripTrailingZeros() : v);
              }
              rows.add(row);
            }
          });
    }
    return rows;
  }
}
