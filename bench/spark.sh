#!/usr/bin/env bash
# Baseball to Parquet with the native engine (1 and 2 threads) and with Spark local[2], one run at a
# time: wall time of the whole ./synth run (JVM start and model load included), rows/s, the peak
# resident memory of the process (GNU time) and the peak Java heap in use (the largest heap before a
# collection, from -Xlog:gc). Then training on baseball as a Parquet folder, native and through Spark.
# Prints markdown rows for docs/benchmarks.md, a median row per engine and scale when RUNS > 1.
#
# Usage: [RUNS=3] [SYNTH=./synth] [BENCH_LOCK=/tmp/mvn.lock] [ENGINES="native 1,native 2,spark local[2]"]
#        [TRAIN=1] bench/spark.sh [scale...]  (default 10; TRAIN=0 skips the training figures)
# Build first (mvn -DskipTests package -pl synth-cli,synth-spark -am): a launcher that rebuilds
# during a run spoils its time and memory. SYNTH may name a copy of the launcher and its jars, so
# that edits to the sources meanwhile cannot trigger a rebuild. With BENCH_LOCK every run holds
# that lock (flock), so that no build of a neighbour runs at the same time.
set -euo pipefail
cd "$(dirname "$0")/.."
scales=${*:-10}
runs=${RUNS:-1}
synth=${SYNTH:-./synth}
lock=()
[ -n "${BENCH_LOCK:-}" ] && lock=(flock "$BENCH_LOCK")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data="${SYNTH_SHARED_DATASETS:-../shared/datasets}/baseball"
"$synth" train --source "$data" --out "$work/baseball.synth" >/dev/null 2>&1

# timed <label> <rows-or-empty> <synth args...>: one run; prints a table row, appends seconds to
# $work/times-<label> and the memory figures to $work/mem-<label>
timed() {
  local label=$1 fixed=$2
  shift 2
  local secs rows rss heap
  # GNU time inside the lock: a wait for the lock is not counted
  "${lock[@]}" /usr/bin/time -f "%e %M" -o "$work/rss" env \
    SYNTH_JAVA_OPTS="-Xmx4g -Xlog:gc:file=$work/gc.log" "$synth" "$@" >"$work/log" 2>&1 ||
    { tail -20 "$work/log" >&2; exit 1; }
  rows=${fixed:-$(awk '/^  [a-z]/ {gsub(",", "", $2); s += $2} END {print s}' "$work/log")}
  secs=$(cut -d' ' -f1 "$work/rss")
  rss=$(( $(cut -d' ' -f2 "$work/rss") / 1024 ))
  heap=$(grep -o '[0-9]*M->' "$work/gc.log" | sed 's/M->//' | sort -n | tail -1)
  echo "$secs" >>"$work/times-$label"
  echo "$rss ${heap:-0}" >>"$work/mem-$label"
  printf "| %s | %'d | %.1f | %'d | %d MiB | %s MiB |\n" "$label" "$rows" "$secs" \
    "$(echo "$rows / $secs" | bc)" "$rss" "${heap:-?}"
}

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

echo "| run | rows | seconds | rows/s | peak RSS | peak heap |"
echo "|---|---|---|---|---|---|"
IFS=, read -r -a engines <<<"${ENGINES:-native 1,native 2,spark local[2]}"
for scale in $scales; do
  for engine in "${engines[@]}"; do
    set -f
    set -- $engine
    set +f
    if [ "$1" = native ]; then
      args=(--threads "$2")
    else
      args=(--engine spark --master "$2")
    fi
    label="×$scale $engine"
    for ((run = 1; run <= runs; run++)); do
      out="$work/out"
      timed "$label" "" generate --model-file "$work/baseball.synth" --target "$out" \
        --format parquet --scale "$scale" "${args[@]}"
      rows=$(awk '/^  [a-z]/ {gsub(",", "", $2); s += $2} END {print s}' "$work/log")
      rm -rf "$out"
    done
    if [ "$runs" -gt 1 ]; then
      secs=$(median <"$work/times-$label")
      printf "| %s, median of %d | %'d | %.1f | %'d | %d MiB | %d MiB |\n" "$label" "$runs" "$rows" \
        "$secs" "$(echo "$rows / $secs" | bc)" "$(cut -d' ' -f1 "$work/mem-$label" | median)" \
        "$(cut -d' ' -f2 "$work/mem-$label" | median)"
    fi
  done
done

# Training: baseball as a Parquet folder (270,353 rows), read natively (DuckDB) and through Spark.
[ "${TRAIN:-1}" = 0 ] && exit 0
"$synth" export --source "$data" --target "$work/parquet" --format parquet >/dev/null 2>&1
for engine in native "spark local[2]"; do
  set -f
  set -- $engine
  set +f
  args=()
  [ "$1" = spark ] && args=(--engine spark --master "$2")
  for ((run = 1; run <= runs; run++)); do
    timed "train $engine" 270353 train --source "$work/parquet" --out "$work/m.synth" "${args[@]}"
  done
done
