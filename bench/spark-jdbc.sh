#!/usr/bin/env bash
# Baseball from one model file into PostgreSQL with Spark local[2] (Spark's JDBC writer, each task
# its own transaction, tables created without keys), one fresh database per run: wall time of the
# whole ./synth run and rows/s. Prints a row per run and the median.
#
# Usage: [RUNS=3] [SYNTH=./synth] [BENCH_LOCK=/tmp/mvn.lock] bench/spark-jdbc.sh [scale]  (default 10)
# Needs a PostgreSQL server (. .ci/servers) and a built launcher (mvn -DskipTests package -pl
# synth-cli,synth-spark -am).
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-10}
runs=${RUNS:-3}
synth=${SYNTH:-./synth}
lock=()
[ -n "${BENCH_LOCK:-}" ] && lock=(flock "$BENCH_LOCK")
pg=${SYNTH_PG_URL:?run . .ci/servers first}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data="${SYNTH_SHARED_DATASETS:-../shared/datasets}/baseball"
"$synth" train --source "$data" --out "$work/baseball.synth" >/dev/null 2>&1
base=${pg%%\?*}; base=${base%/*}; query=${pg#*\?}
times=()
for r in $(seq 1 "$runs"); do
  db="bench_spark_jdbc_$r"
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
  start=$(date +%s.%N)
  "${lock[@]}" "$synth" generate --engine spark --master 'local[2]' --model-file "$work/baseball.synth" \
    --target "$base/$db?$query" --scale "$scale" --seed 42 \
    >"$work/out-$r" 2>&1 || { cat "$work/out-$r"; exit 1; }
  end=$(date +%s.%N)
  rows=$(psql -qtA -h 127.0.0.1 -U postgres -d "$db" -c \
    "SELECT (SELECT count(*) FROM players)+(SELECT count(*) FROM batting)+(SELECT count(*) FROM fielding)")
  secs=$(echo "$end - $start" | bc)
  times+=("$secs")
  printf '| x%s | Spark local[2] -> PostgreSQL | run %d | %s rows | %.1f s | %.0f rows/s |\n' \
    "$scale" "$r" "$rows" "$secs" "$(echo "$rows / $secs" | bc -l)"
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE $db" >/dev/null
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
printf '| x%s | Spark local[2] -> PostgreSQL | median of %d | %.1f s |\n' "$scale" "$runs" "$median"
