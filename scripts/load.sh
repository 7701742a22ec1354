#!/usr/bin/env bash
# The soak: 200 Direct Line conversations with the real bot plus signed-in case pages for 10
# minutes on SQLite (one instance) and PostgreSQL (one and two instances), next to a bare ASP.NET
# Core endpoint; writes the figures into the load section of docs/performance.md. Options are
# passed on (for example --minutes 2 --configurations sqlite). Uses SELFSERVICE_TEST_POSTGRES when
# set; otherwise starts a throwaway PostgreSQL. Takes about 35 minutes as it stands; not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${SELFSERVICE_TEST_POSTGRES:-}" ]; then
  SELFSERVICE_TEST_POSTGRES="$(bash scripts/postgres.sh start | tail -n 1)"
  export SELFSERVICE_TEST_POSTGRES
  trap 'bash scripts/postgres.sh stop >/dev/null 2>&1 || true' EXIT
fi
dotnet run -c Release --project tests/SelfService.Benchmarks -- load "$@"
