#!/usr/bin/env bash
# Hostile input: the real app (test-sized demo authority) under mutated requests to /api/messages,
# the Direct Line endpoints, the calculator API and every form the demo people can reach, for a few
# minutes with a fixed seed; writes the counts into the "Hostile input" section of
# docs/performance.md. Options are passed on, for example --minutes 1 --seed 7 --database postgres
# (which needs SELFSERVICE_TEST_POSTGRES) or --output none. Exits non-zero on any finding (a 5xx, a
# request unanswered within 10 s or not answered at all, the app failing its liveness check),
# and says so on its last line: "fuzz: passed" or "fuzz: N findings".
set -uo pipefail
cd "$(dirname "$0")/.."
configuration="${SELFSERVICE_FUZZ_CONFIGURATION:-Release}"
if [ "${SELFSERVICE_FUZZ_NO_BUILD:-}" = "1" ]; then
  build="--no-build"
else
  build=""
fi
dotnet run -c "$configuration" $build --project tests/SelfService.Benchmarks -- fuzz --minutes 3 "$@"
status=$?
# A crash of the app takes the whole process (app and fuzzer) with it: that is a finding too.
if [ "$status" -gt 1 ]; then
  echo "fuzz: crashed (status $status), a finding"
fi
exit "$status"
