#!/usr/bin/env bash
# DB-to-DB benchmark on PostgreSQL for each ../shared dataset; prints a markdown table for
# docs/benchmarks.md. Usage: bench/run.sh [runs] [dataset...]   (default: 3 runs, every dataset)
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/servers
runs=${1:-3}; shift || true
datasets=("$@"); [ ${#datasets[@]} -gt 0 ] || datasets=(adult berka baseball cdnow)
mvn -B -q -ntp -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -pl synth-bench -am
java -Xmx4g -cp "synth-bench/target/classes:$(cat synth-bench/target/classpath.txt)" \
  io.syndata.bench.PipelineBench "$SYNTH_SHARED_DATASETS" "$SYNTH_PG_URL" "$runs" "${datasets[@]}"
