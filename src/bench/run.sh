#!/usr/bin/env bash
# Claimdesk's benchmark (issue 9): src/bench/run.sh [--claims N] [--smoke] [--record] [--ignore-busy] [--build] [--keep-db]
#
#   --claims N     claims in the seeded database (default 1,000,000; the template database of each N is
#                  kept in the benchmark PostgreSQL, so a second run with the same N starts in seconds)
#   --smoke        N = 10,000 (unless --claims is given), 3 s per scenario, one repetition: checks that the
#                  harness works and the SQL statement counts, not the speed (what .ci/run calls)
#   --record       also append a smoke run's report to docs/benchmarks.md (full runs always append)
#   --ignore-busy  run and print even on a busy machine (such a report is never appended)
#   --build        rebuild the packaged app even if target/quarkus-app exists
#   --keep-db      leave the benchmark PostgreSQL running afterwards
#
# What it does: builds what is missing (the packaged app, the test classes with the harness, the minimal
# Quarkus app under src/bench/minimal-app), starts Keycloak from the distribution Maven unpacks into
# target/keycloak (the realm of docker/keycloak/claimdesk-realm.json, imported fresh), starts the benchmark
# PostgreSQL (src/bench/pg.sh), seeds it (org.claimdesk.bench.Seed, binding alice/bob/carol to their Keycloak
# user ids), adds the Fortunes table (src/bench/fortunes.sql), measures the database side
# (org.claimdesk.bench.QueryBench), then runs org.claimdesk.bench.HttpBench: app
# startup next to the minimal app's, code-flow sign-in, wrk over every scenario (src/bench/wrk/), report.
# Both apps run as production runs Claimdesk: `java @docker/jvm.options ... -jar quarkus-run.jar` in the
# jar's directory (heap limit, GC, and the AppCDS archive each build writes next to its jar).
# Output goes to target/bench/ (logs, report.md or smoke-report.md); full runs append to docs/benchmarks.md.
#
# Ports (environment): BENCH_PG_PORT (55432), BENCH_APP_PORT (8096), BENCH_KEYCLOAK_PORT (8197),
# BENCH_KEYCLOAK_MANAGEMENT_PORT (8198), BENCH_MINIMAL_PORT (8098). Limits: BENCH_MAX_LOAD (1-minute load
# average allowed before a full run; default half the cores), BENCH_MAX_SPREAD (run-to-run spread of
# each scenario's ratio to the Fortunes runs just before and after it, in percent; 20), BENCH_MAX_STATEMENTS (SQL statements per request of any scenario; 25).
# Timing (seconds): BENCH_DURATION, BENCH_WARMUP, BENCH_REPS, BENCH_BASELINE (each Fortunes run beside a scenario run)
# override the defaults (smoke 3/2/1/2, full 15/30/3/5).
#
# Exit status: 0 all checks passed, 1 a check failed, 2 the harness could not run, 3 refused: machine busy.
set -euo pipefail
cd "$(dirname "$0")/../.."

claims=""
smoke=false
extra=()
build=false
keep_db=false
ignore_busy=false
while [ $# -gt 0 ]; do
  case "$1" in
    --claims) claims=$2; shift 2 ;;
    --smoke) smoke=true; shift ;;
    --record) extra+=(--record); shift ;;
    --ignore-busy) ignore_busy=true; extra+=(--ignore-busy); shift ;;
    --build) build=true; shift ;;
    --keep-db) keep_db=true; shift ;;
    *) echo "usage: $0 [--claims N] [--smoke] [--record] [--ignore-busy] [--build] [--keep-db]" >&2; exit 2 ;;
  esac
done
if [ -z "$claims" ]; then
  if $smoke; then claims=10000; else claims=1000000; fi
fi
if $smoke; then extra+=(--smoke); fi

