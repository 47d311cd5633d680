#!/usr/bin/env bash
# Benchmark: partner matchmaking under load through the API. MatchServe writes a DuckDB file with the demo datasets
# and a synthetic registry of ORGS organisations (default 100 000, MatchBench's), an API token and 5 000 request paths
# (needs with an asker, a code half of the time), then runs `klaster serve` on it. wrk (Debian package `wrk`) cycles
# through the paths — every request a different need, so neither the response cache (which does not keep the match
# API anyway) nor repetition helps — first 10 s of warm-up, then `wrk -t2 -c20 -d20s --latency`: p50 … p99.
#
# usage: bench/match/wrk.sh [ORGS [CONNECTIONS [SECONDS]]]
# env:   KLASTER_JAVA_OPTS=-Xmx2g  PORT=18089  WORK=DIR (keep the database there: the registry import of 100 000
#        organisations takes minutes, a second run reuses it)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
orgs="${1:-100000}"
conns="${2:-20}"
secs="${3:-20}"
port="${PORT:-18089}"
command -v wrk >/dev/null || { echo "wrk is missing: sudo apt-get install -y wrk" >&2; exit 2; }
classes="$root/bench/target/classes"
appjar="$root/app/target/klaster.jar"
stamp="$classes/org/klaster/bench/match/MatchServe.class"
if [ ! -f "$stamp" ] || [ ! -f "$appjar" ] || [ -n "$(find "$root/pom.xml" "$root/core" "$root/data" "$root/app" "$root/bench" \
     \( -path '*/target' -prune \) -o \( -type f \( -path '*/src/*' -o -name pom.xml \) -newer "$stamp" -print \) 2>/dev/null | head -1)" ]; then
  echo "== building the bench module" >&2
  (cd "$root" && mvn -o -q -B -pl bench -am package -DskipTests)
fi
work="${WORK:-$(mktemp -d)}"
mkdir -p "$work"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; [ -n "${WORK:-}" ] || rm -rf "$work"; }
trap cleanup EXIT
echo "== $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
java -Xss8m ${KLASTER_JAVA_OPTS:--Xmx2g} -cp "$classes:$appjar" org.klaster.bench.match.MatchServe "$work" "$port" "$orgs" \
  > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 3600); do
  curl -fs "http://127.0.0.1:$port/api/v1/openapi.json" -o /dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 1
done
grep -E "demo datasets|registry import|changeCount" "$work/server.log" >&2 || true
export TOKEN="$(cat "$work/token")" PATHS="$work/paths.txt"
first="$(head -1 "$PATHS")"
echo "== first request (builds the index): $(curl -fs -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TOKEN" \
  "http://127.0.0.1:$port$first") s; second: $(curl -fs -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TOKEN" \
  "http://127.0.0.1:$port$first") s" >&2
echo "== warm-up: 10 s" >&2
wrk -t2 -c"$conns" -d10s -s "$here/paths.lua" "http://127.0.0.1:$port" > /dev/null
echo "== wrk -t2 -c$conns -d${secs}s --latency" >&2
wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$here/paths.lua" "http://127.0.0.1:$port"
