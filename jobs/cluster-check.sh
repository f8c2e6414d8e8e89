#!/usr/bin/env bash
# jobs/cluster-check.sh — the same sweep on a real standalone cluster
# (spark://127.0.0.1:7077, two workers, jobs/cluster-local.sh) and on local[2] must write the same
# leaderboard.json. Starts the cluster, submits, runs locally, compares, and always stops the cluster.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
out="$home/target/cluster-check"
rm -rf "$out"
mvn -q -B -DskipTests package >&2
trap 'jobs/cluster-local.sh stop >/dev/null' EXIT
jobs/cluster-local.sh start
args=(sweep --study conf/study.yaml --generations 2 --population 8)
jobs/cluster-local.sh submit "${args[@]}" --out "$out/cluster" > "$out.cluster.log" 2>&1
jobs/sde "${args[@]}" --master 'local[2]' --out "$out/local2" > "$out.local.log" 2>&1
if cmp -s "$out/cluster/leaderboard.json" "$out/local2/leaderboard.json"; then
  echo "same leaderboard on spark://127.0.0.1:7077 and local[2] ($(grep -c '"rank"' "$out/local2/leaderboard.json") rows)"
else
  echo "error: leaderboards differ:" >&2
  diff "$out/cluster/leaderboard.json" "$out/local2/leaderboard.json" | head -20 >&2
  exit 1
fi
