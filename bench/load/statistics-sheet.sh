#!/usr/bin/env bash
# Times the province statistics sheet, GET /api/v1/campaigns/{id}/statistics?month=YYYY-MM&format=json|xlsx, over a
# registry of ROWS certificates and a year of campaign records, on PostgreSQL (issue 15, item 8).
#
#   bench/load/statistics-sheet.sh                      # 1,000,000 certificates, records at scale 1
#   ROWS=100000 SCALE=0.1 bench/load/statistics-sheet.sh
#   CONNECTION='Host=…;Database=cgsheet;…' WORK=/tmp/cg-sheet bench/load/statistics-sheet.sh   # data kept in a cluster of yours
#   CONNECTION='…' WORK=/tmp/cg-sheet SKIP_DATA=1 bench/load/statistics-sheet.sh          # time again (after a change)
#
# Steps: a throwaway PostgreSQL cluster (scripts/pg-throwaway.sh); Release builds of the CLI and the web app in their
# own artifacts folder; a first start of the web app seeds the demo province (accounts, API keys, the current campaign)
# and stops; `certguard import` of an `import-sample` file of ROWS rows; `certguard seed-campaign --year-of-records
# --scale SCALE` (a year of roster checks, verification log, inspections, leads, suspects); ANALYZE; then the web app
# again (Release, Production) and, with the province office's and a city office's API keys, for the current month:
# one cold call (the first after the start) then WARM calls, per format, timed with curl -w. Results: $WORK/results.txt.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROWS="${ROWS:-1000000}"
SCALE="${SCALE:-1}"
WARM="${WARM:-5}"
PORT="${PORT:-5792}"
WORK="${WORK:-$(mktemp -d /tmp/cg-sheet.XXXXXXXX)}"
ART="$WORK/artifacts"
mkdir -p "$WORK"
log() { echo "[statistics-sheet $(date -u +%H:%M:%S)] $*" >&2; }

# shellcheck source=keep-data.sh
source "$ROOT/bench/load/keep-data.sh"
export Database__Provider=Postgres Database__ConnectionString="$TARGET;Maximum Pool Size=50"

start_app() {
    (
        cd "$WEB_DIR"
        export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT"
        export Demo__SeedWhenEmpty="$1" Demo__Certificates=1000 Demo__CredentialsFile="$WORK/credentials.txt"
        export Reviews__OverdueJob__Enabled=false Statistics__DeadlineJob__Enabled=false Logging__LogLevel__Default=Warning
        exec dotnet CertGuard.Web.dll
    ) >>"$WORK/app.log" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 600); do
        # Listening once the database is migrated (and seeded): any answer will do.
        if curl -sS -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null; then return 0; fi
        kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$WORK/app.log" >&2; return 1; }
        sleep 1
    done
    log "the app did not answer in 600 s"; return 1
}
stop_app() { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; }

if [[ -n "${SKIP_DATA:-}" ]]; then
    [[ -s "$WORK/credentials.txt" ]] || { log "SKIP_DATA needs the WORK folder of the run that made the data"; exit 1; }
    log "SKIP_DATA: timing the records already in $(npgsql Database)"
else
log "first start: the demo province (accounts, keys, campaign)"
start_app true
stop_app

log "import of $ROWS certificates"
dotnet "$CLI" import-sample --rows "$ROWS" -o "$WORK/big.csv" >"$WORK/sample.log"
/usr/bin/time -f "import: %e s elapsed, %M KB peak" dotnet "$CLI" import "$WORK/big.csv" "${DB[@]}" >"$WORK/import.log" 2>"$WORK/import.time" \
    || { cat "$WORK/import.log" "$WORK/import.time" >&2; exit 1; }
cat "$WORK/import.time" >&2
rm -f "$WORK/big.csv"

log "a year of campaign records at scale $SCALE"
/usr/bin/time -f "seed-campaign: %e s elapsed, %M KB peak" dotnet "$CLI" seed-campaign --year-of-records --scale "$SCALE" "${DB[@]}" \
    >"$WORK/seed-campaign.log" 2>"$WORK/seed-campaign.time" || { cat "$WORK/seed-campaign.log" "$WORK/seed-campaign.time" >&2; exit 1; }
cat "$WORK/seed-campaign.log" "$WORK/seed-campaign.time" >&2
psql_ -c 'ANALYZE'
fi
COUNTS="$(psql_ -F' ' -c 'SELECT (SELECT count(*) FROM "Certificates"), (SELECT count(*) FROM "CertificateEvents"), (SELECT count(*) FROM "RosterRows"), (SELECT count(*) FROM "VerificationLog"), (SELECT count(*) FROM "InspectionWorkers")')"
log "certificates, events, roster rows, log, inspection workers: $COUNTS"

CAMPAIGN="0193a000-2026-7000-8000-000000000001"
MONTH="${MONTH:-$(TZ=Asia/Shanghai date +%Y-%m)}"
PROVINCE_KEY="$(awk '$1 == "api-key" && $2 == "province-office" {print $3}' "$WORK/credentials.txt")"
CITY_KEY="$(awk '$1 == "api-key" && $2 == "city-office" {print $3}' "$WORK/credentials.txt")"
[[ -n "$PROVINCE_KEY" && -n "$CITY_KEY" ]] || { log "no API keys in $WORK/credentials.txt"; exit 1; }

# One call: its time and status.
call() { curl -sS -o "$WORK/last.out" -w '%{time_total} %{http_code}\n' -H "Authorization: Bearer $1" "http://127.0.0.1:$PORT/api/v1/campaigns/$CAMPAIGN/statistics?month=$MONTH&format=$2"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }

RESULTS="$WORK/results.txt"
printf 'viewer\tformat\tcold s\twarm median s (%s calls)\twarm max s\n' "$WARM" | tee "$RESULTS"
for viewer in province city; do
    key="$PROVINCE_KEY"; [[ "$viewer" == city ]] && key="$CITY_KEY"
    for format in json xlsx; do
        # Cold: a fresh app (no compiled queries, no warmed pool) and PostgreSQL's caches as they are.
        start_app false
        read -r cold status < <(call "$key" "$format")
        [[ "$status" == 200 ]] || { log "$viewer $format: HTTP $status"; cat "$WORK/last.out" >&2; exit 1; }
        warm="$(for _ in $(seq 1 "$WARM"); do call "$key" "$format" | cut -d' ' -f1; done)"
        stop_app
        printf '%s\t%s\t%s\t%s\t%s\n' "$viewer" "$format" "$cold" "$(echo "$warm" | median)" "$(echo "$warm" | sort -n | tail -1)" | tee -a "$RESULTS"
    done
done
printf 'month %s, certificates/events/roster rows/log/inspection workers %s, load average at end: %s\n' "$MONTH" "$COUNTS" "$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS"
if [[ -n "${KEEP:-}" ]]; then log "KEEP set: the cluster stays up for EXPLAIN (Ctrl-C to stop): $TARGET"; sleep infinity; fi
