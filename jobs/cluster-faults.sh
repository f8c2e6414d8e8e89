#!/usr/bin/env bash
# jobs/cluster-faults.sh — faults on the real standalone cluster (jobs/cluster-local.sh,
# spark://127.0.0.1:7077, two one-core workers). Three runs of the same sweep (seeded):
#   1. undisturbed: the reference leaderboard;
#   2. a worker JVM and its executor kill -9'd in the middle of a generation: Spark's task retry must finish the sweep
#      on the other worker with a leaderboard identical to the reference;
#   3. the driver kill -9'd in its last generation (two of three saved), then `--resume`: identical again.
# Prints what it did and the comparisons; exits 1 when a leaderboard differs. Not part of the test suite.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
out="$home/target/cluster-faults"
rm -rf "$out"; mkdir -p "$out"
mvn -q -B -DskipTests package >&2
run="$home/target/cluster"
trap 'jobs/cluster-local.sh stop >/dev/null 2>&1 || true' EXIT
args=(sweep --study conf/study.yaml --generations 3 --population "${SDE_FAULT_POPULATION:-240}")

same() {   # $1 $2: leaderboard folders
  if cmp -s "$1/leaderboard.json" "$2/leaderboard.json"; then
    echo "  identical leaderboard.json ($(grep -c '"id"' "$2/leaderboard.json") rows) to the reference"
  else
    echo "error: $2/leaderboard.json differs from the reference:" >&2
    diff "$1/leaderboard.json" "$2/leaderboard.json" | head -20 >&2
    exit 1
  fi
}

wait_for() {   # $1 log file, $2 pattern, $3 seconds
  for _ in $(seq 1 $(( $3 * 10 ))); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
  echo "error: '$2' did not appear in $1 within $3 s" >&2; exit 1
}

echo "1. undisturbed sweep on the cluster"
jobs/cluster-local.sh start
t0=$(date +%s.%N)
jobs/cluster-local.sh submit "${args[@]}" --out "$out/reference" > "$out/reference.log" 2>&1
echo "  done in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}') s: $(grep -m1 'evaluations this run' "$out/reference.log")"
jobs/cluster-local.sh stop >/dev/null

echo "2. kill -9 one worker JVM in the middle of generation 2"
jobs/cluster-local.sh start
t0=$(date +%s.%N)
jobs/cluster-local.sh submit "${args[@]}" --out "$out/worker-killed" > "$out/worker-killed.log" 2>&1 &
driver=$!
wait_for "$out/worker-killed.log" "generation 1/3" 300
sleep "${SDE_FAULT_DELAY:-1.5}"
victim=$(cat "$run/worker2.pid")
executors=$(pgrep -P "$victim" || true)
# The worker JVM and the executor it launched: the machine is gone, its running tasks with it.
kill -9 "$victim" $executors
echo "  killed worker 2 (pid $victim) and its executor (pid ${executors:-none}) at $(date +%T.%N | cut -c1-12)"
wait "$driver"
echo "  sweep finished in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}') s; lost-task lines in the driver log: $(grep -ciE 'lost task|lost executor|removed.*executor' "$out/worker-killed.log" || true)"
same "$out/reference" "$out/worker-killed"
jobs/cluster-local.sh stop >/dev/null
pkill -9 -f CoarseGrainedExecutorBackend 2>/dev/null || true

echo "3. kill -9 the driver in generation 3 (two saved), then --resume"
jobs/cluster-local.sh start
jobs/cluster-local.sh submit "${args[@]}" --out "$out/driver-killed" > "$out/driver-killed.log" 2>&1 &
driver=$!
wait_for "$out/driver-killed.log" "generation 2/3" 300
sleep 0.5
pkill -9 -P "$driver" 2>/dev/null || true
kill -9 "$driver" 2>/dev/null || true
wait "$driver" 2>/dev/null || true
echo "  killed the driver in generation 3 (it had logged $(grep -c '^generation' "$out/driver-killed.log") finished generations)"
pkill -9 -f CoarseGrainedExecutorBackend 2>/dev/null || true
jobs/cluster-local.sh submit "${args[@]}" --resume --out "$out/driver-killed" > "$out/driver-resumed.log" 2>&1
echo "  resumed: $(grep -m1 'evaluations this run' "$out/driver-resumed.log")"
same "$out/reference" "$out/driver-killed"
echo "all three leaderboards identical"
