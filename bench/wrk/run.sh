#!/usr/bin/env bash
# Klaster web benchmark: starts `klaster serve` on 127.0.0.1 with a throw-away database, runs wrk
# (50 connections, 2 threads, ~10 s) against each endpoint, prints latency percentiles, stops the server.
# Usage: bench/wrk/run.sh [SECONDS]      (needs the Debian package wrk; builds the jar if missing)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
secs="${1:-10}"
port="${KLASTER_BENCH_PORT:-18080}"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
jar="$root/app/target/klaster.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests -pl app -am package)
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

java -Xss8m -Xmx1g -jar "$jar" serve --host 127.0.0.1 --port "$port" --db "$work/bench.duckdb" >"$work/server.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 120); do curl -fs "$base/api/v1/datasets" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$base/api/v1/datasets" >/dev/null || { echo "server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }

# no demo in the database (e.g. `klaster demo` unavailable): upload a generated activity file instead
if ! curl -fs "$base/api/v1/datasets" | grep -q '"id"'; then
  python3 "$here/activity.py" "$root/data/src/main/resources/org/klaster/data/reference/regions.csv" >"$work/activity.csv"
  curl -fs -o /dev/null -F "file=@$work/activity.csv" "$base/datasets/upload"
fi
ds="$(curl -fs "$base/api/v1/datasets" | python3 -c 'import json,sys; d=json.load(sys.stdin)["datasets"]; s=[x for x in d if x["synthetic"]]; print((s or d)[0]["id"])')"
cat="$(curl -fs "$base/api/v1/categories?dataset=$ds" | python3 -c 'import json,sys; c=json.load(sys.stdin)["categories"]; print(max(c,key=lambda x:x["employment"])["category"])')"
region="$(curl -fs "$base/api/v1/regions" | python3 -c 'import json,sys; print(json.load(sys.stdin)["regions"][0]["region"])')"

endpoints=(
  "/api/v1/datasets"
  "/api/v1/regions"
  "/api/v1/categories?dataset=$ds"
  "/api/v1/mapping?dataset=$ds"
  "/api/v1/mapping/map?dataset=$ds&metric=lq&category=$cat"
  "/api/v1/mapping/regions/$region?dataset=$ds"
  "/api/v1/mapping/categories/$cat?dataset=$ds"
  "/mapping?dataset=$ds"
  "/mapping/regions/$region?dataset=$ds"
  "/mapping/categories/$cat?dataset=$ds"
)
echo "dataset=$ds category=$cat region=$region; wrk -t2 -c50 -d${secs}s --latency; $(nproc) cores"
printf '%-60s %10s %9s %9s %9s %9s\n' endpoint req/s p50 p90 p99 errors
for e in "${endpoints[@]}"; do
  curl -fs -o /dev/null "$base$e"   # warm the caches once
  out="$(wrk -t2 -c50 -d"${secs}s" --latency "$base$e")"
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1=="50%" {print $2}' <<<"$out")"
  p90="$(awk '$1=="90%" {print $2}' <<<"$out")"
  p99="$(awk '$1=="99%" {print $2}' <<<"$out")"
  errs="$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out" | tr -s ' ' | tr '\n' ';')"
  printf '%-60s %10s %9s %9s %9s %9s\n' "${e:0:60}" "$rps" "$p50" "$p90" "$p99" "${errs:-0}"
done
