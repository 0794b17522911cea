#!/usr/bin/env bash
# Writer throughput and memory per format: a ROWS-row table with adult's 15 columns generated from a
# model file (no source read, ~350k rows/s of generation on this machine) into each format with a
# fixed, small heap, so that a run which finishes shows the memory is bounded; prints rows/s, MB/s
# of output, output size and the process's peak RSS.
#   bench/exports.sh ROWS "csv parquet jsonl sql xlsx" [heap, default 512m]
# Runs pass --no-report (the writers alone); SYNTH_BENCH_REPORT=1 keeps the report a run from a
# model file writes (tallied while writing), to measure what it costs.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
formats=${2:-"csv parquet jsonl json xml sql xlsx"}
heap=${3:-512m}
work=${SYNTH_BENCH_DIR:-/tmp/synth-exports}
model="$work/adult.synth"
report_flag=$([ "${SYNTH_BENCH_REPORT:-0}" = 1 ] && echo "" || echo "--no-report")
mkdir -p "$work"
[ -f "$model" ] || ./synth train --source ../shared/datasets/adult --out "$model" >/dev/null 2>&1
printf '%-8s %10s %10s %10s %10s %12s\n' format rows seconds rows/s MB/s peakRSS_MiB
for f in $formats; do
  out="$work/out-$rows-$f"
  rm -rf "$out"
  /usr/bin/time -f '%e %M' -o "$work/time" env SYNTH_JAVA_OPTS="-Xmx$heap" \
    ./synth generate --model-file "$model" --rows "adult=$rows" --target "$out" --format "$f" \
    --threads 1 ${report_flag} >/dev/null 2>"$work/err" \
    || { echo "$f failed: $(tail -1 "$work/err")"; continue; }
  read -r secs rss < "$work/time"
  bytes=$(du -sb "$out" | cut -f1)
  awk -v f="$f" -v r="$rows" -v s="$secs" -v b="$bytes" -v m="$rss" \
    'BEGIN { printf "%-8s %10d %10.1f %10.0f %10.1f %12.0f   (%.0f MiB out)\n", f, r, s, r/s, b/1048576/s, m/1024, b/1048576 }'
done
