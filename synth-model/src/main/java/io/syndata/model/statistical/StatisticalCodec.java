package io.syndata.model.statistical;

import com.fasterxml.jackson.databind.JsonNode;
import io.syndata.model.TableModel;
import io.syndata.model.TableModelCodec;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.SynthException;

/** Writes and reads {@link StatisticalTableModel}s in model files. */
final class StatisticalCodec implements TableModelCodec {
  static final StatisticalCodec INSTANCE = new StatisticalCodec();

  @Override
  public JsonNode write(TableModel model) {
    throw new SynthException("saving statistical models is not built yet");
  }

  @Override
  public TableModel read(JsonNode tree, String table, ForeignKeyGraph graph) {
    throw new SynthException("loading statistical models is not built yet");
  }
}
