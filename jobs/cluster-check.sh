#!/usr/bin/env bash
# jobs/cluster-check.sh — the same sweep on a real standalone cluster
# (spark://127.0.0.1:7077, two workers, jobs/cluster-local.sh) and on local[2] must write the same
# leaderboard.json and optimization_log.json. Starts the cluster, submits, runs locally, compares, and
# always stops the cluster. The population is large enough for feasible rows: two empty leaderboards
# are equal and prove nothing, so a leaderboard without rows is an error too.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
out="$home/target/cluster-check"
rm -rf "$out"
mvn -q -B -DskipTests package >&2
trap 'jobs/cluster-local.sh stop >/dev/null' EXIT
jobs/cluster-local.sh start
args=(sweep --study conf/study.yaml --generations 2 --population 300)
jobs/cluster-local.sh submit "${args[@]}" --out "$out/cluster" > "$out.cluster.log" 2>&1
jobs/sde "${args[@]}" --master 'local[2]' --out "$out/local2" > "$out.local.log" 2>&1
rows=$(grep -c '"rank"' "$out/local2/leaderboard.json" || true)
if [[ "$rows" -eq 0 ]]; then
  echo "error: the local[2] sweep wrote no leaderboard row: nothing to compare (see $out.local.log)" >&2
  exit 1
fi
for f in leaderboard.json optimization_log.json; do
  if ! cmp -s "$out/cluster/$f" "$out/local2/$f"; then
    echo "error: $f differs between spark://127.0.0.1:7077 and local[2]:" >&2
    diff "$out/cluster/$f" "$out/local2/$f" | head -20 >&2
    exit 1
  fi
done
echo "same leaderboard.json ($rows rows) and optimization_log.json on spark://127.0.0.1:7077 and local[2]"
