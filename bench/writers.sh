#!/usr/bin/env bash
# Baseball into PostgreSQL with one transaction (--writers 1) and over 2 writers, each partition in
# its own transaction, at ×10 and ×100; for 2 writers also the time a --resume takes after a run
# stopped half way. Prints markdown rows for docs/benchmarks.md.
# Usage: bench/writers.sh [runs] [scale:writers ...]   (default 3 runs; 10:1 10:2 100:1 100:2)
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/servers
runs=${1:-3}
shift || true
configs=("$@")
[ ${#configs[@]} -gt 0 ] || configs=(10:1 10:2 100:1 100:2)
flock /tmp/mvn.lock mvn -B -q -ntp -o -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -pl synth-bench -am
cp="synth-bench/target/classes:$(cat synth-bench/target/classpath.txt)"
java -Xmx4g -cp "$cp" io.syndata.bench.WritersBench "$SYNTH_SHARED_DATASETS/baseball" "$SYNTH_PG_URL" "$runs" "${configs[@]}"
