#!/usr/bin/env bash
# Installs or upgrades SEND Self-Service on one Debian 12 server: PostgreSQL, the app as N
# instances run by a dedicated user, nginx with TLS in front, and daily pg_dump backups. Safe to
# run again: a second run is the upgrade path (build the new release, migrate the database first,
# then restart the instances one at a time, each back and ready before the next).
#
#   sudo deploy/install.sh [--instances N] [--server-name NAME] [--https-port 443] [--http-port 80]
#                          [--tls-cert FILE --tls-key FILE] [--settings FILE] [--source DIR]
#
# --settings   the council's settings (see appsettings.sample.json); copied to
#              /etc/selfservice/appsettings.Production.json on the first run only, then edited there.
# --tls-cert/--tls-key  the certificate nginx serves; without them a self-signed one is made
#              for --server-name (replace it before going live).
# --source     the repository to build from (default: the one holding this script).
#
# Needs: root, the .NET 10 SDK on PATH (to publish) and Debian's package sources. Where systemd
# runs, the instances, nginx and PostgreSQL are systemd services; without systemd (a container or
# a CI machine) the same commands are started directly, so the script can be exercised anywhere.
set -euo pipefail

instances=1
server_name="$(hostname -f 2>/dev/null || hostname)"
https_port=443
http_port=80
tls_cert=""
tls_key=""
settings=""
source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
first_port=5101

while [ $# -gt 0 ]; do
  case "$1" in
    --instances) instances="$2"; shift 2 ;;
    --server-name) server_name="$2"; shift 2 ;;
    --https-port) https_port="$2"; shift 2 ;;
    --http-port) http_port="$2"; shift 2 ;;
    --tls-cert) tls_cert="$2"; shift 2 ;;
    --tls-key) tls_key="$2"; shift 2 ;;
    --settings) settings="$2"; shift 2 ;;
    --source) source_dir="$2"; shift 2 ;;
    *) echo "install.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

say() { echo "install.sh: $*" >&2; }
die() { say "$*"; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root (sudo)."
[[ "$instances" =~ ^[1-9][0-9]?$ ]] || die "--instances must be a number from 1 to 99."
if { [ -n "$tls_cert" ] && [ -z "$tls_key" ]; } || { [ -z "$tls_cert" ] && [ -n "$tls_key" ]; }; then
  die "give both --tls-cert and --tls-key, or neither."
fi
command -v dotnet >/dev/null || die "the .NET 10 SDK is not on PATH: install it first (https://learn.microsoft.com/dotnet/core/install/linux-debian)."
dotnet_bin="$(readlink -f "$(command -v dotnet)")"

app_root=/opt/selfservice
data_dir=/var/lib/selfservice
etc_dir=/etc/selfservice
backup_dir=/var/backups/selfservice
run_dir=/run/selfservice
log_dir=/var/log/selfservice
env_file="$etc_dir/selfservice.env"
settings_file="$etc_dir/appsettings.Production.json"

has_systemd() { [ -d /run/systemd/system ]; }

# --- packages -------------------------------------------------------------------------------
missing=()
for pkg in postgresql nginx openssl curl; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- the service user and folders -------------------------------------------------------------
id selfservice >/dev/null 2>&1 || useradd --system --home-dir "$data_dir" --shell /usr/sbin/nologin selfservice
install -d -o root -g root -m 0755 "$app_root" "$app_root/releases"
install -d -o selfservice -g selfservice -m 0750 "$data_dir" "$log_dir" "$run_dir"
install -d -o root -g selfservice -m 0750 "$etc_dir"
install -d -o postgres -g postgres -m 0750 "$backup_dir"

# --- PostgreSQL -------------------------------------------------------------------------------
cluster="$(pg_lsclusters --no-header | awk 'NR==1 {print $1" "$2}')"
[ -n "$cluster" ] || die "no PostgreSQL cluster: reinstall the postgresql package."
if has_systemd; then
  systemctl enable --now postgresql >/dev/null
else
  # shellcheck disable=SC2086
  pg_ctlcluster $cluster status >/dev/null 2>&1 || pg_ctlcluster $cluster start
fi
pg_port="$(pg_lsclusters --no-header | awk 'NR==1 {print $3}')"
for _ in $(seq 1 30); do pg_isready -q -p "$pg_port" && break; sleep 1; done

# The database password is made once and kept (root and the service group only).
if [ ! -f "$env_file" ]; then
  db_password="$(openssl rand -hex 24)"
  umask 027
  # Double-quoted values read the same by systemd's EnvironmentFile and by a shell.
  cat > "$env_file" <<EOF
DOTNET_ENVIRONMENT="Production"
ASPNETCORE_ENVIRONMENT="Production"
DOTNET_CLI_TELEMETRY_OPTOUT="1"
DataDirectory="$data_dir"
Database__Provider="Postgres"
Database__MigrateOnStartup="false"
ConnectionStrings__CaseStore="Host=127.0.0.1;Port=$pg_port;Database=selfservice;Username=selfservice;Password=$db_password"
DirectLine__TokenSigningKey="$(openssl rand -base64 32)"
DirectLine__Secret="$(openssl rand -base64 32 | tr -d '=+/')"
EOF
  umask 022
  chown root:selfservice "$env_file"
  chmod 0640 "$env_file"
fi
db_password="$(sed -n 's/^ConnectionStrings__CaseStore=.*Password=\([^"]*\)"\{0,1\}$/\1/p' "$env_file")"
runuser -u postgres -- psql -p "$pg_port" -qtAc "SELECT 1 FROM pg_roles WHERE rolname = 'selfservice'" | grep -q 1 \
  || runuser -u postgres -- psql -p "$pg_port" -qc "CREATE ROLE selfservice LOGIN PASSWORD '$db_password'"
