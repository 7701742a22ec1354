#!/usr/bin/env bash
# Runs the case store tests on SQLite and on a throwaway PostgreSQL (started, and left running
# for the next run; stop it with scripts/postgres.sh stop).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SELFSERVICE_TEST_POSTGRES="$(bash "$repo/scripts/postgres.sh" start)"
export SELFSERVICE_TEST_POSTGRES
dotnet test "$repo/tests/SelfService.Data.Tests" "$@"
