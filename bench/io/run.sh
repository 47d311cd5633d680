#!/usr/bin/env bash
# Benchmark: Klaster's input–output engine against numpy (bench/io/numpy_io.py, Debian python3-numpy on
# the same OpenBLAS), one run side by side, alternating Klaster / numpy:
#   (a) `klaster io multipliers` on a generated N_MULT-sector table (default 3000), end to end from CSV;
#   (b) `klaster io shock --demand S0001=-0.2` on a generated N_SHOCK-sector table (default 9800, EXIOBASE
#       size), end to end from CSV — plus the phases inside each process (CSV read vs model + shock), so
#       that compute can be compared without the parse: Klaster's LU + one solve against numpy's
#       inv(I - A) @ df on the same matrix.
# Each round runs Klaster's CLI (through the ./klaster launcher, so with its JVM options), numpy_io.py
# (its stderr has its phases) and Klaster's phases (org.klaster.bench.io.IoPhases, same code path in one
# JVM, the launcher's JVM options for batch commands) in turn; wall time and peak RSS of every process from
# /usr/bin/time; medians over RUNS rounds; outputs compared by bench/io/compare.py. Goals: multipliers
# end to end <= 0.6 x numpy; the shock end to end <= 0.3 x numpy with peak RSS <= 1.5 GB.
#
# usage: bench/io/run.sh [RUNS] [N_MULT] [N_SHOCK]     (defaults: 1 run each, 3000, 9800; N_SHOCK=0 skips (b))
# env:   OUTDIR=/tmp/klaster-bench-io (generated tables are kept there and reused)  KLASTER_JAVA_OPTS=...
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-1}"
n_mult="${2:-3000}"
n_shock="${3:-9800}"
out="${OUTDIR:-/tmp/klaster-bench-io}"
jar="$root/app/target/klaster.jar"
classes="$root/bench/target/classes"
py=/usr/bin/python3
mkdir -p "$out"

for tool in /usr/bin/time "$py" java mvn; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed" >&2; exit 2; }
done

stale() {  # is $1 older than any source or pom of the listed modules?
  local target="$1"; shift
  [ ! -f "$target" ] || [ -n "$(find "$root/pom.xml" "$@" \( -path '*/target' -prune \) -o \( -type f \( -path '*/src/*' \
      -o -name pom.xml \) -newer "$target" -print \) 2>/dev/null | head -1)" ]
}
if stale "$jar" "$root/core" "$root/data" "$root/app" \
   || stale "$classes/org/klaster/bench/io/IoPhases.class" "$root/core" "$root/data" "$root/app" "$root/bench"; then
  echo "== building $jar and the bench classes" >&2
  (cd "$root" && mvn -o -q -B -DskipTests package -pl bench -am)
fi
cp="$classes:$jar"
jvm=(-Xss8m -XX:+UseG1GC -XX:MaxRAMPercentage=25)   # as the launcher for batch commands
grep -qs '\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled && jvm+=(-XX:+UseTransparentHugePages)

gen() {  # gen N → path of the generated table (made once; deterministic, seed 42)
  local f="$out/io$1.csv"
  if [ ! -s "$f" ]; then
    echo "== generating $f" >&2
    java -cp "$classes" org.klaster.bench.io.IoTableGenerator "$1" "$f.tmp" 42 0.3 >&2 && mv "$f.tmp" "$f"
  fi
  echo "$f"
}

# run NAME I CMD...: elapsed seconds and peak RSS (KiB) from /usr/bin/time into $out/NAME-I.time, the
# command's stdout+stderr (Klaster's IoPhases and numpy_io.py print "phase NAME SECONDS") into $out/NAME-I.log
run() {
  local name="$1" i="$2"; shift 2
  echo "== $name run $i: $*" >&2
  /usr/bin/time -f "%e %M" -o "$out/$name-$i.time" "$@" >"$out/$name-$i.log" 2>&1 \
    || { tail -20 "$out/$name-$i.log" >&2; exit 1; }
}

