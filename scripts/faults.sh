#!/usr/bin/env bash
# Faults, on loopback: the real app as its own process through a PostgreSQL restart under load,
# an SMTP relay outage, and SIGKILL while requests are being sent (SQLite and PostgreSQL).
# Prints "faults: passed" or fails. Uses a PostgreSQL server of its own (never the shared one, as
# it restarts it) on SELFSERVICE_FAULTS_PG_PORT (default 55460), removed afterwards.
#   bash scripts/faults.sh                 the full run (about 10 minutes); writes docs/performance.md
#   bash scripts/faults.sh --ci            the short run scripts/test.sh makes (a few minutes)
#   --no-build                             use what is already built (scripts/test.sh has just built Debug)
#   --configuration Debug|Release          which build of the app to run (default Release)
#   --only pg-restart,smtp,kill            some of the faults
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
configuration=Release
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --configuration) configuration="$2"; args+=("$1" "$2"); shift ;;
    *) args+=("$1") ;;
  esac
  shift
done
[[ " ${args[*]-} " == *" --configuration "* ]] || args+=(--configuration "$configuration")

bash scripts/smtp.sh install

export SELFSERVICE_PG_PORT="${SELFSERVICE_FAULTS_PG_PORT:-55460}"
export SELFSERVICE_PG_DATA="${TMPDIR:-/tmp}/selfservice-faults-pgdata-${SELFSERVICE_PG_PORT}"
SELFSERVICE_TEST_POSTGRES="$(bash scripts/postgres.sh start | tail -n 1)"
export SELFSERVICE_TEST_POSTGRES
trap 'bash scripts/postgres.sh destroy >/dev/null 2>&1 || true' EXIT

if [ "$build" = 1 ]; then
  dotnet build tests/SelfService.Benchmarks -c "$configuration" --nologo -v quiet >/dev/null
fi
dotnet run --no-build -c "$configuration" --project tests/SelfService.Benchmarks -- faults "${args[@]}"
