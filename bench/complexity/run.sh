#!/usr/bin/env bash
# Benchmark: EconomicComplexity.compute (Java, symmetric dsyevr on the 250 × 250 similar matrix) against
# the same formulas in numpy with numpy.linalg.eig on the 5 000 × 5 000 product matrix, as the Stata
# reference does (bench/complexity/complexity_numpy.py), on one generated 250 × 5 000 exports matrix.
# Both sides read the same .npy, time only the computation (warm-up runs, then timed runs, median),
# and write their results; compare.py checks agreement to 1e-8 and prints medians, ratio and peak RSS
# (/usr/bin/time -v of each whole process).
#
# usage: bench/complexity/run.sh
# env:   OUTDIR=/tmp/klaster-bench-complexity  JAVA_WARMUP=5 JAVA_RUNS=10  NUMPY_WARMUP=0 NUMPY_RUNS=3
#        KLASTER_JAVA_OPTS=-Xmx2g (default; bounds the heap so RSS is not ¼ of RAM of garbage)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${OUTDIR:-/tmp/klaster-bench-complexity}"
py=/usr/bin/python3
mkdir -p "$out"

for tool in /usr/bin/time "$py" java mvn; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed" >&2; exit 2; }
done

classes="$root/bench/target/classes"
appjar="$root/app/target/klaster.jar"
stamp="$classes/org/klaster/bench/complexity/ComplexityBench.class"
if [ ! -f "$stamp" ] || [ ! -f "$appjar" ] || [ -n "$(find "$root/pom.xml" "$root/core" "$root/data" "$root/app" "$root/bench" \
     \( -path '*/target' -prune \) -o \( -type f \( -path '*/src/*' -o -name pom.xml \) -newer "$stamp" -print \) 2>/dev/null | head -1)" ]; then
  echo "== building the bench module" >&2
  (cd "$root" && mvn -o -q -B -pl bench -am package -DskipTests)
fi
java_cmd=(java -Xss8m ${KLASTER_JAVA_OPTS:--Xmx2g} -cp "$classes:$appjar" org.klaster.bench.complexity.ComplexityBench)

x="$out/exports.npy"
echo "== generating $x (250 locations × 5 000 products)" >&2
"${java_cmd[@]}" generate "$x" 250 5000

echo "== load before: $(uptime)" >&2
echo "== Java" >&2
/usr/bin/time -v -o "$out/java.rss" "${java_cmd[@]}" run "$x" "$out" "${JAVA_WARMUP:-5}" "${JAVA_RUNS:-10}" 2>&1 \
  | grep -v -e '^INFO: Using' -e 'InstanceBuilder <clinit>'
echo "== numpy" >&2
/usr/bin/time -v -o "$out/numpy.rss" "$py" "$here/complexity_numpy.py" "$x" "$out" "${NUMPY_WARMUP:-0}" "${NUMPY_RUNS:-3}"
echo "== load after: $(uptime)" >&2
"$py" "$here/compare.py" "$out"
