#!/usr/bin/env bash
# CPU time each thread of each process used over a window, summed by process and thread name, busiest first: who
# shares the two cores with the station while a benchmark runs (docs/performance.md, the XRF latency section).
# Reads /proc only (user + system time), so it costs nothing while it waits.
# Usage: deploy/scripts/thread-cpu.sh [seconds] [rows]   (defaults 20 and 30); start it while a benchmark runs.
set -euo pipefail
seconds=${1:-20}
rows=${2:-30}

# one line per thread: pid|command line (60 chars)|thread name|utime+stime in clock ticks
snapshot() {
  local task stat name rest pid
  for task in /proc/[0-9]*/task/[0-9]*; do
    stat=$(cat "$task/stat" 2>/dev/null) || continue # the thread ended meanwhile
    name=${stat#*(}
    name=${name%)*}
    rest=${stat##*) }
    pid=${task#/proc/}
    pid=${pid%%/*}
    # shellcheck disable=SC2086
    set -- $rest
    printf '%s|%s|%s|%s\n' "$pid" "$(tr '\0|' '  ' <"/proc/$pid/cmdline" 2>/dev/null | cut -c1-60)" "$name" \
      "$((${12} + ${13}))"
  done
}

before=$(snapshot)
sleep "$seconds"
after=$(snapshot)
awk -F'|' -v ticks="$(getconf CLK_TCK)" '
  FNR == NR { used[$1 "|" $2 "|" $3] -= $4; seen[$1 "|" $2 "|" $3] = 1; next }
  { used[$1 "|" $2 "|" $3] += $4 }
  END { for (k in used) if (seen[k] && used[k] > 0) printf "%8.0f ms  %s\n", used[k] * 1000 / ticks, k }' \
  <(printf '%s\n' "$before") <(printf '%s\n' "$after") | sort -rn | head -"$rows"
