#!/usr/bin/env bash
# Benchmark: `klaster map --firms` on a generated firm CSV against the same job in pandas
# (bench/firms/pandas_map.py), in one run, alternating, RUNS repetitions each after one warm-up
# each; prints both medians, the ratio and peak RSS, then checks that the outputs agree.
#
# usage: bench/firms/run.sh [ROWS] [RUNS]      (defaults: 10000000 rows, 3 runs)
# env:   FIRMS=/tmp/firms10m.csv  OUTDIR=/tmp/klaster-bench-firms  KLASTER_JAVA_OPTS=...
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rows="${1:-10000000}"
runs="${2:-3}"
firms="${FIRMS:-/tmp/firms$((rows / 1000000))m.csv}"
out="${OUTDIR:-/tmp/klaster-bench-firms}"
jar="$root/app/target/klaster.jar"
py=/usr/bin/python3
mkdir -p "$out"

for tool in hyperfine /usr/bin/time "$py" java; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed" >&2; exit 2; }
done

if [ ! -f "$jar" ] || [ -n "$(find "$root/pom.xml" "$root/core" "$root/data" "$root/app" \( -path '*/target' -prune \) \
     -o \( -type f \( -path '*/src/*' -o -name pom.xml \) -newer "$jar" -print \) 2>/dev/null | head -1)" ]; then
  echo "== building $jar" >&2
  (cd "$root" && mvn -o -q -B -DskipTests package -pl app -am)
fi
if [ ! -s "$firms" ]; then
  echo "== generating $firms ($rows rows)" >&2
  java -jar "$jar" demo firms --rows "$rows" --out "$firms"
fi

kl_cmd="java -Xss8m ${KLASTER_JAVA_OPTS:-} -jar $jar map --firms $firms --format csv --out $out/klaster.csv"
pd_cmd="$py $here/pandas_map.py $firms $out/pandas.csv"
rm -f "$out"/*.json "$out"/*.rss

# One warm-up each (page cache, JIT-independent file reads), then alternate K, P, K, P, ...
for i in $(seq 1 "$runs"); do
  warm=()
  [ "$i" = 1 ] && warm=(--warmup 1)
  hyperfine -N "${warm[@]}" --runs 1 --style basic --export-json "$out/klaster-$i.json" \
    "/usr/bin/time -f %M -a -o $out/klaster.rss $kl_cmd" >&2
  hyperfine -N "${warm[@]}" --runs 1 --style basic --export-json "$out/pandas-$i.json" \
    "/usr/bin/time -f %M -a -o $out/pandas.rss $pd_cmd" >&2
done

"$py" - "$out" "$runs" <<'PY'
import json, statistics, sys
out, runs = sys.argv[1], int(sys.argv[2])
def times(name):
    return [t for i in range(1, runs + 1) for t in json.load(open(f"{out}/{name}-{i}.json"))["results"][0]["times"]]
def rss(name):  # KiB per line, warm-ups included
    return max(int(l) for l in open(f"{out}/{name}.rss") if l.strip().isdigit())
k, p = times("klaster"), times("pandas")
mk, mp = statistics.median(k), statistics.median(p)
print(f"klaster: median {mk:.2f} s  runs {', '.join(f'{t:.2f}' for t in k)}  peak RSS {rss('klaster') / 1024:.0f} MiB")
print(f"pandas:  median {mp:.2f} s  runs {', '.join(f'{t:.2f}' for t in p)}  peak RSS {rss('pandas') / 1024:.0f} MiB")
print(f"ratio klaster/pandas: {mk / mp:.3f} (goal <= 0.5: {'met' if mk / mp <= 0.5 else 'NOT met'})")
PY
"$py" "$here/compare.py" "$out/klaster.csv" "$out/pandas.csv"
