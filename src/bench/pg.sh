#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for the benchmark: src/bench/pg.sh start|stop|status [port]
#
# Data directory: target/bench/pg-<port> (default port 55432), listening on 127.0.0.1 only, the
# superuser is "postgres" and local TCP connections are trusted (no password): this cluster holds
# generated data and nothing else. Uses Debian's PostgreSQL 15 binaries in /usr/lib/postgresql/15/bin
# (PG_BIN overrides; `apt-get install -y postgresql` provides them). PostgreSQL refuses to run as
# root, so as root the cluster runs as the "postgres" system user, which then owns the data directory.
# Every subcommand is idempotent: start on a running cluster and stop on a stopped one do nothing.
#
# Settings (written to postgresql.auto.conf at initdb, see BENCH_SETTINGS below), and why:
#   shared_preload_libraries=pg_stat_statements  statements per request for the report
#   fsync=off, synchronous_commit=off, full_page_writes=off
#                         the data is regenerated from a fixed seed, so crash safety buys nothing;
#                         the bulk load and template copies run at disk speed. Reads, which are
#                         what the benchmark measures, are unaffected.
#   shared_buffers=1GB, effective_cache_size=4GB
#                         the 1M-claim working set of the similarity and search indexes fits
#   work_mem=32MB, maintenance_work_mem=1GB, max_parallel_maintenance_workers=1
#                         index builds after the load in memory; the machine has 2 cores
#   max_wal_size=8GB, checkpoint_timeout=30min, wal_level=minimal, max_wal_senders=0
#                         no checkpoint storms during the load; COPY into a table created or
#                         truncated in the same transaction skips WAL
#   random_page_cost=1.1  SSD storage
#   jit=off               JIT compilation costs more than it saves on millisecond queries
#   max_connections=100, listen_addresses=127.0.0.1, unix_socket_directories=<data dir>
set -euo pipefail

command=${1:-status}
port=${2:-${BENCH_PG_PORT:-55432}}
root=$(cd "$(dirname "$0")/../.." && pwd)
data="$root/target/bench/pg-$port"
log="$root/target/bench/pg-$port.log"
bin=${PG_BIN:-/usr/lib/postgresql/15/bin}

BENCH_SETTINGS=(
  "shared_preload_libraries = 'pg_stat_statements'"
  "pg_stat_statements.track = 'top'"
  "listen_addresses = '127.0.0.1'"
  "port = $port"
  "unix_socket_directories = '$data'"
  "max_connections = 100"
  "fsync = off"
  "synchronous_commit = off"
  "full_page_writes = off"
  "wal_level = minimal"
  "max_wal_senders = 0"
  "max_wal_size = '8GB'"
  "checkpoint_timeout = '30min'"
  "shared_buffers = '1GB'"
  "effective_cache_size = '4GB'"
  "work_mem = '32MB'"
  "maintenance_work_mem = '1GB'"
  "max_parallel_maintenance_workers = 1"
  "max_parallel_workers_per_gather = 1"
  "random_page_cost = 1.1"
  "jit = off"
  "log_min_duration_statement = -1"
  "timezone = 'UTC'"
)

if [ ! -x "$bin/postgres" ]; then
  echo "PostgreSQL 15 not found in $bin (install it with: apt-get install -y postgresql)" >&2
  exit 2
fi

# Runs a PostgreSQL program as the cluster's owner: this user, or "postgres" when this user is root.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

running() {
  [ -f "$data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1
}

init() {
  mkdir -p "$root/target/bench"
  if [ -f "$data/PG_VERSION" ]; then
    return
  fi
  mkdir -p "$data"
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$data"
    chmod 700 "$data"
    touch "$log" && chown postgres: "$log"
    # the postgres user must be able to reach the data directory through its parents
    dir=$(dirname "$data")
    while [ "$dir" != / ]; do
      chmod o+x "$dir" 2>/dev/null || true
      dir=$(dirname "$dir")
    done
  fi
  as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  {
    echo "# Claimdesk benchmark settings (src/bench/pg.sh)"
    printf '%s\n' "${BENCH_SETTINGS[@]}"
  } | as_owner tee -a "$data/postgresql.conf" >/dev/null
}

case "$command" in
  start)
    init
    if running; then
      echo "PostgreSQL already running on 127.0.0.1:$port ($data)"
      exit 0
    fi
    as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 start >/dev/null
    echo "PostgreSQL started on 127.0.0.1:$port ($data), superuser postgres, no password"
    ;;
  stop)
    if running; then
      as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
      echo "PostgreSQL on port $port stopped"
    else
      echo "PostgreSQL on port $port is not running"
    fi
    ;;
  status)
    if running; then
      echo "PostgreSQL running on 127.0.0.1:$port ($data)"
    else
      echo "PostgreSQL on port $port is not running"
      exit 3
    fi
    ;;
  *)
    echo "usage: $0 start|stop|status [port]" >&2
    exit 2
    ;;
esac
