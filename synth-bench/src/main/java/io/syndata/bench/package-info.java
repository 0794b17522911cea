/**
 * End-to-end benchmarks of the relational pipeline on ../shared/datasets; run by bench/run.sh,
 * results in docs/benchmarks.md.
 */
package io.syndata.bench;
