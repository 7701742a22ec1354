#!/usr/bin/env bash
# Measures the staff performance dashboard over England's demo data (~640,000 plans) on
# PostgreSQL: cold and warm page renders for each period kind, written into the dashboard section
# of docs/performance.md. Uses SELFSERVICE_TEST_POSTGRES when it is set (a running server);
# otherwise starts a throwaway one. Seeds England into a scratch database first, which takes
# several minutes, unless SELFSERVICE_DASHBOARD_DATABASE names a database already seeded with it.
# Not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${SELFSERVICE_TEST_POSTGRES:-}" ] && [ -z "${SELFSERVICE_DASHBOARD_DATABASE:-}" ]; then
  SELFSERVICE_TEST_POSTGRES="$(bash scripts/postgres.sh start | tail -n 1)"
  export SELFSERVICE_TEST_POSTGRES
  trap 'bash scripts/postgres.sh stop >/dev/null 2>&1 || true' EXIT
fi
dotnet run -c Release --project tests/SelfService.Benchmarks -- dashboard docs/performance.md
