#!/usr/bin/env bash
# Crash safety: kill -9 of the server while it receives and stores a large firm-level upload (ROWS rows,
# ~40 MB at the default), at each of several moments (seconds after the upload starts). After each kill the
# server must start again on the same database and answer, and the upload's dataset must be listed exactly
# when the upload had been answered 201 before the kill (never a partial dataset, never a lost one).
# Usage: bench/load/kill_upload.sh [ROWS=1000000] [DELAYS="0.5 1 1.5 2 3"]   summary table; exit 1 on a failure
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
rows="${1:-1000000}"; delays="${2:-0.5 1 1.5 2 3}"
firms_csv "$rows" 7 "$work/big.csv"
echo "upload: $rows firm rows, $(du -m "$work/big.csv" | cut -f1) MB (a different file each round: a dataset's id follows its content); load average $(load_now)"
printf '%-8s %-14s %-10s %-22s %-10s  %s\n' "kill at" "upload status" "restart s" "dataset afterwards" "pages" goal
fails=0
n=0
for d in $delays; do
  n=$((n + 1))
  start_server
  before="$(dataset_ids)"
  name="killed-upload-$n"
  # one more row makes this round's content (and so its dataset id) new
  echo "$((rows + n)),RU-SAM,29.10,2024,$n,53.2,50.1" >>"$work/big.csv"
  ( post_upload "$base/datasets/upload" kind=firms "file=@$work/big.csv;filename=$name.csv" >"$work/code" ) &
  up=$!
  sleep "$d"
  kill9_server
  wait "$up" 2>/dev/null || true
  code="$(cat "$work/code" 2>/dev/null)"
  case "$code" in 2??|4??|5??) ;; *) code="no answer" ;; esac   # 000, or 100 (Continue) when cut off
  t0=$(date +%s%N)
  start_server
  restart="$(since "$t0")"
  after="$(dataset_ids)"
  added="$(comm -13 <(echo "$before") <(echo "$after") | tr '\n' ' ')"
  pages="$(curl -s -o /dev/null -w '%{http_code}' "$base/mapping")/$(curl -s -o /dev/null -w '%{http_code}' "$base/datasets")"
  ok=PASS
  if [ "$code" = 201 ]; then [ -n "$added" ] || ok=FAIL; else [ -z "$added" ] || ok=FAIL; fi
  [ "$pages" = 200/200 ] || ok=FAIL
  [ "$ok" = PASS ] || fails=$((fails + 1))
  printf '%-8s %-14s %-10s %-22s %-10s  %s\n' "${d} s" "$code" "$restart" "${added:-absent}" "$pages" "$ok"
  # the next round starts from the same database
  if [ -n "$added" ]; then stop_server; start_server; fi
  stop_server
done
if [ "$fails" = 0 ]; then echo "kill -9 during an upload: PASS"; else echo "kill -9 during an upload: FAIL"; exit 1; fi