runuser -u postgres -- psql -p "$pg_port" -qtAc "SELECT 1 FROM pg_database WHERE datname = 'selfservice'" | grep -q 1 \
  || runuser -u postgres -- createdb -p "$pg_port" -O selfservice selfservice

# --- settings ---------------------------------------------------------------------------------
if [ ! -f "$settings_file" ]; then
  cp "${settings:-$source_dir/deploy/appsettings.Production.template.json}" "$settings_file"
  chown root:selfservice "$settings_file"
  chmod 0640 "$settings_file"
  say "wrote $settings_file: fill in the council's settings (see appsettings.sample.json)."
fi

# --- build the release, then migrate before anything runs it -----------------------------------
release="$app_root/releases/$(date -u +%Y%m%d%H%M%S)"
say "publishing to $release"
dotnet publish "$source_dir/src/SelfService.Web/SelfService.Web.csproj" -c Release -o "$release" --nologo -v quiet >/dev/null
ln -sfn "$settings_file" "$release/appsettings.Production.json"
say "migrating the database"
# The secrets reach the app from the environment file, never on a command line others can read.
as_app() {
  runuser -u selfservice -- /bin/bash -c 'set -a; . "$0"; set +a; exec "$@"' "$env_file" "$@"
}
( cd "$release" && as_app "$dotnet_bin" SelfService.Web.dll migrate )
ln -sfn "$release" "$app_root/current.new" && mv -Tf "$app_root/current.new" "$app_root/current"

# --- the instances, restarted one at a time ---------------------------------------------------
ports=()
for i in $(seq 0 $((instances - 1))); do ports+=($((first_port + i))); done

wait_ready() {
  for _ in $(seq 1 90); do
    curl -fsS "http://127.0.0.1:$1/health/ready" >/dev/null 2>&1 && return 0
    sleep 1
  done
  die "the instance on port $1 did not become ready: see $log_dir/instance-$1.log or journalctl -u selfservice@$1"
}

# Without systemd: each instance is a session of its own, so stopping it stops everything it started.
stop_direct() {
  local pid_file="$run_dir/instance-$1.pid"
  [ -f "$pid_file" ] || return 0
  kill -TERM -- "-$(cat "$pid_file")" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 -- "-$(cat "$pid_file")" 2>/dev/null || break; sleep 1; done
  rm -f "$pid_file"
}

start_direct() {
  local port="$1"
  stop_direct "$port"
  # Something else on the port would answer the readiness check in the new instance's place.
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    die "port $port is in use by a process this script did not start: stop it first."
  fi
  # The new session's leader writes its own id: stopping the instance signals that whole session.
  cd "$app_root/current"
  ASPNETCORE_URLS="http://127.0.0.1:$port" setsid bash -c \
    "echo \$\$ > '$run_dir/instance-$port.pid'; $(declare -f as_app); env_file='$env_file'; as_app '$dotnet_bin' '$app_root/current/SelfService.Web.dll'" \
    >>"$log_dir/instance-$port.log" 2>&1 < /dev/null &
  cd - >/dev/null
  for _ in $(seq 1 50); do [ -s "$run_dir/instance-$port.pid" ] && break; sleep 0.1; done
}