pg_port=${BENCH_PG_PORT:-55432}
app_port=${BENCH_APP_PORT:-8096}
kc_port=${BENCH_KEYCLOAK_PORT:-8197}
kc_management_port=${BENCH_KEYCLOAK_MANAGEMENT_PORT:-8198}
minimal_port=${BENCH_MINIMAL_PORT:-8098}
cores=$(nproc)
max_load=${BENCH_MAX_LOAD:-$(awk -v c="$cores" 'BEGIN { printf "%.2f", c / 2 }')}
out=target/bench
mkdir -p "$out"
started=$(date +%s)

load=$(cut -d' ' -f1 /proc/loadavg)
echo "== $(date -u '+%Y-%m-%d %H:%M:%S UTC'): benchmark with N = $claims$($smoke && echo ' (smoke)'); 1-minute load average $load (limit $max_load, $cores cores)"
if awk -v l="$load" -v m="$max_load" 'BEGIN { exit !(l > m) }'; then
  if $smoke; then
    echo "   (busy machine: a smoke run checks the harness and statement counts, not the speed, so it goes on)"
  elif $ignore_busy; then
    echo "   (busy machine: going on because of --ignore-busy; the report will not be appended)"
  else
    echo "REFUSED: the machine is busy: 1-minute load average $load is above $max_load (BENCH_MAX_LOAD)." >&2
    echo "Figures taken now would not be comparable; run again when the machine is quieter." >&2
    exit 3
  fi
fi
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

kc_pid=""
cleanup() {
  if [ -n "$kc_pid" ] && kill -0 "$kc_pid" 2>/dev/null; then
    kill -- "-$kc_pid" 2>/dev/null || kill "$kc_pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$kc_pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 -- "-$kc_pid" 2>/dev/null || true
  fi
  if ! $keep_db; then src/bench/pg.sh stop "$pg_port" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

# Keycloak first: its start (a one-time build, then about 11 s) overlaps with the builds below.
kc_version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml)
kc_home=target/keycloak/keycloak-$kc_version
if [ ! -x "$kc_home/bin/kc.sh" ]; then
  echo "== unpacking Keycloak $kc_version (org.keycloak:keycloak-quarkus-dist, from the local Maven repository)"
  ./mvnw -B -q dependency:unpack@unpack-keycloak
fi
rm -rf "$kc_home/data"
mkdir -p "$kc_home/data/import"
cp docker/keycloak/claimdesk-realm.json "$kc_home/data/import/claimdesk-realm.json"
echo "== starting Keycloak on http://127.0.0.1:$kc_port (log: $out/keycloak.log)"
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
  setsid bash "$kc_home/bin/kc.sh" start-dev --import-realm --http-host=127.0.0.1 --http-port="$kc_port" \
  --http-management-port="$kc_management_port" >"$out/keycloak.log" 2>&1 &
kc_pid=$!

# Builds: the packaged app (if missing), the harness's classes and their classpath, the minimal app.
goals=(test-compile)
# (a package from before the AppCDS archive counts as missing: the options file names the archive)
if $build || [ ! -f target/quarkus-app/quarkus-run.jar ] || [ ! -f target/quarkus-app/app-cds.jsa ]; then goals=(package -DskipTests); fi
echo "== building: ./mvnw ${goals[*]} (plus the harness classpath)"
./mvnw -B -q "${goals[@]}" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt" >"$out/build.log" 2>&1 \
  || { cat "$out/build.log" >&2; exit 2; }
classpath="target/test-classes:target/classes:$(cat "$out/classpath.txt")"
minimal_jar=$out/minimal-app/quarkus-app/quarkus-run.jar
if $build || [ ! -f "$minimal_jar" ] || [ ! -f "$(dirname "$minimal_jar")/app-cds.jsa" ]; then
  echo "== building the minimal Quarkus app (src/bench/minimal-app)"
  ./mvnw -B -q -f src/bench/minimal-app/pom.xml package -DskipTests >"$out/minimal-build.log" 2>&1 \
    || { cat "$out/minimal-build.log" >&2; exit 2; }
fi

src/bench/pg.sh start "$pg_port"
db_url=jdbc:postgresql://127.0.0.1:$pg_port/claimdesk_bench

