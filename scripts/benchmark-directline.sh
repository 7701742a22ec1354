#!/usr/bin/env bash
# Measures Direct Line turn throughput and latency (POST to the bot's reply on the stream) for 1, 50
# and 200 concurrent conversations, on SQLite and on PostgreSQL, and writes the figures into the
# directline section of docs/performance.md. Uses SELFSERVICE_TEST_POSTGRES when it is set (a
# running server); otherwise starts a throwaway one. Takes a few minutes; not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${SELFSERVICE_TEST_POSTGRES:-}" ]; then
  SELFSERVICE_TEST_POSTGRES="$(bash scripts/postgres.sh start | tail -n 1)"
  export SELFSERVICE_TEST_POSTGRES
  trap 'bash scripts/postgres.sh stop >/dev/null 2>&1 || true' EXIT
fi
dotnet run -c Release --project tests/SelfService.Benchmarks -- directline docs/performance.md
