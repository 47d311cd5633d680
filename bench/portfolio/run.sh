#!/usr/bin/env bash
# Benchmark: portfolio selection in process (PortfolioBench). Synthetic instances of N candidate rows (projects eligible
# for one to three of 4 instruments, costs in kopecks, benefits within ±20 % of cost, budgets a third of demand), each
# solved end to end by Portfolio.solve: the proven optimum, the cheapest among equal optima, one re-solve per
# instrument (marginal value), the LP bound and the greedy answer. RUNS instances per size, median wall time.
#
# usage: bench/portfolio/run.sh [SIZES [RUNS [THREADS [TIME_LIMIT]]]]     defaults 60,500 5 1 60
# env:   KLASTER_JAVA_OPTS=-Xmx2g
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
classes="$root/bench/target/classes"
appjar="$root/app/target/klaster.jar"
stamp="$classes/org/klaster/bench/finance/PortfolioBench.class"
if [ ! -f "$stamp" ] || [ ! -f "$appjar" ] || [ -n "$(find "$root/pom.xml" "$root/core" "$root/data" "$root/app" "$root/bench" \
     \( -path '*/target' -prune \) -o \( -type f \( -path '*/src/*' -o -name pom.xml \) -newer "$stamp" -print \) 2>/dev/null | head -1)" ]; then
  echo "== building the bench module" >&2
  (cd "$root" && mvn -o -q -B -pl bench -am package -DskipTests)
fi
echo "== $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
exec java -Xss8m ${KLASTER_JAVA_OPTS:--Xmx2g} -cp "$classes:$appjar" org.klaster.bench.finance.PortfolioBench "$@"
