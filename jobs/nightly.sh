#!/usr/bin/env bash
# jobs/nightly.sh — a bounded daemon session for cron or a systemd timer (README, "Nightly").
#   SDE_NIGHTLY_MINUTES (default 60) and SDE_NIGHTLY_RUNS (default 0: no run limit) bound it;
#   SDE_MASTER (default local[*]) and SDE_OUT (default output) say where. Each night continues the
#   same search; its console goes to $SDE_OUT/nightly/YYYY-MM-DD.log. SDE_NIGHTLY_REOPEN=1 passes
#   --reopen (search plateaued studies again after a ceiling stop). Exit status is the daemon's
#   (2 when another daemon holds $SDE_OUT, so overlapping nights never share a folder).
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
out="${SDE_OUT:-output}"
mkdir -p "$out/nightly"
log="$out/nightly/$(date -u +%F).log"
echo "nightly session $(date -u +%FT%TZ): ${SDE_NIGHTLY_MINUTES:-60} minutes, ${SDE_NIGHTLY_RUNS:-0} runs (0 = no limit)" >> "$log"
exec "$home/jobs/endless.sh" --master "${SDE_MASTER:-local[*]}" --out "$out" \
  --max-minutes "${SDE_NIGHTLY_MINUTES:-60}" --max-runs "${SDE_NIGHTLY_RUNS:-0}" \
  ${SDE_NIGHTLY_REOPEN:+--reopen} >> "$log" 2>&1
