/**
 * The schema model every module shares: tables, columns, keys, the foreign-key graph and its
 * generation order, and the editable schema file. Values are immutable records.
 */
package io.syndata.schema;
