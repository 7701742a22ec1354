#!/usr/bin/env bash
# Backs up the SEND Self-Service database with pg_dump (custom format: restore one table or all
# with pg_restore) into /var/backups/selfservice, keeping the last SELFSERVICE_BACKUP_KEEP (14).
# Runs as the postgres user (the systemd timer does this); prints the file it wrote.
set -euo pipefail
dir="${SELFSERVICE_BACKUP_DIR:-/var/backups/selfservice}"
keep="${SELFSERVICE_BACKUP_KEEP:-14}"
port="$(pg_lsclusters --no-header | awk 'NR==1 {print $3}')"
file="$dir/selfservice-$(date -u +%Y%m%dT%H%M%SZ).dump"
pg_dump -p "$port" --format=custom --file="$file.partial" selfservice
# Only a complete dump gets the name a restore would look for.
mv "$file.partial" "$file"
ls -1t "$dir"/selfservice-*.dump | tail -n +"$((keep + 1))" | xargs -r rm -f
echo "$file"
