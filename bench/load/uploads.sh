#!/usr/bin/env bash
# Concurrent uploads: U firm-level files (ROWS rows each, ~40 bytes a row) uploaded at once through the Data
# page's form while wrk -t2 -c50 reads /opportunities/region?region=RU-SAM (the page that used to wait for
# a global lock). Goals: every upload answers 201 and its dataset is listed afterwards, the page under load
# has zero non-2xx and no timeouts. Its p99 is judged against 2 s (wrk's timeout), not 300 ms: every
# stored upload changes the data, so the cached page is dropped and the next request computes it again
# (~0.8 s on the demo, once per upload, all 50 connections waiting for that one computation); P99_GOAL_MS
# sets another bound. Also reports each upload's time.
# Usage: bench/load/uploads.sh [U=4] [ROWS=200000]      prints a summary table; exit 1 when a goal is missed
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
u="${1:-4}"; rows="${2:-200000}"; p99_goal="${P99_GOAL_MS:-2000}"
start_server
for i in $(seq 1 "$u"); do firms_csv "$rows" "$((100 + i))" "$work/upload-$i.csv"; done
size_mb="$(du -m "$work/upload-1.csv" | cut -f1)"
before="$(dataset_ids)"
page="/opportunities/region?region=RU-SAM"
curl -s -o /dev/null "$base$page"
echo "$u uploads of $rows firm rows (~$size_mb MB each) at once, during wrk -t2 -c50 -d10s on $page; load average $(load_now)"
wrk_header
wrk_row "$page (during the uploads)" "$base$page" 10 "$p99_goal" >"$work/wrk.txt" &
wrk_pid=$!
sleep 1
ups=()
for i in $(seq 1 "$u"); do
  ( t0=$(date +%s%N)
    code="$(post_upload "$base/datasets/upload" kind=firms "file=@$work/upload-$i.csv;filename=load-upload-$i.csv")"
    echo "$code $(since "$t0")" >"$work/upload-$i.result" ) &
  ups+=($!)
done
wait "$wrk_pid" "${ups[@]}"   # not a bare `wait`: the server is a child too
fails=0
cat "$work/wrk.txt"; grep -q ' PASS$' "$work/wrk.txt" || fails=$((fails + 1))
after="$(dataset_ids)"
new="$(comm -13 <(echo "$before") <(echo "$after") | wc -l)"
printf '%-12s %8s %10s\n' upload status seconds
for i in $(seq 1 "$u"); do
  read -r code secs <"$work/upload-$i.result"
  printf '%-12s %8s %10s\n' "load-upload-$i" "$code" "$secs"
  [ "$code" = 201 ] || fails=$((fails + 1))
done
echo "new datasets listed: $new of $u; RSS $(rss_mb) MB; load average $(load_now)"
[ "$new" = "$u" ] || fails=$((fails + 1))
if [ "$fails" = 0 ]; then echo "uploads: PASS"; else echo "uploads: FAIL"; exit 1; fi
