#!/usr/bin/env bash
# Measures the statutory clock, demo data and case store on SQLite and PostgreSQL, and writes the
# figures into docs/performance.md. Takes a couple of minutes; not part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
SELFSERVICE_TEST_POSTGRES="$(bash scripts/postgres.sh start | tail -n 1)"
export SELFSERVICE_TEST_POSTGRES
trap 'bash scripts/postgres.sh stop >/dev/null 2>&1 || true' EXIT
dotnet run -c Release --project tests/SelfService.Benchmarks -- docs/performance.md
