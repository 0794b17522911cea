#!/bin/bash
# Fit times of baseball x10 read from PostgreSQL with one and two source readers (docs/benchmarks.md,
# "Fitting a large database"). Needs the servers of .ci/servers and ../shared/datasets.
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/servers >/dev/null
PG="postgresql://postgres:postgres@127.0.0.1:5432"
JPG="jdbc:postgresql://127.0.0.1:5432"
AUTH="user=postgres&password=postgres"
for db in bench_baseball bench_baseball10; do
  psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $db" -qc "CREATE DATABASE $db"
done
./synth copy --source "$SYNTH_SHARED_DATASETS/baseball" --target "$JPG/bench_baseball?$AUTH" >/dev/null
psql "$PG/bench_baseball" -qc 'ALTER TABLE batting ADD COLUMN id bigserial PRIMARY KEY' \
  -qc 'ALTER TABLE fielding ADD COLUMN id bigserial PRIMARY KEY'
./synth generate --source "$JPG/bench_baseball?$AUTH" --target "$JPG/bench_baseball10?$AUTH" \
  --scale 10 --no-report >/dev/null
for run in 1 2 3; do
  for readers in 1 2; do
    /usr/bin/time -f "readers=$readers run=$run wall=%e s peak-rss=%M KB" \
      ./synth train --source "$JPG/bench_baseball10?$AUTH" --out "/tmp/readers-$readers.synth" \
      --source-readers "$readers" 2>&1 | tail -1
  done
done
