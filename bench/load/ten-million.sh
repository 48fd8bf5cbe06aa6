#!/usr/bin/env bash
# The platform over a registry of ROWS certificates (issue 16, item 5): the import, the web app's start, the registry
# search (bench/load/registry-search.sh), the exchange feed at its start, middle and end, and the public query
# (Database source, wrk, the same paths as bench/load/public-verify.sh) on PostgreSQL.
#
#   CONNECTION='Host=…;Database=cg10m;…' WORK=/tmp/cg-10m bench/load/ten-million.sh            # data kept in your cluster
#   CONNECTION='…' WORK=/tmp/cg-10m SKIP_DATA=1 bench/load/ten-million.sh                       # measure again
#   SEARCH=0 skips the registry search
#   ROWS=1000000 bench/load/ten-million.sh                                                      # a throwaway cluster
#
# Steps: Release builds (SKIP_BUILD=1 reuses $WORK/artifacts); unless SKIP_DATA: a first start of the web app seeds
# the demo province (accounts and API keys, printed to $WORK/credentials.txt), `import-sample --rows ROWS --seed 1`,
# `certguard import` under /usr/bin/time, ANALYZE; then the web app (Production) is started and its start timed,
# and each measurement runs against it. Results: $WORK/results.txt.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROWS="${ROWS:-10000000}"
PORT="${PORT:-5793}"
DURATION="${DURATION:-15s}"
CONNECTIONS="${CONNECTIONS:-64}"
REQUESTS="${REQUESTS:-650}"
WORK="${WORK:-$(mktemp -d /tmp/cg-10m.XXXXXXXX)}"
ART="$WORK/artifacts"
mkdir -p "$WORK"
log() { echo "[ten-million $(date -u +%H:%M:%S)] $*" >&2; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
command -v wrk >/dev/null || { log "wrk is missing: apt-get install wrk (Debian)"; exit 2; }

# shellcheck source=keep-data.sh
source "$ROOT/bench/load/keep-data.sh"

start_app() {
    (
        cd "$WEB_DIR"
        export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT"
        export Database__Provider=Postgres Database__ConnectionString="$TARGET;Maximum Pool Size=100"
        export Demo__SeedWhenEmpty="$1" Demo__Certificates=1000 Demo__CredentialsFile="$WORK/credentials.txt"
        export Reviews__OverdueJob__Enabled=false Statistics__DeadlineJob__Enabled=false Logging__LogLevel__Default=Warning
        # Lifted for the load run (one wrk client would get 10 queries a minute); the limiter itself still runs.
        export PublicQuery__RateLimits__PerClient__PermitsPerMinute=1000000 PublicQuery__RateLimits__PerClient__Burst=1000000
        export PublicQuery__RateLimits__PerNumber__PermitsPerMinute=1000000 PublicQuery__RateLimits__PerNumber__Burst=1000000
        exec dotnet CertGuard.Web.dll
    ) >>"$WORK/app.log" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 900); do
        if curl -sS -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null; then return 0; fi
        kill -0 "$APP_PID" 2>/dev/null || { tail -60 "$WORK/app.log" >&2; return 1; }
        sleep 1
    done
    log "the app did not answer in 900 s"; return 1
}
stop_app() { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; }

RESULTS="$WORK/results.txt"
if [[ -z "${SKIP_DATA:-}" ]]; then
    log "first start: the demo province (accounts, keys)"
    start_app true
    stop_app
    log "import-sample of $ROWS rows"
    dotnet "$CLI" import-sample --rows "$ROWS" --seed 1 -o "$WORK/big.csv" >"$WORK/sample.log"
    log "import (load average $(load))"
    /usr/bin/time -f "import: %e s elapsed, %M KB peak" dotnet "$CLI" import "$WORK/big.csv" "${DB[@]}" >"$WORK/import.log" 2>"$WORK/import.time" \
        || { cat "$WORK/import.log" "$WORK/import.time" >&2; exit 1; }
    { tail -1 "$WORK/import.log"; cat "$WORK/import.time"; echo "load average at end of import: $(load)"; } | tee -a "$RESULTS"
    python3 "$ROOT/bench/load/public-paths.py" "$WORK/big.csv" "$WORK/paths.txt" 20000
    rm -f "$WORK/big.csv"
    psql_ -c 'ANALYZE'
