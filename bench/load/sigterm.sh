#!/usr/bin/env bash
# Clean shutdown under load: while wrk -t2 -c50 asks for uncached answers (every year × base_year of the
# mapping table, in both languages) and an upload is under way, the server gets SIGTERM (then, in a second
# round, SIGINT as Ctrl+C sends); it must exit within 10 s, and start again on the same database.
# Usage: bench/load/sigterm.sh       prints a summary table; exit 1 when a goal is missed
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
# job control: without it bash starts background jobs with SIGINT ignored (and the JVM keeps it ignored),
# where a terminal's Ctrl+C reaches a server that handles it
set -m
firms_csv 400000 9 "$work/firms.csv"
# wrk script: a new query on every request, so the server computes instead of answering from its cache
cat >"$work/busy.lua" <<'LUA'
local i = 0
request = function()
  i = i + 1
  local y = 2019 + i % 6
  return wrk.format("GET", "/api/v1/mapping?year=" .. y .. "&base_year=2018&lang=" .. ((i % 2 == 0) and "en" or "ru") ..
    "&region=" .. string.format("RU-%s", ({"MOW","SPE","SAM","TA","NIZ","SVE"})[i % 6 + 1]))
end
LUA
printf '%-8s %-22s %-12s %-12s %-10s  %s\n' signal "under" "exit s" "exit status" restart goal
fails=0
for sig in TERM INT; do
  start_server
  wrk -t2 -c50 -d30s -s "$work/busy.lua" "$base" >/dev/null 2>&1 &
  w=$!
  ( post_upload "$base/datasets/upload" kind=firms "file=@$work/firms.csv;filename=sigterm-$sig.csv" >/dev/null ) &
  up=$!
  sleep 3
  load="$(load_now | cut -d, -f1)"
  t0=$(date +%s%N)
  kill -s "$sig" "$pid"
  # at most 30 s, then kill -9 (a FAIL)
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  secs="$(since "$t0")"
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  status=0; wait "$pid" || status=$?
  pid=""
  kill "$w" 2>/dev/null || true; wait "$w" 2>/dev/null || true; wait "$up" 2>/dev/null || true
  start_server
  restart="$(curl -s -o /dev/null -w '%{http_code}' "$base/mapping")"
  stop_server
  ok=PASS
  awk -v s="$secs" 'BEGIN {exit !(s < 10)}' && [ "$restart" = 200 ] || ok=FAIL
  [ "$ok" = PASS ] || fails=$((fails + 1))
  printf '%-8s %-22s %-12s %-12s %-10s  %s\n' "SIG$sig" "wrk -c50 + upload" "$secs" "$status" "$restart" "$ok"
  echo "  (load average when signalled: $load)"
done
if [ "$fails" = 0 ]; then echo "SIGTERM/SIGINT under load: PASS"; else echo "SIGTERM/SIGINT under load: FAIL"; exit 1; fi
