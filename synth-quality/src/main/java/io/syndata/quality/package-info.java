/**
 * Quality metrics that compare real and synthetic tables, following the SDMetrics definitions:
 * column shapes, column pair trends and cardinality. The full report builds on these.
 */
package io.syndata.quality;
