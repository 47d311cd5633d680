#!/usr/bin/env bash
# End-to-end benchmark: `klaster complexity --exports E.csv --format csv --out C.csv` (the launcher, its
# JVM options) against py-ecomplexity itself (bench/complexity/py_ecomplexity.py: pandas read_csv,
# ecomplexity(df, cols_input=…, rca_mcp_threshold=1), to_csv) on the same 250 locations × 5 000 products
# file of 500 000 rows — whole processes, CSV in to CSV out. Rounds alternate Klaster / py-ecomplexity;
# wall time and peak RSS of each process from /usr/bin/time, the load (uptime) of every round; medians,
# ratio; then compare_e2e.py checks the two outputs (same M, RCA, diversity, ubiquity; ECI/PCI up to the
# sd convention; density/COI/COG each against numpy in its own proximity-diagonal convention).
#
# The peer is not in this repository. Get a checkout of github.com/cid-harvard/py-ecomplexity (measured:
# commit d22c0f7, version 0.5.2) and point PY_ECOMPLEXITY at it; it runs on Debian's python3 with numpy,
# pandas and scikit-learn (python3-numpy python3-pandas python3-sklearn), nothing else installed.
#
# usage: PY_ECOMPLEXITY=/path/to/py-ecomplexity bench/complexity/e2e.sh [RUNS]      (default 3)
# env:   OUTDIR=/tmp/klaster-bench-complexity-e2e   KLASTER_JAVA_OPTS (passed to the launcher)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-3}"
out="${OUTDIR:-/tmp/klaster-bench-complexity-e2e}"
py=/usr/bin/python3
peer="${PY_ECOMPLEXITY:?set PY_ECOMPLEXITY to a checkout of py-ecomplexity (see the comment at the top)}"
[ -f "$peer/ecomplexity/ecomplexity.py" ] || { echo "e2e.sh: no ecomplexity package under $peer" >&2; exit 2; }
mkdir -p "$out"
for tool in /usr/bin/time "$py" java mvn; do
  command -v "$tool" >/dev/null || { echo "e2e.sh: $tool is needed" >&2; exit 2; }
done

classes="$root/bench/target/classes"
stamp="$classes/org/klaster/bench/complexity/ExportsCsv.class"
jar="$root/app/target/klaster.jar"
if [ ! -f "$stamp" ] || [ ! -f "$jar" ] || [ -n "$(find "$root/pom.xml" "$root/core" "$root/data" "$root/app" "$root/bench" \
     \( -path '*/target' -prune \) -o \( -type f \( -path '*/src/*' -o -name pom.xml \) -newer "$stamp" -print \) 2>/dev/null | head -1)" ]; then
  echo "== building the jar and the bench classes" >&2
  (cd "$root" && mvn -o -q -B -DskipTests package -pl bench -am)
fi
x="$out/exports.csv"
if [ ! -s "$x" ]; then
  echo "== generating $x" >&2
  java -cp "$classes:$jar" org.klaster.bench.complexity.ExportsCsv "$x.tmp" 250 5000 500000 >&2 && mv "$x.tmp" "$x"
fi

run() {  # run NAME I CMD...: "seconds peak-KiB" into $out/NAME-I.time, output into $out/NAME-I.log
  local name="$1" i="$2"; shift 2
  echo "== $name run $i" >&2
  /usr/bin/time -f "%e %M %U %S" -o "$out/$name-$i.time" "$@" >"$out/$name-$i.log" 2>&1 \
    || { tail -20 "$out/$name-$i.log" >&2; exit 1; }
}
rm -f "$out"/*.time "$out"/*.log
: >"$out/uptime.txt"
for i in $(seq 1 "$runs"); do
  uptime >>"$out/uptime.txt"
  run klaster "$i" "$root/klaster" complexity --db "$out/k.duckdb" --exports "$x" --format csv --out "$out/klaster.csv"
  run py "$i" env PYTHONPATH="$peer" "$py" "$here/py_ecomplexity.py" "$x" "$out/py.csv"
done
uptime >>"$out/uptime.txt"

"$py" - "$out" "$runs" <<'PY'
import statistics, sys
out, runs = sys.argv[1], int(sys.argv[2])
def col(name, k):
    return [float(open(f"{out}/{name}-{i}.time").read().split()[k]) for i in range(1, runs + 1)]
print("load (uptime) per round: " + " | ".join(l.split("load average:")[1].strip() for l in open(f"{out}/uptime.txt")))
for name in ("klaster", "py"):
    print(f"{name:8} wall {', '.join(f'{t:.2f}' for t in col(name, 0))} s (median {statistics.median(col(name, 0)):.2f});"
          f" CPU user+sys median {statistics.median([u + s for u, s in zip(col(name, 2), col(name, 3))]):.2f} s;"
          f" peak RSS {max(col(name, 1)) / 1024:.0f} MiB")
k, p = statistics.median(col("klaster", 0)), statistics.median(col("py", 0))
print(f"ratio klaster / py-ecomplexity (median wall): {k / p:.3f}  (goal <= 0.15: {'met' if k / p <= 0.15 else 'NOT met'})")
PY
grep -h '^phase' "$out"/py-*.log | awk '{s[$2]+=$3; n[$2]++} END {for (k in s) printf "py-ecomplexity phase %s mean %.2f s\n", k, s[k]/n[k]}' >&2
"$py" "$here/compare_e2e.py" "$out/klaster.csv" "$out/py.csv"
