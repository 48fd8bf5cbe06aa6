#!/usr/bin/env bash
# Load run of the public query, GET /api/v1/public/verify, on a registry of ROWS certificates in PostgreSQL.
#
#   bench/load/public-verify.sh            # 1,000,000 certificates, 30 s per run, 2 wrk threads, 64 connections
#   ROWS=100000 DURATION=10s bench/load/public-verify.sh
#
# Steps: a throwaway PostgreSQL cluster (scripts/pg-throwaway.sh); Release builds of the CLI and the web app in their
# own artifacts folder; `certguard seed` (organisations, keys, 1,000 demo certificates) then `certguard import` of an
# `import-sample` file of ROWS rows; then for each lookup source (PublicQuery:Source = Database, then Memory: the same
# rows read into a dictionary at start, the baseline of what the database costs), each with the verification log
# stored and then without it (RUNS="… Database-nolog …": Verification:Log:DiscardForLoadMeasurement, what logging
# costs), the web app is started in
# Production, warmed up, and loaded with wrk (Lua: bench/load/public-verify.lua, paths from public-paths.py: 90 %
# genuine, 5 % wrong name, 5 % unknown number). The public rate limits are lifted by configuration for the run;
# outside the -nolog runs every query is logged (batched) and the signal rules run. Results: $WORK/results.txt.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROWS="${ROWS:-1000000}"
DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-10s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-64}"
PORT="${PORT:-5791}"
WORK="${WORK:-$(mktemp -d /tmp/cg-load.XXXXXXXX)}"
ART="$WORK/artifacts"
mkdir -p "$WORK"
log() { echo "[public-verify $(date -u +%H:%M:%S)] $*" >&2; }

# shellcheck source=../../scripts/pg-throwaway.sh
source "$ROOT/scripts/pg-throwaway.sh"
APP_PID=""
cleanup() {
    if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
    pg_throwaway_stop
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log "Release build into $ART"
dotnet build "$ROOT/src/CertGuard.Cli" -c Release --artifacts-path "$ART" -v q -nologo >"$WORK/build-cli.log"
dotnet build "$ROOT/src/CertGuard.Web" -c Release --artifacts-path "$ART" -v q -nologo >"$WORK/build-web.log"
CLI="$ART/bin/CertGuard.Cli/release/CertGuard.Cli.dll"
WEB_DIR="$ART/bin/CertGuard.Web/release"

pg_throwaway_start
DB=(--database-provider Postgres --connection-string "$CERTGUARD_TEST_POSTGRES")

log "seed (organisations, keys, 1,000 certificates) and import of $ROWS rows"
dotnet "$CLI" seed --certificates 1000 --seed 1 "${DB[@]}" >"$WORK/seed.log"
dotnet "$CLI" import-sample --rows "$ROWS" -o "$WORK/big.csv" >"$WORK/sample.log"
/usr/bin/time -f "import: %e s elapsed, %M KB peak" dotnet "$CLI" import "$WORK/big.csv" "${DB[@]}" >"$WORK/import.log" 2>"$WORK/import.time" \
    || { cat "$WORK/import.log" "$WORK/import.time" >&2; exit 1; }
cat "$WORK/import.time" >&2
PGPASSWORD="$PG_THROWAWAY_PASSWORD" psql -h 127.0.0.1 -p "$PG_THROWAWAY_PORT" -U postgres -d postgres -qAtc 'ANALYZE' 
COUNT="$(PGPASSWORD="$PG_THROWAWAY_PASSWORD" psql -h 127.0.0.1 -p "$PG_THROWAWAY_PORT" -U postgres -d postgres -qAtc 'SELECT count(*) FROM "Certificates"')"
log "$COUNT certificates in the registry"
python3 "$ROOT/bench/load/public-paths.py" "$WORK/big.csv" "$WORK/paths.txt" 20000

# A run is "SOURCE" or "SOURCE-nolog" (the log writer drains without storing: what logging costs).
start_app() {
    local source="${1%-nolog}" discard=false
    [[ "$1" == *-nolog ]] && discard=true
    (
        cd "$WEB_DIR"
        export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT"
        export Database__Provider=Postgres Database__ConnectionString="$CERTGUARD_TEST_POSTGRES;Maximum Pool Size=100"
        export Demo__SeedWhenEmpty=false Reviews__OverdueJob__Enabled=false Logging__LogLevel__Default=Warning
        export PublicQuery__Source="$source" Verification__Log__DiscardForLoadMeasurement="$discard"
        # Lifted for the load run: one wrk client would otherwise get 10 queries a minute.
        export PublicQuery__RateLimits__PerClient__PermitsPerMinute=600000000 PublicQuery__RateLimits__PerClient__Burst=100000000
        export PublicQuery__RateLimits__PerNumber__PermitsPerMinute=600000000 PublicQuery__RateLimits__PerNumber__Burst=100000000
        exec dotnet CertGuard.Web.dll
    ) >"$WORK/app-$1.log" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 300); do
        if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/api/v1/public/verify?no=440106199001011234&name=x" 2>/dev/null; then return 0; fi
        kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app-$1.log" >&2; return 1; }
        sleep 1
    done
    log "the app did not answer in 300 s"; return 1
}

stop_app() {
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=""
}

logged() { PGPASSWORD="$PG_THROWAWAY_PASSWORD" psql -h 127.0.0.1 -p "$PG_THROWAWAY_PORT" -U postgres -d postgres -qAtc 'SELECT count(*) FROM "VerificationLog"'; }

RESULTS="$WORK/results.txt"
: >"$RESULTS"
for source in ${RUNS:-Database Database-nolog Memory Memory-nolog}; do
    log "source $source: start"
    start_app "$source"
    wrk -t "$THREADS" -c "$CONNECTIONS" -d "$WARMUP" -s "$ROOT/bench/load/public-verify.lua" "http://127.0.0.1:$PORT" -- "$WORK/paths.txt" >/dev/null
    log "source $source: $DURATION of load"
    wrk -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" --latency -s "$ROOT/bench/load/public-verify.lua" "http://127.0.0.1:$PORT" -- "$WORK/paths.txt" \
        | tee "$WORK/wrk-$source.txt" >&2
    # The log is written behind the answers: how far behind it was when the load stopped, and when it caught up.
    AT_END="$(logged)"
    caught_up=0
    for waited in $(seq 0 2 120); do
        now="$(logged)"
        if [[ "$now" == "${previous:-}" ]]; then caught_up=$waited; break; fi
        previous="$now"; sleep 2
    done
    LOGGED="$(logged)"; previous=""
    stop_app
    rps="$(awk '/^Requests\/sec/ {print $2}' "$WORK/wrk-$source.txt")"
    p50="$(awk '$1 == "50%" {print $2}' "$WORK/wrk-$source.txt")"
    p99="$(awk '$1 == "99%" {print $2}' "$WORK/wrk-$source.txt")"
    errors="$(awk '/^non-2xx/ {print $3}' "$WORK/wrk-$source.txt")"
    requests="$(awk '/requests in/ {print $1}' "$WORK/wrk-$source.txt")"
    printf '%s\treq/s %s\tp50 %s\tp99 %s\tnon-2xx %s\trequests %s\tlog rows when the load stopped %s, after it caught up (%s s later) %s\n' \
        "$source" "$rps" "$p50" "$p99" "$errors" "$requests" "$AT_END" "$caught_up" "$LOGGED" | tee -a "$RESULTS"
done
printf 'rows %s, %s threads, %s connections, %s per run, load average at end: %s\n' "$COUNT" "$THREADS" "$CONNECTIONS" "$DURATION" "$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS"
