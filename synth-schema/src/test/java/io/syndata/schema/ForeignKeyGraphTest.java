package io.syndata.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForeignKeyGraphTest {

  private static Column id(String name) {
    return new Column(
        name, DataType.INTEGER, "int", 0, 0, 0, false, ColumnKind.ID, Optional.empty(), false);
  }

  private static Column ref(String name, boolean nullable) {
    return new Column(
        name, DataType.INTEGER, "int", 0, 0, 0, nullable, ColumnKind.ID, Optional.empty(), false);
  }

  private static ForeignKey fk(String column, String parent) {
    return new ForeignKey("fk_" + column, List.of(column), parent, List.of("id"), false);
  }

  private static Table table(String name, List<Column> extra, List<ForeignKey> fks) {
    List<Column> columns = new java.util.ArrayList<>(List.of(id("id")));
    columns.addAll(extra);
    return new Table(name, Optional.empty(), columns, List.of("id"), List.of(), fks, 10);
  }

  private static List<String> order(ForeignKeyGraph g) {
    return g.generationOrder().stream().map(Table::name).toList();
  }

  @Test
  void ordersParentsBeforeChildrenAndKeepsSchemaOrderForTies() {
    Schema schema =
        new Schema(
            List.of(
                table(
                    "order_lines",
                    List.of(ref("order_id", false), ref("product_id", false)),
                    List.of(fk("order_id", "orders"), fk("product_id", "products"))),
                table(
                    "orders",
                    List.of(ref("customer_id", false)),
                    List.of(fk("customer_id", "customers"))),
                table("products", List.of(), List.of()),
                table("customers", List.of(), List.of())));

    ForeignKeyGraph g = ForeignKeyGraph.of(schema);

    assertThat(order(g)).containsExactly("products", "customers", "orders", "order_lines");
    assertThat(g.deferred()).isEmpty();
    assertThat(g.isRoot("customers")).isTrue();
    assertThat(g.primaryParent("order_lines").orElseThrow().parent()).isEqualTo("orders");
  }

  @Test
  void defersSelfReferences() {
    Schema schema =
        new Schema(
            List.of(
                table(
                    "employee",
                    List.of(ref("manager_id", true)),
                    List.of(fk("manager_id", "employee")))));

    ForeignKeyGraph g = ForeignKeyGraph.of(schema);

    assertThat(order(g)).containsExactly("employee");
    assertThat(g.deferred())
        .extracting(Relation::toString)
        .containsExactly("employee(manager_id) -> employee(id)");
    assertThat(g.isRoot("employee")).isTrue();
  }

  @Test
  void breaksATwoTableCycleAtTheNullableForeignKey() {
    Schema schema =
        new Schema(
            List.of(
                table(
                    "store",
                    List.of(ref("manager_staff_id", true)),
                    List.of(fk("manager_staff_id", "staff"))),
                table("staff", List.of(ref("store_id", false)), List.of(fk("store_id", "store")))));

    ForeignKeyGraph g = ForeignKeyGraph.of(schema);

    assertThat(order(g)).containsExactly("store", "staff");
    assertThat(g.deferred())
        .extracting(Relation::toString)
        .containsExactly("store(manager_staff_id) -> staff(id)");
    assertThat(g.primaryParent("store")).isEmpty();
    assertThat(g.primaryParent("staff").orElseThrow().parent()).isEqualTo("store");
  }

  @Test
  void breaksEveryCycleOfALongerLoop() {
    Schema schema =
        new Schema(
            List.of(
                table("a", List.of(ref("c_id", true)), List.of(fk("c_id", "c"))),
                table("b", List.of(ref("a_id", false)), List.of(fk("a_id", "a"))),
                table("c", List.of(ref("b_id", false)), List.of(fk("b_id", "b")))));

    ForeignKeyGraph g = ForeignKeyGraph.of(schema);

    assertThat(order(g)).containsExactly("a", "b", "c");
    assertThat(g.deferred()).hasSize(1);
  }

  @Test
  void aCycleWithoutANullableForeignKeyDefersItsFirstKeyAndNamesTheCycle() {
    Schema schema =
        new Schema(
            List.of(
                table(
                    "store",
                    List.of(ref("manager_staff_id", false)),
                    List.of(fk("manager_staff_id", "staff"))),
                table("staff", List.of(ref("store_id", false)), List.of(fk("store_id", "store")))));

    ForeignKeyGraph g = ForeignKeyGraph.of(schema);

    assertThat(order(g)).containsExactly("staff", "store");
    assertThat(g.notNullDeferred()).hasSize(1);
    Relation deferred = g.notNullDeferred().keySet().iterator().next();
    assertThat(deferred.child()).isEqualTo("staff");
    assertThat(g.notNullDeferred().get(deferred))
        .contains("store(manager_staff_id) -> staff(id)")
        .contains("staff(store_id) -> store(id)");
    assertThat(g.isDeferred(deferred)).isTrue();
  }

  @Test
  void aNotNullSelfReferenceIsAnError() {
    Schema schema =
        new Schema(
            List.of(
                table("node", List.of(ref("parent_id", false)), List.of(fk("parent_id", "node")))));

    assertThatThrownBy(() -> ForeignKeyGraph.of(schema))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("parent_id");
  }

  @Test
  void primaryParentPrefersTheKeyThatIsAlsoThePrimaryKey() {
    Table badge =
        new Table(
            "badge",
            Optional.empty(),
            List.of(ref("staff_id", false), ref("issuer_id", false)),
            List.of("staff_id"),
            List.of(),
            List.of(
                new ForeignKey("fk_issuer", List.of("issuer_id"), "staff", List.of("id"), false),
                new ForeignKey("fk_staff", List.of("staff_id"), "staff", List.of("id"), false)),
            5);
    Schema schema = new Schema(List.of(table("staff", List.of(), List.of()), badge));

    assertThat(ForeignKeyGraph.of(schema).primaryParent("badge").orElseThrow().fk().name())
        .isEqualTo("fk_staff");
  }

  @Test
  void inADiamondTheDeeperParentIsPrimaryAndImpliesTheOther() {
    Schema schema =
        new Schema(
            List.of(
                table("store", List.of(), List.of()),
                table("staff", List.of(ref("store_id", false)), List.of(fk("store_id", "store"))),
                table(
                    "sale",
                    List.of(ref("store_id", false), ref("staff_id", false)),
                    List.of(fk("store_id", "store"), fk("staff_id", "staff")))));
    ForeignKeyGraph g = ForeignKeyGraph.of(schema);

    Relation primary = g.primaryParent("sale").orElseThrow();
    Relation toStore = g.parentsOf("sale").get(0);

    assertThat(primary.parent()).isEqualTo("staff");
    assertThat(g.impliedBy(toStore, primary))
        .map(ForeignKey::columns)
        .contains(List.of("store_id"));
    assertThat(g.impliedBy(primary, toStore)).isEmpty();
  }

  @Test
  void aForeignKeyToAMissingTableIsAnError() {
    assertThatThrownBy(
            () ->
                new Schema(
                    List.of(
                        table(
                            "orders",
                            List.of(ref("customer_id", false)),
                            List.of(fk("customer_id", "customers"))))))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("customers");
  }
}