rm -f "$out"/*.time "$out"/*.log
echo "== uptime before: $(uptime)" >&2
uptime >"$out/uptime.txt"
jobs=(mult)
[ "$n_shock" = 0 ] || jobs+=(shock)
for job in "${jobs[@]}"; do
  if [ "$job" = mult ]; then
    t="$(gen "$n_mult")"; args=(multipliers); kargs=(io multipliers --table "$t")
  else
    t="$(gen "$n_shock")"; args=(shock); kargs=(io shock --table "$t" --demand S0001=-0.2)
  fi
  extra=(); [ "$job" = shock ] && extra=(S0001=-0.2)
  # alternate: Klaster CLI end to end, numpy (end to end, with its phases), Klaster phases (IoPhases)
  for i in $(seq 1 "$runs"); do
    run "k-$job" "$i" "$root/klaster" "${kargs[@]}" --db "$out/k.duckdb" --format csv --out "$out/k-$job.csv"
    run "n-$job" "$i" "$py" "$here/numpy_io.py" "${args[@]}" "$t" "$out/n-$job.csv" "${extra[@]}"
    run "p-$job" "$i" java "${jvm[@]}" ${KLASTER_JAVA_OPTS:-} -cp "$cp" org.klaster.bench.io.IoPhases "${args[@]}" "$t" "${extra[@]}"
    uptime >>"$out/uptime.txt"
  done
done
echo "== uptime after: $(uptime)" >&2

"$py" - "$out" "$runs" "$n_mult" "$n_shock" <<'PY'
import json, os, statistics, sys
out, runs, n_mult, n_shock = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
def runs_of(name):
    return [open(f"{out}/{name}-{i}.time").read().split()[-2:] for i in range(1, runs + 1)]
def times(name):
    return [float(t) for t, _ in runs_of(name)]
def rss(name):  # MiB, max over the runs
    return max(int(m) for _, m in runs_of(name)) / 1024
def phases(name):  # medians over the runs
    got = {}
    for i in range(1, runs + 1):
        for line in open(f"{out}/{name}-{i}.log"):
            f = line.split()
            if len(f) == 3 and f[0] == "phase":
                got.setdefault(f[1], []).append(float(f[2]))
    return {k: statistics.median(v) for k, v in got.items()}
print("load (uptime) per round: " + " | ".join(l.split("load average:")[1].strip() for l in open(f"{out}/uptime.txt")))
print(f"{'job':<36}{'Klaster':>12}{'numpy':>12}{'ratio':>8}")
def row(label, k, n, unit="s"):
    print(f"{label:<36}{k:>10.2f} {unit}{n:>10.2f} {unit}{k / n:>8.3f}")
jobs = [("mult", f"multipliers n={n_mult}", 0.6)] + ([("shock", f"demand shock n={n_shock}", 0.3)] if n_shock != "0" else [])
for key, label, goal in jobs:
    k, n = times(f"k-{key}"), times(f"n-{key}")
    mk, mn = statistics.median(k), statistics.median(n)
    row(f"{label}, end to end", mk, mn)
    pk, pn = phases(f"p-{key}"), phases(f"n-{key}")
    row("  read CSV (in process)", pk["read"], pn["read"])
    if key == "mult":
        kc, nc = pk["leontief_model"] + pk["multipliers"], pn["compute"]
        row("  compute (LU|inv, multipliers)", kc, nc)
    else:
        kc, nc = pk["leontief_model"] + pk["shock"], pn["coefficients"] + pn["inverse_and_multiply"]
        row("  compute (A, LU|inv, dx)", kc, nc)
    print(f"{'  peak RSS (MiB), end to end':<36}{rss(f'k-{key}'):>12.0f}{rss(f'n-{key}'):>12.0f}{rss(f'k-{key}') / rss(f'n-{key}'):>8.3f}")
    print(f"  goal <= {goal}: end to end {'met' if mk / mn <= goal else 'NOT met'} ({mk / mn:.3f}),"
          f" compute only {'met' if kc / nc <= goal else 'NOT met'} ({kc / nc:.3f});"
          f" runs K {', '.join(f'{t:.2f}' for t in k)} / N {', '.join(f'{t:.2f}' for t in n)}")
PY
"$py" "$here/compare.py" multipliers "$out/k-mult.csv" "$out/n-mult.csv"
[ "$n_shock" = 0 ] || "$py" "$here/compare.py" shock "$out/k-shock.csv" "$out/n-shock.csv"
