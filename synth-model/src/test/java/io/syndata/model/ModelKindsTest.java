package io.syndata.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syndata.data.InMemorySource;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelKindsTest {

  @Test
  void findsTheStatisticalKindThroughTheServiceLoader() {
    assertThat(ModelKinds.available()).contains("statistical");
    assertThat(ModelKinds.trainer("statistical").kind()).isEqualTo("statistical");
  }

  @Test
  void unknownKindListsTheAvailableOnes() {
    assertThatThrownBy(() -> FitOptions.defaults(1).withModel("gpt"))
        .isInstanceOf(SynthException.class)
        .hasMessageContaining("--model gpt")
        .hasMessageContaining("statistical")
        .hasMessageContaining("auto");
    assertThatThrownBy(() -> ModelKinds.trainer("vaegan"))
        .hasMessageContaining("model kind vaegan is not available")
        .hasMessageContaining("[statistical");
  }

  @Test
  void aTableOfTheSchemaFileChoosesItsOwnKind() {
    InMemorySource source = Fixtures.shop(1, 200);
    Schema schema = source.schema();
    Table orders = schema.table("orders");
    Table asked =
        new Table(
            orders.name(),
            orders.namespace(),
            orders.columns(),
            orders.primaryKey(),
            orders.uniqueKeys(),
            orders.foreignKeys(),
            orders.rowCount(),
            Optional.of("vaegan"));
    assertThatThrownBy(() -> ModelKinds.choose(asked, "statistical"))
        .hasMessageContaining("table orders asks for model kind vaegan")
        .hasMessageContaining("[statistical");
    assertThat(ModelKinds.choose(orders, ModelKinds.AUTO).kind()).isEqualTo("statistical");
  }
}
