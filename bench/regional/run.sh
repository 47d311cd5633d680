#!/usr/bin/env bash
# Benchmark: regional tables. The demo's 88-sector national table regionalised by FLQ (δ 0.3) for each of the 83
# regions of the demo activity, with every regional output multiplier — Klaster's engine (RegionalBench:
# SectorEmployment, Regionalisation.regionalise, LeontiefModel's LU of I − R and one transposed solve, native
# OpenBLAS through netlib) against the same steps in numpy (regional_numpy.py, Debian python3-numpy on the same
# OpenBLAS, np.linalg.solve). Both read the same generated files outside the clock, time WARMUP + RUNS runs of the
# whole computation (all regions) and report the median, alternating ROUNDS times; compare.py checks that the
# multipliers agree to 1e-12 and prints each round's medians, their ratio and the median ratio (goal: Java <= 0.5 x
# numpy). Peak RSS of each process by /usr/bin/time -v; the load (uptime) before each round.
#
# usage: bench/regional/run.sh
# env:   OUTDIR=/tmp/klaster-bench-regional  ROUNDS=3  JAVA_WARMUP=20 JAVA_RUNS=50  NUMPY_WARMUP=5 NUMPY_RUNS=50
#        KLASTER_JAVA_OPTS=-Xmx1g
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${OUTDIR:-/tmp/klaster-bench-regional}"
py=/usr/bin/python3
mkdir -p "$out"

for tool in /usr/bin/time "$py" java mvn; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed" >&2; exit 2; }
done
"$py" -c 'import numpy' 2>/dev/null || { echo "run.sh: $py needs numpy (Debian: apt-get install python3-numpy)" >&2; exit 2; }

classes="$root/bench/target/classes"
appjar="$root/app/target/klaster.jar"
stamp="$classes/org/klaster/bench/io/RegionalBench.class"
if [ ! -f "$stamp" ] || [ ! -f "$appjar" ] || [ -n "$(find "$root/pom.xml" "$root/core" "$root/data" "$root/app" "$root/bench" \
     \( -path '*/target' -prune \) -o \( -type f \( -path '*/src/*' -o -name pom.xml \) -newer "$stamp" -print \) 2>/dev/null | head -1)" ]; then
  echo "== building the bench module" >&2
  (cd "$root" && mvn -o -q -B -pl bench -am package -DskipTests)
fi
java_cmd=(java -Xss8m ${KLASTER_JAVA_OPTS:--Xmx1g} -cp "$classes:$appjar" org.klaster.bench.io.RegionalBench)

echo "== generating the demo table and activity in $out" >&2
"${java_cmd[@]}" generate "$out" 2>&1 | grep -v -e '^INFO: Using' -e 'InstanceBuilder <clinit>'

rounds="${ROUNDS:-3}"
rm -f "$out"/java-*.log "$out"/numpy-*.log "$out"/*.rss
: >"$out/uptime.txt"
# alternate Java and numpy, ROUNDS times, so that both see the same (shared, changing) machine
for i in $(seq 1 "$rounds"); do
  uptime >>"$out/uptime.txt"
  echo "== round $i: Java" >&2
  /usr/bin/time -v -o "$out/java-$i.rss" "${java_cmd[@]}" run "$out/io.csv" "$out/activity.csv" "$out/java.csv" \
    "${JAVA_WARMUP:-20}" "${JAVA_RUNS:-50}" 2>&1 | grep -v -e '^INFO: Using' -e 'InstanceBuilder <clinit>' >"$out/java-$i.log"
  grep median "$out/java-$i.log" >&2
  echo "== round $i: numpy" >&2
  /usr/bin/time -v -o "$out/numpy-$i.rss" "$py" "$here/regional_numpy.py" "$out/io.csv" "$out/activity.csv" "$out/numpy.csv" \
    "${NUMPY_WARMUP:-5}" "${NUMPY_RUNS:-50}" >"$out/numpy-$i.log"
  grep median "$out/numpy-$i.log" >&2
done
uptime >>"$out/uptime.txt"
head -1 "$out/java-1.log"
"$py" "$here/compare.py" "$out" "$rounds"
