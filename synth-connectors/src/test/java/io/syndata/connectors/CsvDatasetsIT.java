package io.syndata.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.syndata.data.SchemaFilter;
import io.syndata.data.Source;
import io.syndata.schema.ForeignKey;
import io.syndata.schema.Schema;
import io.syndata.schema.Table;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Key inference on the shared real datasets must find exactly the keys their README lists. */
class CsvDatasetsIT {
  private static Schema infer(String dataset) {
    try (Source source = Connectors.source(TestServers.datasets().resolve(dataset).toString())) {
      return source.introspect(SchemaFilter.ALL);
    }
  }

  private static List<String> foreignKeys(Schema schema) {
    return schema.tables().stream()
        .flatMap(
            t ->
                t.foreignKeys().stream()
                    .peek(fk -> assertThat(fk.inferred()).isTrue())
                    .map((ForeignKey fk) -> fk.describe(t.name())))
        .sorted()
        .toList();
  }

  private static Map<String, List<String>> primaryKeys(Schema schema) {
    return schema.tables().stream().collect(Collectors.toMap(Table::name, Table::primaryKey));
  }

  @Test
  void infersBerkaKeys() {
    Schema berka = infer("berka");
    assertThat(foreignKeys(berka))
        .containsExactly(
            "account(district_id) -> district(district_id)",
            "card(disp_id) -> disp(disp_id)",
            "client(district_id) -> district(district_id)",
            "disp(account_id) -> account(account_id)",
            "disp(client_id) -> client(client_id)",
            "loan(account_id) -> account(account_id)",
            "order(account_id) -> account(account_id)");
    assertThat(primaryKeys(berka))
        .containsEntry("order", List.of("order_id"))
        .containsEntry("district", List.of("district_id"));
    assertThat(berka.table("order").rowCount()).isEqualTo(6471);
  }

  @Test
  void infersBaseballAndCdnowKeysAndNoneForAdult() {
    Schema baseball = infer("baseball");
    assertThat(foreignKeys(baseball))
        .containsExactly(
            "batting(players_id) -> players(id)", "fielding(players_id) -> players(id)");
    assertThat(primaryKeys(baseball))
        .containsEntry("players", List.of("id"))
        .containsEntry("batting", List.of());
    assertThat(baseball.table("fielding").rowCount()).isEqualTo(143_046);
    assertThat(baseball.table("players").findColumn("birthDate")).isPresent();

    Schema cdnow = infer("cdnow");
    assertThat(foreignKeys(cdnow)).containsExactly("purchases(users_id) -> users(id)");

    Schema adult = infer("adult");
    assertThat(foreignKeys(adult)).isEmpty();
    assertThat(adult.table("adult").primaryKey()).isEmpty();
    assertThat(adult.table("adult").rowCount()).isEqualTo(48_842);
  }
}
