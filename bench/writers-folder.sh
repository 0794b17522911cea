#!/usr/bin/env bash
# Baseball ×10 into a CSV folder with one writer (files written as the rows come) and with 2 writers
# (part files beside the folder, assembled at the end), and the time a --resume takes after a run
# stopped half way. Prints markdown rows for docs/benchmarks.md.
# Usage: bench/writers-folder.sh [runs] [scale:writers ...]   (default 3 runs; 10:1 10:2)
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/servers
runs=${1:-3}
shift || true
configs=("$@")
[ ${#configs[@]} -gt 0 ] || configs=(10:1 10:2)
out=$(mktemp -d /tmp/synth-writers-folder.XXXXXX)
trap 'rm -rf "$out"' EXIT
flock /tmp/mvn.lock mvn -B -q -ntp -o -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -pl synth-bench -am
cp="synth-bench/target/classes:$(cat synth-bench/target/classpath.txt)"
java -Xmx4g -cp "$cp" io.syndata.bench.WritersBench "$SYNTH_SHARED_DATASETS/baseball" "$out" "$runs" "${configs[@]}"
