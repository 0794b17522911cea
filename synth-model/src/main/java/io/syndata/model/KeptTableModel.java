package io.syndata.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syndata.model.fit.FitJson;
import io.syndata.schema.Column;
import io.syndata.schema.ForeignKeyGraph;
import io.syndata.schema.Relation;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A kept table ({@link io.syndata.schema.TableMode#KEEP}): the source's rows themselves, written as
 * they are at any scale. Reference data such as countries, currencies or genres identifies no one
 * and must match the world, so it is copied rather than learned. The model file stores these rows
 * (and only these) verbatim, under the model kind {@value #KIND}.
 */
public final class KeptTableModel implements TableModel {
  /** The model kind a kept table is recorded under in provenance and model files. */
  public static final String KIND = "keep";

  /**
   * The model kind of a masked table ({@link io.syndata.schema.TableMode#MASK}): the same codec,
   * whose rows hold the fakes, never the personal source values.
   */
  public static final String MASKED_KIND = "mask";

  private final Table table;
  private final List<String> columns;
  private final Object[][] values;
  private final int rows;

  /**
   * @param values {@code values[c][r]}: written column {@code c} of source row {@code r}
   */
  public KeptTableModel(Table table, Object[][] values, int rows) {
    this.table = table;
    this.columns = table.writtenColumns().stream().map(Column::name).toList();
    if (values.length != columns.size()) {
      throw new SynthException(
          "kept table "
              + table.name()
              + " has "
              + values.length
              + " columns of rows, not "
              + columns.size());
    }
    this.values = values;
    this.rows = rows;
  }

  /** The written columns, in table order. */
  public List<String> columns() {
    return columns;
  }

  /** Rows {@code [from, from + n)} as {@code values[column][row]}. */
  Object[][] rows(long from, int n) {
    Object[][] out = new Object[columns.size()][];
    int start = Math.toIntExact(from);
    for (int c = 0; c < out.length; c++) {
      out[c] = java.util.Arrays.copyOfRange(values[c], start, start + n);
    }
    return out;
  }

  @Override
  public Table table() {
    return table;
  }

  @Override
  public long sourceRows() {
    return rows;
  }

  @Override
  public List<String> attributeColumns() {
    return List.of();
  }

  @Override
  public List<Relation> childRelations() {
    return List.of();
  }

  @Override
  public Optional<Relation> parentRelation() {
    return Optional.empty();
  }

  @Override
  public List<String> parentColumns() {
    return List.of();
  }

  @Override
  public Map<String, KeyFormat> keyFormats() {
    return Map.of();
  }

  @Override
  public double nullRate(Relation relation) {
    return 0;
  }

  /** A kept table is copied, never sampled: this returns rows of no columns. */
  @Override
  public TableSample sample(int n, Object[][] parentValues, SplittableRandom random) {
    return new TableSample(new Object[0][], new int[0][], n);
  }

  /** Writes the rows as an array of rows of typed values, and reads them back. */
  public static final TableModelCodec CODEC =
      new TableModelCodec() {
        @Override
        public JsonNode write(TableModel model) {
          KeptTableModel kept = (KeptTableModel) model;
          ObjectNode node = JsonNodeFactory.instance.objectNode();
          node.set("columns", FitJson.strings(kept.columns));
          ArrayNode rows = node.putArray("rows");
          for (int r = 0; r < kept.rows; r++) {
            ArrayNode row = rows.addArray();
            for (Object[] column : kept.values) {
              row.add(FitJson.value(column[r]));
            }
          }
          return node;
        }

        @Override
        public TableModel read(JsonNode tree, String name, ForeignKeyGraph graph) {
          Table table = graph.schema().table(name);
          List<String> columns = FitJson.strings(FitJson.need(tree, "columns"));
          List<String> expected = table.writtenColumns().stream().map(Column::name).toList();
          if (!columns.equals(expected)) {
            throw new SynthException(
                "kept rows have columns " + columns + ", the table has " + expected);
          }
          List<JsonNode> rows = new ArrayList<>();
          FitJson.array(FitJson.need(tree, "rows")).forEach(rows::add);
          Object[][] values = new Object[columns.size()][rows.size()];
          for (int r = 0; r < rows.size(); r++) {
            JsonNode row = rows.get(r);
            if (row.size() != columns.size()) {
              throw new SynthException("kept row " + r + " has " + row.size() + " values");
            }
            for (int c = 0; c < columns.size(); c++) {
              values[c][r] = FitJson.valueOf(row.get(c));
            }
          }
          return new KeptTableModel(table, values, rows.size());
        }
      };
}
