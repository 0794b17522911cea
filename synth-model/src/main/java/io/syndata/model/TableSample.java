package io.syndata.model;

/**
 * Rows sampled by a {@link TableModel}.
 *
 * @param values {@code values[c][r]}: attribute column {@code c} (of {@link
 *     TableModel#attributeColumns()}) of row {@code r}, canonical types, null for SQL NULL
 * @param childCounts {@code childCounts[k][r]}: child rows of row {@code r} in relation {@code k}
 *     of {@link TableModel#childRelations()}
 * @param size the number of rows
 */
public record TableSample(Object[][] values, int[][] childCounts, int size) {}
