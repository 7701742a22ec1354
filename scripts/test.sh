#!/usr/bin/env bash
# Runs every test of SEND Self-Service on a fresh machine: starts a throwaway PostgreSQL on
# loopback (installing it from Debian if missing), then runs the whole suite, which exercises
# both SQLite and PostgreSQL. Prints one closing line: "tests: N passed, N failed, N skipped",
# then the fault run's "faults: passed" and the deployment's "deploy: passed".
set -euo pipefail
cd "$(dirname "$0")/.."

# The email tests start their own SMTP servers (aiosmtpd on loopback); make sure it is installed.
bash scripts/smtp.sh install

SELFSERVICE_TEST_POSTGRES="$(bash scripts/postgres.sh start | tail -n 1)"
export SELFSERVICE_TEST_POSTGRES
trap 'bash scripts/postgres.sh stop >/dev/null 2>&1 || true' EXIT

# The browser tests drive Debian's Chromium: Playwright cannot download its own browser here.
if [ ! -x /usr/bin/chromium ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium
fi

results="$(mktemp -d)"
status=0
dotnet build SelfService.sln --nologo -v quiet || exit 1
dotnet test SelfService.sln --no-build --nologo --logger "trx" --results-directory "$results" || status=$?

# Sum the per-assembly TRX counters so the run ends with one line a reader (or CI) can trust.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed")); failed += int(c.get("failed")) + int(c.get("error"))
    skipped += int(c.get("notExecuted"))
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
rm -rf "$results"

# Faults, on loopback, a few minutes: PostgreSQL restarted under load, the SMTP relay down, the app
# killed with SIGKILL while requests are sent (SQLite and PostgreSQL); prints "faults: passed".
# It runs the Debug build made above and a PostgreSQL of its own. SELFSERVICE_SKIP_FAULTS=1 leaves it out.
if [ "${SELFSERVICE_SKIP_FAULTS:-}" != "1" ]; then
  bash scripts/faults.sh --ci --no-build --configuration Debug || status=1
else
  echo "faults: skipped"
fi

# Hostile input, CI-sized: a minute of the fuzzer with its fixed seed on each store (PostgreSQL
# refuses what SQLite lets by, such as NUL in text), on the Debug build just made. Any 5xx, hang,
# unanswered request or crash fails the test command.
export SELFSERVICE_FUZZ_CONFIGURATION=Debug SELFSERVICE_FUZZ_NO_BUILD=1
bash scripts/fuzz.sh --minutes 1 --output none || status=1
bash scripts/fuzz.sh --minutes 1 --database postgres --output none || status=1

# The deployment itself, exercised on loopback: install, two instances behind nginx, a chat that
# survives losing one, the upgrade path and a backup. It installs packages and a service user, so
# it runs only as root (as CI does); SELFSERVICE_SKIP_DEPLOY=1 leaves it out.
if [ "$(id -u)" -eq 0 ] && [ "${SELFSERVICE_SKIP_DEPLOY:-}" != "1" ]; then
  bash deploy/test-loopback.sh || status=1
else
  echo "deploy: skipped (needs root)"
fi
exit "$status"
