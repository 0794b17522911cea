#!/usr/bin/env bash
# Seeding time of the Maven plugin: `mvn verify` of examples/maven-seeding into PostgreSQL at about
# 10k, 100k and 1M rows (customers plus their orders), each into a fresh database. Prints the
# plugin's own line, "synth: wrote N rows … in S s", which times generate from the model file.
# Needs SYNTH_PG_URL (. .ci/servers) and the plugin built into synth-maven-plugin/target/it-repo
# (mvn verify -pl synth-maven-plugin -am -Dinvoker.test=maven-seeding); ~/.m2 is only read.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
repo=$root/synth-maven-plugin/target/it-repo
work=$(mktemp -d /tmp/synth-seeding-XXXX)
cp -r "$root/examples/maven-seeding/." "$work/"
cat > "$work/settings.xml" <<XML
<settings><mirrors><mirror><id>local</id><mirrorOf>*</mirrorOf><url>file://$HOME/.m2/repository</url></mirror></mirrors></settings>
XML
server=${SYNTH_PG_URL:?run . .ci/servers first}
base=${server%%\?*}; base=${base%/*}; params=${server#*\?}
psql_() { PGPASSWORD=postgres psql -q -h 127.0.0.1 -U postgres -d postgres -c "$1"; }
# 60 sample customers have 201 orders: a customer brings 4.35 rows.
for customers in 2300 23000 230000; do
  db=synth_plugin_bench_${customers}_$$
  psql_ "CREATE DATABASE $db"
  start=$(date +%s.%N)
  (cd "$work" && mvn -B -s settings.xml -Dmaven.repo.local="$repo" verify \
      -Dtest.db="$base/$db?$params" -Dsynth.rows=customers=$customers) \
    > "$work/build-$customers.log" 2>&1 || { tail -40 "$work/build-$customers.log"; exit 1; }
  end=$(date +%s.%N)
  grep -h "synth: wrote .* rows into" "$work/build-$customers.log" | sed 's/password=[^&]*/password=***/'
  printf '  mvn verify wall time: %.1f s\n' "$(echo "$end - $start" | bc)"
  psql_ "DROP DATABASE $db WITH (FORCE)"
done
rm -rf "$work"
