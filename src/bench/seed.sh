#!/usr/bin/env bash
# Seeds the benchmark database: src/bench/seed.sh [claims] [port] [more Seed options...]
# e.g. src/bench/seed.sh 10000 55433, or src/bench/seed.sh 1000000 55432 --subjects alice=<uuid>,bob=<uuid>,carol=<uuid>
# Starts the benchmark PostgreSQL (src/bench/pg.sh) if needed; see org.claimdesk.bench.Seed.
set -euo pipefail
claims=${1:-1000000}
port=${2:-${BENCH_PG_PORT:-55432}}
shift $(( $# > 2 ? 2 : $# ))
cd "$(dirname "$0")/../.."
src/bench/pg.sh start "$port" >/dev/null
./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.claimdesk.bench.Seed \
  -Dexec.args="--url jdbc:postgresql://127.0.0.1:$port/claimdesk_bench --claims $claims --seed ${BENCH_SEED:-42} $*"
