#!/usr/bin/env bash
# Exercises the deployment on this machine, on loopback only (CI runs it as root on a throwaway
# machine; it installs packages and a service user, so do not run it on a machine you care about):
#   1. deploy/install.sh with two instances behind nginx (TLS on 8443), PostgreSQL, backups;
#   2. nginx serves the portal and the health check and redirects HTTP to HTTPS;
#   3. a Web Chat conversation (Microsoft's Direct Line client) through nginx, its requests spread
#      over both instances, while one instance is killed with SIGKILL: every reply arrives once;
#   4. install.sh again: the upgrade path (new release, migrations first, rolling restart);
#   5. a backup that pg_restore can read.
# Prints "deploy: passed" or fails with the step that went wrong.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
[ "$(id -u)" -eq 0 ] || { echo "test-loopback.sh: run as root" >&2; exit 1; }
step() { echo "test-loopback.sh: $*" >&2; }
fail() { echo "test-loopback.sh: FAILED: $*" >&2; exit 1; }

https=8443
http=8080
settings="$(mktemp)"
python3 - "$repo/deploy/appsettings.Production.template.json" "$settings" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
s["Requests"]["PortalBaseUrl"] = s["Conversations"]["PortalBaseUrl"] = "https://localhost:8443/"
# No mail relay on a test machine: messages are written to a folder instead.
s["Email"] = {"From": "SEND team <send.team@example.gov.uk>", "PickupDirectory": "/var/lib/selfservice/mail-pickup"}
json.dump(s, open(sys.argv[2], "w"), indent=2)
PY

stop_all() {
  for pid_file in /run/selfservice/instance-*.pid; do
    [ -e "$pid_file" ] && kill -TERM -- "-$(cat "$pid_file")" 2>/dev/null || true
  done
  [ -d /run/systemd/system ] && systemctl stop 'selfservice@*' 2>/dev/null || true
  nginx -s quit 2>/dev/null || true
  rm -f "$settings"
}
trap stop_all EXIT

step "installing with two instances"
bash deploy/install.sh --instances 2 --server-name localhost --https-port "$https" --http-port "$http" --settings "$settings"

step "checking nginx, TLS and both instances"
get() { curl -fsS --cacert /etc/selfservice/tls/server.crt "https://localhost:$https$1"; }
[[ "$(get /health/ready)" == *Healthy* ]] || fail "health through nginx"
[[ "$(get /)" == *"SEND"* ]] || fail "the portal's home page through nginx"
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$http/")" = "301" ] || fail "HTTP is not redirected to HTTPS"
for port in 5101 5102; do curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null || fail "instance $port not ready"; done

step "a Web Chat conversation over both instances, killing one part way"
if [ ! -d tests/js/node_modules ] || [ tests/js/package-lock.json -nt tests/js/node_modules ]; then
  (cd tests/js && npm ci --no-audit --no-fund --loglevel=error)
fi
secret="$(sed -n 's/^DirectLine__Secret="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' /etc/selfservice/selfservice.env)"
if [ -d /run/systemd/system ]; then kill_cmd="systemctl kill -s KILL selfservice@5101"; else kill_cmd="kill -9 -- -\$(cat /run/selfservice/instance-5101.pid)"; fi
: > /var/log/nginx/selfservice.access.log
DL_DOMAIN="https://localhost:$https/v3/directline" DL_SECRET="$secret" DL_KILL="$kill_cmd" \
  NODE_EXTRA_CA_CERTS=/etc/selfservice/tls/server.crt node tests/js/multi-instance.test.js || fail "the conversation through nginx"
served="$(grep -E 'POST /v3/directline/conversations/[^/]+/activities' /var/log/nginx/selfservice.access.log | grep -o 'upstream=127.0.0.1:510[12]' | sort -u | wc -l)"
[ "$served" -eq 2 ] || fail "the conversation's messages did not go to both instances (nginx log)"

step "running the installer again: the upgrade path"
before="$(readlink -f /opt/selfservice/current)"
sleep 1
bash deploy/install.sh --instances 2 --server-name localhost --https-port "$https" --http-port "$http"
[ "$(readlink -f /opt/selfservice/current)" != "$before" ] || fail "the upgrade did not switch to a new release"
[[ "$(get /health/ready)" == *Healthy* ]] || fail "health after the upgrade"

step "a backup pg_restore can read"
dump="$(runuser -u postgres -- env SELFSERVICE_BACKUP_DIR=/var/backups/selfservice /usr/local/sbin/selfservice-backup)"
[[ "$(pg_restore --list "$dump")" == *"TABLE public DirectLineActivities"* ]] || fail "the backup has no Direct Line transcript table"

echo "deploy: passed"
