#!/usr/bin/env bash
# Klaster web benchmark: starts `klaster serve` through the launcher (the shipped JVM options) on 127.0.0.1
# with a throw-away database (the demo is created on first start, ~15 s; KLASTER_BENCH_DB reuses one), then
# runs `wrk -t2 -c50 --latency` for SECONDS against every page and API answer, and prints a table with
# PASS/FAIL against the goals of issue 10: zero non-2xx, no timeouts, p99 < 300 ms. Exit 1 when one fails.
# Each URL is requested once before its run (the response cache warm, as a visitor after the first);
# KLASTER_BENCH_COLD=1 skips that, so the first requests under load also compute.
# Usage: bench/wrk/run.sh [SECONDS=10]      (needs the Debian package wrk)
source "$(dirname "${BASH_SOURCE[0]}")/../load/lib.sh"
secs="${1:-10}"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
start_server

# no demo in the database (e.g. `klaster demo` unavailable): upload a generated activity file instead
if ! curl -fs "$base/api/v1/datasets" | grep -q '"id"'; then
  python3 "$root/bench/wrk/activity.py" "$root/data/src/main/resources/org/klaster/data/reference/regions.csv" >"$work/activity.csv"
  post_upload "$base/datasets/upload" "file=@$work/activity.csv" >/dev/null
fi
json() { curl -fs "$base$1" | python3 -c "import json,sys; d=json.load(sys.stdin); print($2)" 2>/dev/null || true; }
ds="$(json /api/v1/datasets 'next((x["id"] for x in d["datasets"] if x["kind"] in ("activity","firms") and x["synthetic"]), d["datasets"][0]["id"])')"
cat="$(json "/api/v1/categories?dataset=$ds" 'max(d["categories"], key=lambda x: x["employment"])["category"]')"
region="$(json /api/v1/regions 'next((r["region"] for r in d["regions"] if r["region"]=="RU-SAM"), d["regions"][0]["region"])')"
product="$(json /api/v1/sovereignty/dependency 'd["rows"][0]["product"]')"
industry="$(json "/api/v1/opportunities/regions/$region" 'd["rows"][0]["industry"]')"
sector="$(json /api/v1/sovereignty/multipliers 'd["rows"][0]["sector"]')"

endpoints=(
  "/"
  "/mapping?dataset=$ds"
  "/mapping/regions/$region?dataset=$ds"
  "/mapping/categories/$cat?dataset=$ds"
  "/datasets"
  "/sovereignty/multipliers"
  "/sovereignty/shock"
  "/sovereignty/extraction"
  "/sovereignty/dependency"
  "/opportunities/product-space"
  "/opportunities/region?region=$region"
  "/api/v1/datasets"
  "/api/v1/regions"
  "/api/v1/categories?dataset=$ds"
  "/api/v1/mapping?dataset=$ds"
  "/api/v1/mapping/map?dataset=$ds&metric=lq&category=$cat"
  "/api/v1/mapping/regions/$region?dataset=$ds"
  "/api/v1/mapping/categories/$cat?dataset=$ds"
  "/api/v1/sovereignty/multipliers"
  "/api/v1/sovereignty/shock?rates=$sector=0.1"
  "/api/v1/sovereignty/extraction"
  "/api/v1/sovereignty/dependency"
  "/api/v1/sovereignty/dependency/partners?product=$product"
  "/api/v1/sovereignty/coverage"
  "/api/v1/opportunities/complexity"
  "/api/v1/opportunities/product-space"
  "/api/v1/opportunities/regions/$region"
  "/api/v1/opportunities/regions/$region/producers?industry=$industry"
)
echo "dataset=$ds category=$cat region=$region; wrk -t2 -c50 -d${secs}s --latency; $(nproc) cores; load average $(load_now)"
wrk_header
fails=0
for e in "${endpoints[@]}"; do
  [ -n "${KLASTER_BENCH_COLD:-}" ] || curl -s -o /dev/null "$base$e"
  wrk_row "$e" "$base$e" "$secs" || fails=$((fails + 1))
done
echo "RSS $(rss_mb) MB; load average $(load_now)"
if [ "$fails" = 0 ]; then echo "wrk: PASS (${#endpoints[@]} endpoints)"; else echo "wrk: FAIL ($fails of ${#endpoints[@]} endpoints)"; exit 1; fi
