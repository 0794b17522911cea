package io.syndata.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaFileTest {

  private static Schema shop() {
    Table customers =
        new Table(
            "customers",
            Optional.of("public"),
            List.of(
                new Column(
                    "id",
                    DataType.INTEGER,
                    "int4",
                    10,
                    10,
                    0,
                    false,
                    ColumnKind.ID,
                    Optional.empty(),
                    false),
                new Column(
                    "email",
                    DataType.STRING,
                    "varchar",
                    80,
                    0,
                    0,
                    false,
                    ColumnKind.PII,
                    Optional.of("email"),
                    false),
                new Column(
                    "notes",
                    DataType.STRING,
                    "bytea",
                    0,
                    0,
                    0,
                    true,
                    ColumnKind.TEXT,
                    Optional.empty(),
                    true)),
            List.of("id"),
            List.of(List.of("email")),
            List.of(),
            100);
    Table orders =
        new Table(
            "orders",
            Optional.empty(),
            List.of(
                new Column(
                    "id",
                    DataType.INTEGER,
                    "int4",
                    0,
                    0,
                    0,
                    false,
                    ColumnKind.ID,
                    Optional.empty(),
                    false),
                new Column(
                    "customer_id",
                    DataType.INTEGER,
                    "int4",
                    0,
                    0,
                    0,
                    false,
                    ColumnKind.ID,
                    Optional.empty(),
                    false),
                new Column(
                    "amount",
                    DataType.DECIMAL,
                    "numeric",
                    0,
                    10,
                    2,
                    true,
                    ColumnKind.NUMERIC,
                    Optional.empty(),
                    false)),
            List.of("id"),
            List.of(),
            List.of(
                new ForeignKey("fk_c", List.of("customer_id"), "customers", List.of("id"), true)),
            250);
    return new Schema(List.of(customers.withMode(TableMode.KEEP), orders));
  }

  @Test
  void roundTripsEverythingItWrites() {
    Schema schema = shop();
    assertThat(SchemaFile.fromJson(SchemaFile.toJson(schema), "test")).isEqualTo(schema);
  }

  @Test
  void readsAndWritesTableModes() {
    assertThat(SchemaFile.toJson(shop())).contains("\"mode\" : \"keep\"");
    Schema read =
        SchemaFile.fromJson(
            """
        {"tables": [{"name": "t", "mode": "Exclude", "columns": [{"name": "c", "type": "string"}]}]}
        """,
            "modes.json");
    assertThat(read.table("t").mode()).contains(TableMode.EXCLUDE);
    assertThatThrownBy(
            () ->
                SchemaFile.fromJson(
                    """
        {"tables": [{"name": "t", "mode": "copy", "columns": [{"name": "c", "type": "string"}]}]}
        """,
                    "bad.json"))
        .hasMessageContaining("bad.json")
        .hasMessageContaining("use one of synthesize, keep, mask, exclude");
  }

  @Test
  void writesKindsInLowerCaseForPeopleToEdit() {
    assertThat(SchemaFile.toJson(shop()))
        .contains(
            "\"kind\" : \"pii\"",
            "\"pii\" : \"email\"",
            "\"inferred\" : true",
            "\"format\" : \"syndata-schema/1\"");
  }

  @Test
  void acceptsAMinimalHandWrittenFileAndGuessesKinds() {
    Schema schema =
        SchemaFile.fromJson(
            """
        {"tables": [{"name": "people", "columns": [
          {"name": "id", "type": "integer"}, {"name": "first_name", "type": "string", "nullable": true}]}]}
        """,
            "people.json");
    Table people = schema.table("people");
    assertThat(people.primaryKey()).isEmpty();
    assertThat(people.column("first_name").kind()).isEqualTo(ColumnKind.PII);
    assertThat(people.column("id").kind()).isEqualTo(ColumnKind.NUMERIC);
  }

  @Test
  void anUnknownKindIsAnErrorNamingTheFileAndTheAllowedKinds() {
    assertThatThrownBy(
            () ->
                SchemaFile.fromJson(
                    """
        {"tables": [{"name": "t", "columns": [{"name": "c", "type": "STRING", "kind": "secret"}]}]}
        """,
                    "bad.json"))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("bad.json")
        .hasMessageContaining("table t, column c")
        .hasMessageContaining("secret")
        .hasMessageContaining("categorical");
  }

  @Test
  void anUnknownPiiCategoryIsAnErrorNamingFileTableColumnAndTheKnownOnes() {
    assertThatThrownBy(
            () ->
                SchemaFile.fromJson(
                    """
        {"tables": [{"name": "t", "columns": [{"name": "a", "type": "STRING"},
          {"name": "c", "type": "STRING", "kind": "pii", "pii": "passport"}]}]}
        """,
                    "bad.json"))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("schema file bad.json")
        .hasMessageContaining("table t, column c")
        .hasMessageContaining("unknown pii category 'passport'")
        .hasMessageContaining("street_address");
  }

  @Test
  void aPrimaryKeyNamingAMissingColumnIsAnError() {
    assertThatThrownBy(
            () ->
                SchemaFile.fromJson(
                    """
        {"tables": [{"name": "t", "columns": [{"name": "c", "type": "STRING"}], "primaryKey": ["id"]}]}
        """,
                    "bad.json"))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("table t")
        .hasMessageContaining("id");
  }

  @Test
  void aFileOfAnotherFormatIsRefused() {
    assertThatThrownBy(
            () -> SchemaFile.fromJson("{\"format\": \"other/9\", \"tables\": []}", "x.json"))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("other/9");
  }
}