# The seeded accounts are bound to the Keycloak users' ids, so alice signs in to her own account.
echo "== waiting for Keycloak"
for _ in $(seq 1 300); do
  curl -fs "http://127.0.0.1:$kc_port/realms/claimdesk/.well-known/openid-configuration" >/dev/null && break
  kill -0 "$kc_pid" 2>/dev/null || { tail -40 "$out/keycloak.log" >&2; echo "Keycloak exited" >&2; exit 2; }
  sleep 1
done
token=$(curl -fs -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin \
  "http://127.0.0.1:$kc_port/realms/master/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
subjects=""
for user in alice bob carol; do
  id=$(curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$kc_port/admin/realms/claimdesk/users?exact=true&username=$user" \
    | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  subjects="$subjects${subjects:+,}$user=$id"
done

echo "== seeding N = $claims (org.claimdesk.bench.Seed; the template database is reused when it exists)"
seed_started=$(date +%s)
java -cp "$classpath" org.claimdesk.bench.Seed --url "$db_url" --claims "$claims" --seed "${BENCH_SEED:-42}" \
  --subjects "$subjects" >"$out/seed.log" 2>&1 || { tail -40 "$out/seed.log" >&2; exit 2; }
tail -3 "$out/seed.log"
echo "   seeded in $(( $(date +%s) - seed_started )) s"
psql_bin=$(command -v psql || echo /usr/lib/postgresql/15/bin/psql)
"$psql_bin" -q -h 127.0.0.1 -p "$pg_port" -U postgres -d claimdesk_bench -v ON_ERROR_STOP=1 \
  -c 'create extension if not exists pg_stat_statements' -f src/bench/fortunes.sql >/dev/null

# Database-side figures (org.claimdesk.bench.QueryBench, from the benchdata work): similar-claims and
# full-text latency in the database and recall@10; HttpBench puts them into the report.
rm -f "$out/db-results.properties"
if [ -f target/test-classes/org/claimdesk/bench/QueryBench.class ]; then
  if $smoke; then queries=(--queries 20 --warmup 5); else queries=(--queries 300 --warmup 50); fi
  echo "== database side: org.claimdesk.bench.QueryBench ${queries[*]} (log: $out/query-bench.log)"
  java -cp "$classpath" org.claimdesk.bench.QueryBench --url "$db_url" "${queries[@]}" --out "$out/db-results.properties" \
    >"$out/query-bench.log" 2>&1 || echo "   (QueryBench exited with an error or a failed target; see $out/query-bench.log)"
  grep -E 'PASS|FAIL' "$out/query-bench.log" | sed 's/^/   /' || true
fi

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain 2>/dev/null | grep -v '^??' || true)" ]; then commit="$commit (with uncommitted changes)"; fi
set +e
java -cp "$classpath" org.claimdesk.bench.HttpBench --claims "$claims" --db-url "$db_url" \
  --keycloak "http://127.0.0.1:$kc_port" --app-port "$app_port" --minimal-port "$minimal_port" \
  --app-jar target/quarkus-app/quarkus-run.jar --minimal-jar "$minimal_jar" --jvm-options docker/jvm.options \
  --out "$out" --wrk-dir src/bench/wrk \
  --docs docs/benchmarks.md --commit "$commit" --load-before "$load" --max-load "$max_load" \
  --max-spread "${BENCH_MAX_SPREAD:-20}" --max-statements "${BENCH_MAX_STATEMENTS:-25}" \
  ${BENCH_DURATION:+--duration "$BENCH_DURATION"} ${BENCH_WARMUP:+--warmup "$BENCH_WARMUP"} ${BENCH_REPS:+--reps "$BENCH_REPS"} ${BENCH_BASELINE:+--baseline-seconds "$BENCH_BASELINE"} \
  "${extra[@]}"
status=$?
set -e
echo "== benchmark took $(( $(date +%s) - started )) s in all (exit $status)"
exit $status
