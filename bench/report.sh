#!/usr/bin/env bash
# Quality-report figures for each ../shared dataset (statistical model, seed 42, 20 % holdout),
# as a markdown table in the published tables' 0-100 convention. Usage: bench/report.sh [out-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
datasets=${SYNTH_SHARED_DATASETS:-$(cd .. && pwd)/shared/datasets}
out=${1:-$(mktemp -d)}
mkdir -p "$out"
declare -A predict=([adult]=adult.income [berka]=loan.status [baseball]=players.bats [cdnow]=purchases.amt)
echo "| dataset | predicted column | column shapes | pair trends | cardinality | inter-table trends | detection | fidelity | utility | privacy | overall | grade | report (s) |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for d in adult berka baseball cdnow; do
  rm -rf "$out/$d"
  ./synth generate --source "$datasets/$d" --target "$out/$d/synthetic" --seed 42 --holdout 0.2 \
    --report "$out/$d/report" --predict "${predict[$d]}" > "$out/$d.log" 2>&1
  python3 - "$out/$d/report/report.json" "$d" "${predict[$d]}" "$out/$d.log" <<'PY'
import json, re, sys
s = json.load(open(sys.argv[1]))["summary"]
log = open(sys.argv[4]).read()
secs = re.search(r"report ([0-9.]+) s", log).group(1)
f = lambda k: "—" if s[k] is None else f"{100 * s[k]:.1f}"
print(f"| {sys.argv[2]} | {sys.argv[3]} | " + " | ".join(f(k) for k in
      ["column_shapes", "pair_trends", "cardinality", "intertable_trends", "detection", "fidelity", "utility", "privacy", "overall"])
      + f" | {s['grade']} | {secs} |")
PY
done
