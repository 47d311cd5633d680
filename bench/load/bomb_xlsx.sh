#!/usr/bin/env bash
# XLSX bombs against `klaster serve` (issue 10, probe 2): uploads generated bombs and reports, per
# upload, the status, the wall time and the server's RSS growth (peak sampled every 0.1 s over the RSS
# before), then PASS/FAIL against the goals: refused (413/422) within 15 s, RSS growth < 1 GB, nothing
# stored. Bombs (bench/load/bomb_xlsx.py): "cell" — one shared string of 2 GiB in ~2.7 MB; "rows" —
# 4 Gi empty <row/> elements in ~45 MB; "3 cells at once" — three cell bombs uploaded concurrently.
#
# Usage: bench/load/bomb_xlsx.sh                  starts a server on a throw-away database (port
#                                                  $KLASTER_BENCH_PORT, default 18111) and stops it after
#        bench/load/bomb_xlsx.sh URL PID          targets a running server (PID for its RSS)
# Environment: JAVA_OPTS (default "-Xss8m") for the started server.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
pid=""
started=""
cleanup() {
  if [ -n "$started" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ $# -ge 2 ]; then
  base="$1"; pid="$2"
else
  port="${KLASTER_BENCH_PORT:-18111}"
  jar="$root/app/target/klaster.jar"
  [ -f "$jar" ] || (cd "$root" && mvn -B -q -o -DskipTests -pl app -am package)
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:--Xss8m} -jar "$jar" serve --host 127.0.0.1 --port "$port" --db "$work/bomb.duckdb" >"$work/server.log" 2>&1 &
  pid=$!; started=1
  base="http://127.0.0.1:$port"
  for _ in $(seq 1 180); do curl -fs "$base/api/v1/datasets" >/dev/null 2>&1 && break; sleep 1; done
  curl -fs "$base/api/v1/datasets" >/dev/null || { echo "server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
fi

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$pid/status"; }
datasets() { curl -fs "$base/api/v1/datasets" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["datasets"]))'; }

echo "generating bombs in $work …"
python3 "$here/bomb_xlsx.py" cell "$work/cell.xlsx"
python3 "$here/bomb_xlsx.py" rows "$work/rows.xlsx"
printf '  cell.xlsx %s bytes (one 2 GiB cell), rows.xlsx %s bytes (4 Gi empty rows)\n' \
  "$(stat -c %s "$work/cell.xlsx")" "$(stat -c %s "$work/rows.xlsx")"

fails=0
# run NAME FILE [COPIES]: uploads COPIES (default 1) at once; one summary line
run() {
  local name="$1" file="$2" copies="${3:-1}"
  local before_ds before_rss peak rss t0 t1 codes i p running pids=()
  before_ds="$(datasets)"
  before_rss="$(rss_kb)"; peak="$before_rss"
  t0="$(date +%s.%N)"
  for i in $(seq 1 "$copies"); do
    curl -s -o "$work/body.$i" -w '%{http_code}\n' -F kind=activity -F "file=@$file;filename=$(basename "$file")" \
      "$base/datasets/upload?lang=en" >"$work/code.$i" &
    pids+=($!)
  done
  running=1
  while [ -n "$running" ]; do
    rss="$(rss_kb)"; [ "$rss" -gt "$peak" ] && peak="$rss"
    running=""
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && running=1; done
    [ -z "$running" ] || sleep 0.1
  done
  for p in "${pids[@]}"; do wait "$p" || true; done
  t1="$(date +%s.%N)"
  codes="$(cat "$work"/code.* | tr '\n' ' ')"
  rm -f "$work"/code.*
  local secs growth_mb ok=PASS
  secs="$(python3 -c "print(f'{$t1 - $t0:.2f}')")"
  growth_mb=$(( (peak - before_rss) / 1024 ))
  for c in $codes; do [ "$c" = 413 ] || [ "$c" = 422 ] || ok=FAIL; done
  python3 -c "import sys; sys.exit(0 if $secs < 15 else 1)" || ok=FAIL
  [ "$growth_mb" -lt 1024 ] || ok=FAIL
  [ "$(datasets)" = "$before_ds" ] || ok=FAIL
  [ "$ok" = PASS ] || fails=$((fails + 1))
  printf '%-16s status %-12s wall %6s s  RSS %5d MB → peak %5d MB (growth %4d MB)  stored nothing: %s  %s\n' \
    "$name" "$codes" "$secs" $((before_rss / 1024)) $((peak / 1024)) "$growth_mb" \
    "$([ "$(datasets)" = "$before_ds" ] && echo yes || echo NO)" "$ok"
  grep -ho 'class="msg">[^<]*' "$work"/body.* | head -1 | sed 's/class="msg">/    answer: /'
  rm -f "$work"/body.*
}

echo "goals: refused (413/422) within 15 s, RSS growth < 1024 MB, nothing stored"
run "cell (2 GiB)" "$work/cell.xlsx"
run "rows (4 Gi)" "$work/rows.xlsx"
run "3 cells at once" "$work/cell.xlsx" 3
echo "load: $(uptime)"
if [ "$fails" -eq 0 ]; then echo "PASS"; else echo "FAIL ($fails of 3)"; exit 1; fi
