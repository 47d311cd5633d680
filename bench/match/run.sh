#!/usr/bin/env bash
# Benchmark: partner matchmaking in process (MatchBench). A synthetic registry of ORGS organisations (default 100 000:
# competences in Russian or English from 40 industrial phrases, every fifth with a need, 83 regions, 40 clusters), the
# time to build both Lucene indexes (BUILDS times, median), then the latency of QUERIES single needs with all five
# factors (the demo IO table, dependent codes, an asker), one thread after 200 warm-up queries: p50, p90, p99, max.
# The load under the API (wrk) comes with the API.
#
# usage: bench/match/run.sh [ORGS [BUILDS [QUERIES]]]
# env:   KLASTER_JAVA_OPTS=-Xmx2g
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
classes="$root/bench/target/classes"
appjar="$root/app/target/klaster.jar"
stamp="$classes/org/klaster/bench/match/MatchBench.class"
if [ ! -f "$stamp" ] || [ ! -f "$appjar" ] || [ -n "$(find "$root/pom.xml" "$root/core" "$root/data" "$root/app" "$root/bench" \
     \( -path '*/target' -prune \) -o \( -type f \( -path '*/src/*' -o -name pom.xml \) -newer "$stamp" -print \) 2>/dev/null | head -1)" ]; then
  echo "== building the bench module" >&2
  (cd "$root" && mvn -o -q -B -pl bench -am package -DskipTests)
fi
echo "== $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
exec java -Xss8m ${KLASTER_JAVA_OPTS:--Xmx2g} -cp "$classes:$appjar" org.klaster.bench.match.MatchBench "$@"
