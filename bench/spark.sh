#!/usr/bin/env bash
# Baseball to Parquet with the native engine (1 and 2 threads) and with Spark local[2], one run at a
# time: wall time, rows/s and the process's peak resident memory (GNU time). Prints markdown rows
# for docs/benchmarks.md. Usage: bench/spark.sh [scale...]   (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
scales=${*:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./synth train --source "${SYNTH_SHARED_DATASETS:-../shared/datasets}/baseball" --out "$work/baseball.synth" >/dev/null 2>&1
echo "| scale | engine | rows | seconds | rows/s | peak RSS |"
echo "|---|---|---|---|---|---|"
for scale in $scales; do
  for engine in "native 1" "native 2" "spark local[2]"; do
    set -f
    set -- $engine
    set +f
    out="$work/out-$scale-$1-$2"
    if [ "$1" = native ]; then
      args=(--threads "$2")
    else
      args=(--engine spark --master "$2")
    fi
    start=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$work/rss" env SYNTH_JAVA_OPTS="-Xmx4g" ./synth generate \
      --model-file "$work/baseball.synth" --target "$out" --format parquet --scale "$scale" \
      "${args[@]}" >"$work/log" 2>&1 || { tail -20 "$work/log" >&2; exit 1; }
    end=$(date +%s.%N)
    rows=$(awk '/^  [a-z]/ {gsub(",", "", $2); s += $2} END {print s}' "$work/log")
    secs=$(echo "$end - $start" | bc)
    rss=$(( $(cat "$work/rss") / 1024 ))
    printf "| ×%s | %s | %'d | %.1f | %'d | %d MiB |\n" "$scale" "$engine" "$rows" "$secs" \
      "$(echo "$rows / $secs" | bc)" "$rss"
    rm -rf "$out"
  done
done