fi
[[ -s "$WORK/credentials.txt" && -s "$WORK/paths.txt" ]] || { log "no credentials or paths in $WORK: run without SKIP_DATA first"; exit 1; }
COUNT="$(psql_ -c 'SELECT count(*) FROM "Certificates"')"
MAXSEQ="$(psql_ -c 'SELECT max("Sequence") FROM "CertificateEvents"' 2>/dev/null || echo 0)"
log "$COUNT certificates; load average $(load)"

log "start of the web app on $COUNT certificates"
START=$(date +%s.%N)
start_app false
printf 'web app start (migrations checked, listening): %.1f s, %s certificates, load average %s\n' "$(echo "$(date +%s.%N) - $START" | bc)" "$COUNT" "$(load)" | tee -a "$RESULTS"

# A registry from before the stored states (an upgrade: the start above ran the migration) has them all to work out;
# the daily job does it at its start, which this script turns off, so the command does it here, timed.
LAPSED="$(psql_ -c 'SELECT count(*) FROM "Certificates" WHERE "IndexedStateUntil" <= current_date')"
if [[ "$LAPSED" != 0 ]]; then
    log "stored states of $LAPSED certificates to work out"
    /usr/bin/time -f "%e s elapsed, %M KB peak" dotnet "$CLI" reviews refresh-states "${DB[@]}" >"$WORK/states.log" 2>"$WORK/states.time" \
        || { cat "$WORK/states.log" "$WORK/states.time" >&2; exit 1; }
    printf 'stored states worked out (reviews refresh-states) for %s lapsed rows: %s; %s; load average %s\n' \
        "$LAPSED" "$(tail -1 "$WORK/states.log")" "$(tail -1 "$WORK/states.time")" "$(load)" | tee -a "$RESULTS"
    psql_ -c 'VACUUM ANALYZE "Certificates"'
fi

key() { awk -v r="$1" '$1 == "api-key" && $2 == r {print $3}' "$WORK/credentials.txt"; }

if [[ "${SEARCH:-1}" != 0 ]]; then
log "registry search"
BASE="http://127.0.0.1:$PORT" KEY="$(key province-office)" REQUESTS="$REQUESTS" WORK="$WORK/search" \
    bash -c 'mkdir -p "$WORK" && exec "$0"' "$ROOT/bench/load/registry-search.sh" | tee -a "$RESULTS"
echo "registry search: load average at end $(load)" | tee -a "$RESULTS"
fi

log "exchange feed"
cursor() { printf 'v1:%s' "$1" | base64 -w0 | tr '+/' '-_' | tr -d '='; }
for at in start middle end; do
    case $at in start) since="" ;; middle) since="&since=$(cursor $((MAXSEQ / 2)))" ;; end) since="&since=$(cursor $((MAXSEQ > 500 ? MAXSEQ - 500 : 0)))" ;; esac
    times=""
    for _ in 1 2 3; do
        times+="$(curl -sS -o "$WORK/feed.json" -w '%{time_total} %{http_code}' -H "Authorization: Bearer $(key national-exchange)" \
            "http://127.0.0.1:$PORT/api/v1/exchange/changes?limit=500$since") "
    done
    printf 'exchange feed at its %s (500 changes; of %s events): %s(s, HTTP)\n' "$at" "$MAXSEQ" "$times" | tee -a "$RESULTS"
done

log "public query, $CONNECTIONS connections, $DURATION"
wrk -t 2 -c "$CONNECTIONS" -d 5s -s "$ROOT/bench/load/public-verify.lua" "http://127.0.0.1:$PORT" -- "$WORK/paths.txt" >/dev/null
before="$(load)"
wrk -t 2 -c "$CONNECTIONS" -d "$DURATION" --latency -s "$ROOT/bench/load/public-verify.lua" "http://127.0.0.1:$PORT" -- "$WORK/paths.txt" >"$WORK/wrk.txt"
printf 'public query (Database): %s req/s, p50 %s, p99 %s, non-2xx %s, load average %s -> %s\n' \
    "$(awk '/^Requests\/sec/ {print $2}' "$WORK/wrk.txt")" "$(awk '$1 == "50%" {print $2}' "$WORK/wrk.txt")" \
    "$(awk '$1 == "99%" {print $2}' "$WORK/wrk.txt")" "$(awk '/^non-2xx/ {print $3}' "$WORK/wrk.txt")" "$before" "$(load)" | tee -a "$RESULTS"
stop_app
printf 'rows %s, cores %s\n' "$COUNT" "$(nproc)" | tee -a "$RESULTS"
