#!/usr/bin/env bash
# Generation at scale from one model of baseball: sampling throughput of the statistical model on
# batting, then ×1, ×10 and ×100 to a CSV folder on 1 and 2 threads and to PostgreSQL on 2 threads
# (×100 to PostgreSQL once: it takes minutes). Prints markdown rows for docs/benchmarks.md.
# Usage: bench/scale.sh [runs]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/servers
runs=${1:-3}
mvn -B -q -ntp -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -pl synth-bench -am
cp="synth-bench/target/classes:$(cat synth-bench/target/classpath.txt)"
bench() { java -Xmx4g -cp "$cp" io.syndata.bench.ScaleBench "$SYNTH_SHARED_DATASETS/baseball" batting "$SYNTH_PG_URL" "$@"; }
bench "$runs" 1:1 1:2 10:1 10:2 100:1 100:2 1:2:pg 10:2:pg
bench 1 100:2:pg
