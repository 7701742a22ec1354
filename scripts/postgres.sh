#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for the data tests: no Docker, no system cluster.
#
#   scripts/postgres.sh start   install if needed, start, print the connection string
#   scripts/postgres.sh url     print the connection string
#   scripts/postgres.sh env     print "export SELFSERVICE_TEST_POSTGRES=..." for eval
#   scripts/postgres.sh stop    stop the server (the data folder is kept for the next start)
#   scripts/postgres.sh restart [SECONDS]  fast shutdown (clients cut off), down SECONDS (default 0), start
#   scripts/postgres.sh destroy stop and delete the data folder
#
# Typical use:  export SELFSERVICE_TEST_POSTGRES="$(bash scripts/postgres.sh start)"
# Settings: SELFSERVICE_PG_PORT (default 55432), SELFSERVICE_PG_DATA (default <repo>/.pgdata).
# Only the connection string goes to stdout; progress goes to stderr.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${SELFSERVICE_PG_PORT:-55432}"
database="selfservice_test"
connection="Host=127.0.0.1;Port=${port};Username=postgres;Database=${database}"

say() { echo "postgres.sh: $*" >&2; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# PostgreSQL refuses to run as root, so as root everything runs as the postgres user.
as_owner() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

find_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v initdb)")"; return 0; fi
  return 1
}

install_postgres() {
  if ! is_root; then
    say "PostgreSQL is not installed and this is not root: run 'apt-get install -y postgresql' as root first."
    exit 1
  fi
  say "installing PostgreSQL from Debian (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  apt-get install -y --no-install-recommends postgresql >&2
}

data_dir() {
  if [ -n "${SELFSERVICE_PG_DATA:-}" ]; then echo "$SELFSERVICE_PG_DATA"; return; fi
  local dir="$repo/.pgdata"
  # The server runs as postgres, which cannot reach a checkout under a private home folder;
  # fall back to a folder of its own under /tmp then (the same one every time, so stop finds it).
  if is_root && ! runuser -u postgres -- test -x "$repo"; then
    dir="${TMPDIR:-/tmp}/selfservice-pgdata-${port}"
  fi
  echo "$dir"
}

bin="$(find_bin || true)"
pgdata="$(data_dir)"

running() {
  [ -n "$bin" ] && [ -f "$pgdata/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$pgdata" status >/dev/null 2>&1
}

psql_admin() {
  "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -tAq "$@"
}

start() {
  if [ -z "$bin" ]; then
    install_postgres
    bin="$(find_bin)" || { say "PostgreSQL installed but initdb not found under /usr/lib/postgresql"; exit 1; }
  fi

  if [ ! -f "$pgdata/PG_VERSION" ]; then
    say "creating a cluster in $pgdata"
    mkdir -p "$pgdata"
    if is_root; then chown postgres:postgres "$pgdata"; fi
    chmod 700 "$pgdata"
    as_owner "$bin/initdb" -D "$pgdata" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    # Loopback only, sockets inside the data folder (no need for /var/run/postgresql), small and fast:
    # durability is pointless for a throwaway test server.
    cat >>"$pgdata/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$pgdata'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
CONF
  fi

  if running; then
    say "already running on 127.0.0.1:$port"
  else
    say "starting on 127.0.0.1:$port"
    as_owner "$bin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -t 60 -o "-p $port" start >/dev/null \
      || { say "start failed; see $pgdata/server.log"; tail -n 20 "$pgdata/server.log" >&2 || true; exit 1; }
  fi

  if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$database'")" != "1" ]; then
    psql_admin -c "CREATE DATABASE $database"
  fi
  echo "$connection"
}

stop() {
  if running; then
    as_owner "$bin/pg_ctl" -D "$pgdata" -w -m fast stop >/dev/null
    say "stopped"
  else
    say "not running"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  restart)
    # A fast shutdown ends every client's connection at once, as a crash or an operator's restart does.
    if running; then as_owner "$bin/pg_ctl" -D "$pgdata" -w -m fast stop >/dev/null; fi
    sleep "${2:-0}"
    start >/dev/null
    ;;
  url) echo "$connection" ;;
  env) echo "export SELFSERVICE_TEST_POSTGRES='$(start)'" ;;
  destroy) stop; rm -rf "$pgdata"; say "removed $pgdata" ;;
  *) echo "usage: $0 start|stop|restart [SECONDS]|url|env|destroy" >&2; exit 2 ;;
esac