if has_systemd; then
  sed -e "s#@DOTNET@#$dotnet_bin#g" "$source_dir/deploy/systemd/selfservice@.service" > /etc/systemd/system/selfservice@.service
  cp "$source_dir/deploy/systemd/selfservice-backup.service" "$source_dir/deploy/systemd/selfservice-backup.timer" /etc/systemd/system/
  systemctl daemon-reload
fi
for port in "${ports[@]}"; do
  say "starting the instance on port $port"
  if has_systemd; then
    systemctl enable selfservice@"$port" >/dev/null 2>&1
    systemctl restart selfservice@"$port"
  else
    start_direct "$port"
  fi
  wait_ready "$port"
done

# Instances beyond --instances (from an earlier, larger install) are stopped.
for pid_file in "$run_dir"/instance-*.pid; do
  [ -e "$pid_file" ] || continue
  port="${pid_file##*/instance-}"; port="${port%.pid}"
  [[ " ${ports[*]} " =~ " $port " ]] || stop_direct "$port"
done
if has_systemd; then
  for unit in $(systemctl list-units --plain --no-legend 'selfservice@*.service' | awk '{print $1}'); do
    port="${unit#selfservice@}"; port="${port%.service}"
    [[ " ${ports[*]} " =~ " $port " ]] || systemctl disable --now "$unit" >/dev/null 2>&1 || true
  done
fi

# --- nginx with TLS ---------------------------------------------------------------------------
tls_dir="$etc_dir/tls"
install -d -o root -g root -m 0750 "$tls_dir"
if [ -n "$tls_cert" ]; then
  cp "$tls_cert" "$tls_dir/server.crt"; cp "$tls_key" "$tls_dir/server.key"
elif [ ! -f "$tls_dir/server.crt" ]; then
  say "making a self-signed certificate for $server_name (replace it before going live)"
  openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj "/CN=$server_name" \
    -addext "subjectAltName=DNS:$server_name,DNS:localhost,IP:127.0.0.1" \
    -keyout "$tls_dir/server.key" -out "$tls_dir/server.crt" 2>/dev/null
fi
chmod 0600 "$tls_dir/server.key"
upstreams=""
for port in "${ports[@]}"; do upstreams+="    server 127.0.0.1:$port max_fails=1 fail_timeout=10s;"$'\n'; done
python3 - "$source_dir/deploy/nginx/selfservice.conf" /etc/nginx/sites-available/selfservice <<PY
import sys
text = open(sys.argv[1]).read()
for key, value in {"@UPSTREAMS@": """$upstreams""".rstrip("\n"), "@SERVER_NAME@": "$server_name",
                   "@HTTPS_PORT@": "$https_port", "@HTTP_PORT@": "$http_port", "@TLS_DIR@": "$tls_dir"}.items():
    text = text.replace(key, value)
open(sys.argv[2], "w").write(text)
PY
ln -sfn /etc/nginx/sites-available/selfservice /etc/nginx/sites-enabled/selfservice
rm -f /etc/nginx/sites-enabled/default
nginx -t -q
if has_systemd; then
  systemctl enable nginx >/dev/null 2>&1
  systemctl reload-or-restart nginx
elif [ -f /run/nginx.pid ] && kill -0 "$(cat /run/nginx.pid)" 2>/dev/null; then
  nginx -s reload
else
  nginx
fi

# --- backups ----------------------------------------------------------------------------------
install -m 0755 "$source_dir/deploy/backup.sh" /usr/local/sbin/selfservice-backup
if has_systemd; then
  systemctl enable --now selfservice-backup.timer >/dev/null 2>&1
fi

# --- keep the last three releases -------------------------------------------------------------
ls -1dt "$app_root"/releases/* | tail -n +4 | while read -r old; do
  [ "$(readlink -f "$app_root/current")" = "$(readlink -f "$old")" ] || rm -rf "$old"
done

for _ in $(seq 1 30); do
  curl -fsSk "https://127.0.0.1:$https_port/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fsSk "https://127.0.0.1:$https_port/health/ready" >/dev/null || die "nginx does not reach a ready instance on https://127.0.0.1:$https_port"
say "SEND Self-Service is running: https://$server_name:$https_port/ (${instances} instance(s), release ${release##*/})"
