#!/usr/bin/env bash
# Probe 1, cache flood. Phase 1 (the probe of issue 10): N cache-busting requests
# /api/v1/mapping?year=Y&x=i (~0.9 MB answers) from P parallel clients. Phase 2: N requests cycling over
# every distinct full answer the API can give (year × base_year × language, ~100 answers of ~0.9 MB, more
# than the cache's byte budget), so the cache must evict. After each phase one ordinary request must answer
# in < 1 s, every flood request must have been answered 200, and the server's RSS must stay < 1.5 GB.
# Usage: bench/load/flood.sh [N=3000] [P=8]        prints a summary table; exit 1 when a goal is missed
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
n="${1:-3000}"; par="${2:-8}"
start_server
read -r first year < <(curl -fs "$base/api/v1/datasets" >/dev/null && curl -fs "$base/api/v1/mapping" \
  | python3 -c 'import json,sys; d=json.load(sys.stdin); ys=[r["year"] for r in d.get("rows",[])] ; print(d.get("base_year") or d["year"], d["year"])' 2>/dev/null || echo "2018 2024")
rss_start="$(rss_mb)"
fails=0
printf '%-10s %-44s %9s %7s %13s %15s %14s  %s\n' phase requests seconds non200 "RSS MB" "next answer s" "load before" goal

# flood PHASE URLS_FILE: every URL of the file once, P clients at a time, 100 per curl (one connection each)
flood() {
  local phase="$1" urls="$2" rss0 load0 t0 secs codes non200 after code took rss1 ok=PASS
  rss0="$(rss_mb)"; load0="$(load_now | cut -d, -f1)"
  t0=$(date +%s%N)
  codes="$(xargs -P "$par" -n 100 sh -c 'for u; do printf "url = \"%s\"\noutput = /dev/null\nwrite-out = \"%%{http_code}\\\\n\"\n" "$u"; done | curl -s -K -' _ <"$urls")"
  secs="$(since "$t0")"
  non200="$(grep -vc '^200$' <<<"$codes" || true)"
  after="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$base/api/v1/mapping?year=$year")"
  code="${after% *}"; took="${after#* }"
  rss1="$(rss_mb)"
  awk -v s="$took" 'BEGIN {exit !(s < 1)}' && [ "$code" = 200 ] && [ "$non200" = 0 ] && [ "$rss1" -lt 1536 ] || ok=FAIL
  printf '%-10s %-44s %9s %7s %13s %15s %14s  %s\n' "$phase" "$(wc -l <"$urls") to /api/v1/mapping, $par clients" "$secs" \
    "$non200" "$rss0 → $rss1" "$code in $took" "$load0" "$ok"
  [ "$ok" = PASS ]
}

seq 1 "$n" | sed "s|^|$base/api/v1/mapping?year=$year\&x=|" >"$work/busting.txt"
flood busting "$work/busting.txt" || fails=$((fails + 1))

python3 - "$base" "$first" "$year" "$n" >"$work/distinct.txt" <<'PY'
import itertools, sys
base, first, last, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
combos = [(y, b, l) for y in range(first + 1, last + 1) for b in range(first, y) for l in ("en", "ru")]
for i in range(n):
    y, b, l = combos[i % len(combos)]
    print(f"{base}/api/v1/mapping?year={y}&base_year={b}&lang={l}")
PY
flood distinct "$work/distinct.txt" || fails=$((fails + 1))

page="$(curl -s -o /dev/null -w '%{http_code} in %{time_total} s' "$base/mapping")"
echo "then /mapping: $page; RSS at start $rss_start MB, now $(rss_mb) MB (goal < 1536); load average now $(load_now)"
if [ "$fails" = 0 ]; then echo "flood: PASS"; else echo "flood: FAIL"; exit 1; fi
