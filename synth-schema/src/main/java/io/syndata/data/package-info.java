/**
 * How rows move along the one path of SynData: sources stream {@link io.syndata.data.RowBatch}es
 * out of real data, targets take synthetic batches in, parents before children.
 */
package io.syndata.data;
