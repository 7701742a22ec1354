#!/usr/bin/env bash
# Measures the signed-in portal pages (a parent's case list, her child's case page, a SENCO's case
# list) with the Leeds demo data seeded, one client and then 20 at once, on SQLite and on
# PostgreSQL, and writes the figures into the portal section of docs/performance.md. Uses
# SELFSERVICE_TEST_POSTGRES when it is set (a running server); otherwise starts a throwaway one.
# Takes a few minutes; not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${SELFSERVICE_TEST_POSTGRES:-}" ]; then
  SELFSERVICE_TEST_POSTGRES="$(bash scripts/postgres.sh start | tail -n 1)"
  export SELFSERVICE_TEST_POSTGRES
  trap 'bash scripts/postgres.sh stop >/dev/null 2>&1 || true' EXIT
fi
dotnet run -c Release --project tests/SelfService.Benchmarks -- portal docs/performance.md
