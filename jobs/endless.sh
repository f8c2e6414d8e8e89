#!/usr/bin/env bash
# jobs/endless.sh [--master URL] [daemon options…] — the endless optimizer through spark-submit
# (jobs/submit.sh): no budget unless you give --max-runs / --max-minutes. Restart it after a crash
# or kill: it continues from OUT/optimization_state.json and the studies' Parquet leaderboards.
#   jobs/endless.sh --master 'local[*]' --out output
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
master="${SDE_MASTER:-local[*]}"
if [[ "${1:-}" == "--master" ]]; then master="${2:?--master needs a URL}"; shift 2; fi
exec "$home/jobs/submit.sh" --master "$master" daemon "$@"
