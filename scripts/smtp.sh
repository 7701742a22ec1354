#!/usr/bin/env bash
# A local SMTP server on loopback that keeps every message as an .eml file, for running the app
# with real SMTP (and for the tests, which start their own copies of the same server).
#   scripts/smtp.sh install         install python3-aiosmtpd from Debian if missing
#   scripts/smtp.sh start [PORT]    start on 127.0.0.1:PORT (default 2525); prints the settings to use
#   scripts/smtp.sh stop            stop it
# Messages go to $SELFSERVICE_SMTP_DIR (default .smtp/ in the repository, not committed).
set -euo pipefail
cd "$(dirname "$0")/.."

python=/usr/bin/python3
state_dir="${SELFSERVICE_SMTP_DIR:-$PWD/.smtp}"
pid_file="$state_dir/smtpd.pid"

install() {
    if ! "$python" -c 'import aiosmtpd' >/dev/null 2>&1; then
        # A fresh machine may have no package lists yet.
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-aiosmtpd >/dev/null
    fi
}

case "${1:-}" in
    install)
        install
        ;;
    start)
        install
        port="${2:-2525}"
        mkdir -p "$state_dir/messages"
        if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
            echo "already running (pid $(cat "$pid_file"))" >&2
        else
            nohup "$python" tests/smtp/recording_smtpd.py --port "$port" --folder "$state_dir/messages" \
                >"$state_dir/smtpd.log" 2>&1 &
            echo $! >"$pid_file"
            for _ in $(seq 1 50); do
                grep -q '^listening' "$state_dir/smtpd.log" 2>/dev/null && break
                sleep 0.1
            done
            grep -q '^listening' "$state_dir/smtpd.log" || { cat "$state_dir/smtpd.log" >&2; exit 1; }
        fi
        echo "messages: $state_dir/messages"
        echo "Email__Smtp__Host=127.0.0.1 Email__Smtp__Port=$port"
        ;;
    stop)
        if [ -f "$pid_file" ]; then
            kill "$(cat "$pid_file")" 2>/dev/null || true
            rm -f "$pid_file"
        fi
        ;;
    *)
        echo "usage: $0 install|start [PORT]|stop" >&2
        exit 2
        ;;
esac
