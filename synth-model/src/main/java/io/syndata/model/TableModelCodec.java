package io.syndata.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.syndata.schema.ForeignKeyGraph;

/**
 * How a model kind writes its table models into a model file and reads them back. A table model is
 * written as a JSON tree of aggregated statistics and fitted weights, never a source row.
 */
public interface TableModelCodec {

  /** The model of one table as a JSON tree. */
  JsonNode write(TableModel model);

  /**
   * The model of one table from its JSON tree.
   *
   * @param graph the schema and foreign-key graph of the model file, which the table model refers
   *     to
   * @throws io.syndata.schema.SynthException when the tree is not a model of this kind
   */
  TableModel read(JsonNode tree, String table, ForeignKeyGraph graph);
}
