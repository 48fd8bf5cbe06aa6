#!/usr/bin/env bash
# Samples a running `certguard import` every INTERVAL seconds: the size on disk of the Certificates and
# CertificateEvents heaps (the load is one transaction, so row counts are not visible, and once it has dropped the
# indexes it locks every reader out, pg_relation_size included: the files are read instead, so run it as a user that
# can read PGDATA), the client's resident memory and the load average. The heaps grow linearly with the rows: compare
# the per-row rate of the first and the last part of the same run.
#   PGDATA=… bench/load/import-watch.sh IMPORT_PID CERTIFICATES_FILE EVENTS_FILE > watch.tsv
# (the files: `select pg_relation_filepath('"Certificates"')`, relative to PGDATA, read before the import starts).
set -uo pipefail
PID="$1"; CERTS="$PGDATA/$2"; EVENTS="$PGDATA/$3"; INTERVAL="${INTERVAL:-5}"
START=$(date +%s)
size() { local t=0 f; for f in "$1" "$1".[0-9]*; do [[ -f "$f" ]] && t=$((t + $(stat -c %s "$f"))); done; echo "$t"; }
printf 'seconds\tcertificates_heap_bytes\tevents_heap_bytes\tclient_rss_kb\tload1\n'
while kill -0 "$PID" 2>/dev/null; do
  rss=$(awk '/VmRSS/{print $2}' /proc/"$PID"/status 2>/dev/null || echo ?)
  printf '%s\t%s\t%s\t%s\t%s\n' "$(( $(date +%s) - START ))" "$(size "$CERTS")" "$(size "$EVENTS")" "$rss" "$(cut -d' ' -f1 /proc/loadavg)"
  sleep "$INTERVAL"
done
