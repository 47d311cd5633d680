#!/usr/bin/env bash
# Shared by the load and fault scripts: start `klaster serve` through the launcher (so the measured JVM
# options are the shipped ones), wait until it answers, read its RSS, stop it. Source, do not run.
# Environment: KLASTER_BENCH_PORT (default 18090), KLASTER_BENCH_DB (a database to reuse; default: a
# throw-away one, the demo is created on first start, ~15 s), KLASTER_JAVA_OPTS (extra JVM options).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
port="${KLASTER_BENCH_PORT:-18090}"
base="http://127.0.0.1:$port"
work="$(mktemp -d)"
db="${KLASTER_BENCH_DB:-$work/bench.duckdb}"
pid=""

cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# start_server [LOG]: starts the server in the background, sets $pid, waits until the API answers
start_server() {
  local log="${1:-$work/server.log}"
  "$root/klaster" serve --host 127.0.0.1 --port "$port" --db "$db" >>"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do
    curl -fs -o /dev/null "$base/api/v1/regions" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  echo "the server did not start; its log:" >&2
  cat "$log" >&2
  exit 1
}

# rss_mb: resident memory of the server now, MB
rss_mb() {
  awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status"
}

# seconds SECONDS_SINCE_EPOCH_NS: elapsed seconds since a `date +%s%N` stamp
since() {
  awk -v a="$1" -v b="$(date +%s%N)" 'BEGIN {printf "%.2f", (b - a) / 1e9}'
}

# stop_server: SIGTERM, wait
stop_server() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi
}

load_now() {
  uptime | sed 's/.*load average: //'
}

# post_upload URL FIELD=VALUE… FILE=@PATH: a multipart upload as the Data page sends it (same Origin;
# the CSRF token of the Data page's form and its cookie when the page carries one)
post_upload() {
  local url="$1"; shift
  local jar="$work/cookies.$$.$RANDOM"
  local page token name
  page="$(curl -fs -c "$jar" "$base/datasets" || true)"
  name="$(grep -o 'name="[^"]*csrf[^"]*"' <<<"$page" | head -1 | sed 's/name="//; s/"$//' || true)"
  local args=()
  if [ -n "$name" ]; then
    token="$(grep -o "name=\"$name\"[^>]*value=\"[^\"]*\"" <<<"$page" | head -1 | sed 's/.*value="//; s/"$//' || true)"
    [ -n "$token" ] && args+=(-F "$name=$token")
  fi
  for a in "$@"; do args+=(-F "$a"); done
  curl -s -o /dev/null -w '%{http_code}' -b "$jar" -H "Origin: $base" "${args[@]}" "$url"
  rm -f "$jar"
}

# to_ms VALUE: a wrk latency (850.00us, 12.3ms, 1.20s, 2.00m) in milliseconds
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.1f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.1f", v }
    else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.1f", v * 60000 }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.1f", v * 1000 }
    else printf "%s", "?" }'
}

# wrk_row LABEL URL SECONDS [P99_GOAL_MS]: runs `wrk -t2 -c50 --latency` on one URL and prints one table row
# (req/s, p50, p99 in ms, non-2xx answers, timeouts and other socket errors, PASS/FAIL); returns 1 on FAIL.
# The goal: zero non-2xx, no timeouts or socket errors, p99 below the goal (300 ms unless given).
wrk_row() {
  local label="$1" url="$2" secs="$3" goal="${4:-300}" out rps p50 p99 non2xx sock timeouts verdict=PASS
  out="$(wrk -t2 -c50 -d"${secs}s" --latency "$url" 2>&1)"
  rps="$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out")"
  p50="$(to_ms "$(awk '$1=="50%" {print $2}' <<<"$out")")"
  p99="$(to_ms "$(awk '$1=="99%" {print $2}' <<<"$out")")"
  non2xx="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"; non2xx="${non2xx:-0}"
  # "Socket errors: connect 0, read 0, write 0, timeout 12"
  timeouts="$(sed -n 's/.*timeout \([0-9]*\).*/\1/p' <<<"$out")"; timeouts="${timeouts:-0}"
  sock="$(sed -n 's/.*connect \([0-9]*\), read \([0-9]*\), write \([0-9]*\),.*/\1 \2 \3/p' <<<"$out" | awk '{print $1 + $2 + $3}')"
  sock="${sock:-0}"
  [ "$non2xx" = 0 ] && [ "$timeouts" = 0 ] && [ "$sock" = 0 ] && awk -v p="$p99" -v g="$goal" 'BEGIN {exit !(p + 0 < g && p != "?")}' \
    || verdict=FAIL
  printf '%-58s %8s %9s %9s %7s %8s %6s  %s\n' "${label:0:58}" "$rps" "$p50" "$p99" "$non2xx" "$timeouts" "$sock" "$verdict"
  [ "$verdict" = PASS ]
}

wrk_header() {
  printf '%-58s %8s %9s %9s %7s %8s %6s  %s\n' endpoint req/s "p50 ms" "p99 ms" non2xx timeouts sockerr goal
}

# datasets_ids: the ids of the stored datasets, one a line, sorted
dataset_ids() {
  curl -fs "$base/api/v1/datasets" | python3 -c 'import json,sys; print("\n".join(sorted(d["id"] for d in json.load(sys.stdin)["datasets"])))'
}

# firms_csv ROWS SEED FILE: a synthetic firm-level file (bench/load/firms.py)
firms_csv() {
  python3 "$here/firms.py" "$root/data/src/main/resources/org/klaster/data/reference/regions.csv" "$1" "$2" >"$3"
}

# kill9_server: kill -9, wait
kill9_server() {
  if [ -n "$pid" ]; then kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi
}
