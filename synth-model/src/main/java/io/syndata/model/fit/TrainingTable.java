package io.syndata.model.fit;

import io.syndata.model.KeyFormat;
import io.syndata.schema.Relation;
import io.syndata.schema.Table;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the relational half of fitting learned about one table, handed to a model kind's {@link
 * io.syndata.model.ModelTrainer}: a deterministic sample of its rows with their parent's attributes
 * and child counts, plus the facts every kind shares (key formats, null rates of foreign keys, text
 * generators). A kind models the joint distribution of {@link #columns()}, {@link #childCounts()}
 * and, when conditioned, {@link #conditioning()}; it never reads the source itself.
 *
 * @param table the table as fitted
 * @param sourceRows rows of the table in the source
 * @param size rows in the sample
 * @param attributeColumns every column a model samples, in table order: the names of {@link
 *     #columns()} and {@link #texts()} together
 * @param columns the jointly modelled columns (numeric, temporal, categorical)
 * @param texts text and personal-data columns, made independently
 * @param childRelations this table's non-deferred child relations
 * @param childCounts {@code childCounts[k][row]}: children of a sampled row in {@code
 *     childRelations[k]}
 * @param parentRelation the relation to the primary parent, if any
 * @param conditioning up to {@value io.syndata.model.fit.TableFit#MAX_CONDITIONING} attributes of
 *     each sampled row's primary parent, encoded like {@link #columns()}
 * @param hasParent per sampled row, whether it has a primary parent row (else its conditioning
 *     values are missing)
 * @param keyFormats how keys and identifiers are made
 * @param nullRates share of null foreign keys per parent relation
 * @param addresses the table's address parts and their combinations held by at least k rows, made
 *     as one tuple per row (see {@link AddressBlock}); empty when the table has fewer than two
 */
public record TrainingTable(
    Table table,
    long sourceRows,
    int size,
    List<String> attributeColumns,
    List<TrainingColumn> columns,
    Map<String, TextGenerator> texts,
    List<Relation> childRelations,
    int[][] childCounts,
    Optional<Relation> parentRelation,
    List<TrainingColumn> conditioning,
    boolean[] hasParent,
    Map<String, KeyFormat> keyFormats,
    Map<Relation, Double> nullRates,
    Optional<AddressBlock> addresses) {

  /** Sampled rows that have a primary parent row. */
  public int parentedRows() {
    int n = 0;
    for (int i = 0; i < size; i++) {
      n += hasParent[i] ? 1 : 0;
    }
    return n;
  }
}
