#!/usr/bin/env bash
# Load run of the public query, GET /api/v1/public/verify, and of the QR check, POST /api/v1/verify/qr, on a registry of
# ROWS certificates in PostgreSQL. The figures that matter are ratios measured in this one run (docs/benchmarks.md):
#
#   public query: database/bare = R    the service's query (limiter, name check, masked answer, log) against the bare
#                                      lookup of the same rows (PublicQuery:BareEndpoint); goal R >= 0.50, p99 < 25 ms
#   qr check: service/bare-signatures(2 cores) = R
#                                      the QR check (signature, status list, registry, log) against bare ES256
#                                      verifications on 2 threads; goal R >= 0.25
#
#   bench/load/public-verify.sh            # 1,000,000 certificates, 30 s per run, 2 wrk threads, 64 connections
#   ROWS=200000 DURATION=15s WARMUP=5s bench/load/public-verify.sh
#   RUNS="Bare EfCore EfCore-nolog Database Database-nolog Memory" QR=0 bench/load/public-verify.sh   # the profile
#
# Steps: a throwaway PostgreSQL cluster (scripts/pg-throwaway.sh); Release builds of the CLI, the web app and the
# benchmarks in their own artifacts folder; `certguard seed` (organisations, keys, 1,000 demo certificates) then
# `certguard import` of an `import-sample` file of ROWS rows; then for each run of RUNS (default "Bare Database Memory"):
#   Bare      PublicQuery:BareEndpoint=true, GET /api/v1/public/verify-bare: the lookup alone (one prepared Npgsql
#             command), no limiter, no name check, no log: the ceiling of a database-backed query on this machine;
#   Database  the service as in production (PostgreSQL: the same prepared lookup, then limiter, name check, answer, log);
#   EfCore    the service with the EF Core lookup (a DbContext per query; SQLite's path, and PostgreSQL's until 2026-12-06);
#   Memory    the service answering from a dictionary loaded at start (a baseline only);
#   X-nolog   X with Verification:Log:DiscardForLoadMeasurement (the log writer drains without storing): what the log costs.
# The web app is started in Production, warmed up, and loaded with wrk (Lua: bench/load/public-verify.lua, paths from
# public-paths.py: 90 % genuine, 5 % wrong name, 5 % unknown number). The public rate limits are lifted by
# configuration for the run; the limiter itself still runs. Then (unless QR=0) the QR check: `certguard qr-sample`
# signs QR_CODES codes of registry certificates, the app (Database source) is loaded with QR_CONNECTIONS connections
# (bench/load/verify-qr.lua, a random code per request; its limit lifted and every check logged:
# Credentials:VerifyQr:LogOnceWithin=0), and the bare signature rate is measured on 2 threads with the app stopped
# (bench/CertGuard.Benchmarks bare-signatures). Results: $WORK/results.txt; the last line is the public query's ratio.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROWS="${ROWS:-1000000}"
DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-10s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-64}"
RUNS="${RUNS:-Bare Database Memory}"
QR="${QR:-1}"
QR_CONNECTIONS="${QR_CONNECTIONS:-32}"
QR_CODES="${QR_CODES:-2000}"
# The QR runs: Qr (the check as served: one round trip on PostgreSQL) and Qr-EfCore (Credentials:VerifyQr:UseEfCore,
# the EF Core check before 2026-12-07), in one run so their ratio holds whatever the machine's load.
QR_RUNS="${QR_RUNS:-Qr-EfCore Qr}"
PORT="${PORT:-5791}"
WORK="${WORK:-$(mktemp -d /tmp/cg-load.XXXXXXXX)}"
ART="$WORK/artifacts"
mkdir -p "$WORK"
log() { echo "[public-verify $(date -u +%H:%M:%S)] $*" >&2; }
command -v wrk >/dev/null || { log "wrk is missing: apt-get install wrk (Debian)"; exit 2; }

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
[[ "$QR" == 0 ]] || dotnet build "$ROOT/bench/CertGuard.Benchmarks" -c Release --artifacts-path "$ART" -v q -nologo >"$WORK/build-bench.log"
CLI="$ART/bin/CertGuard.Cli/release/CertGuard.Cli.dll"
BENCH="$ART/bin/CertGuard.Benchmarks/release/CertGuard.Benchmarks.dll"
WEB_DIR="$ART/bin/CertGuard.Web/release"

# The signing keys are encrypted at rest with a key held outside the database (docs/keys.md): one for this run, given
# to the CLI and the app alike.
head -c 32 /dev/urandom | base64 >"$WORK/master.key" && chmod 600 "$WORK/master.key"
export Keys__MasterKeyFile="$WORK/master.key"

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
# The bare endpoint takes the same query string (it reads only the number).
sed 's#^/api/v1/public/verify?#/api/v1/public/verify-bare?#' "$WORK/paths.txt" >"$WORK/paths-Bare.txt"
[[ "$QR" == 0 ]] || dotnet "$CLI" qr-sample --count "$QR_CODES" -o "$WORK/codes.txt" "${DB[@]}" >"$WORK/qr-sample.log"

# A run is "SOURCE" or "SOURCE-nolog" (the log writer drains without storing: what logging costs).
start_app() {
    local source="${1%-nolog}" discard=false bare=false qr_ef=false
    [[ "$1" == *-nolog ]] && discard=true
    [[ "$source" == Bare ]] && { source=Database; bare=true; }
    [[ "$source" == Qr-EfCore ]] && { source=Database; qr_ef=true; }
    [[ "$source" == Qr ]] && source=Database
    (
        cd "$WEB_DIR"
        export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT"
        export Database__Provider=Postgres Database__ConnectionString="$CERTGUARD_TEST_POSTGRES;Maximum Pool Size=100"
        export Demo__SeedWhenEmpty=false Reviews__OverdueJob__Enabled=false Logging__LogLevel__Default=Warning
        export PublicQuery__Source="$source" PublicQuery__BareEndpoint="$bare" Verification__Log__DiscardForLoadMeasurement="$discard"
        # Lifted for the load run: one wrk client would otherwise get 10 queries a minute.
        export PublicQuery__RateLimits__PerClient__PermitsPerMinute=1000000 PublicQuery__RateLimits__PerClient__Burst=1000000
        export PublicQuery__RateLimits__PerNumber__PermitsPerMinute=1000000 PublicQuery__RateLimits__PerNumber__Burst=1000000
        # The QR check: its limit lifted too, and every check logged (in service a client's repeat of one code within
        # 10 minutes is logged once; wrk repeats its codes, which would hide the log's cost).
        export Credentials__VerifyQr__PerClient__PermitsPerMinute=1000000 Credentials__VerifyQr__PerClient__Burst=1000000
        export Credentials__VerifyQr__LogOnceWithin=00:00:00 Credentials__VerifyQr__UseEfCore="$qr_ef" Credentials__VerifyQr__ProfileStages=true
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
load() { cut -d' ' -f1-3 /proc/loadavg; }

# One wrk run against the started app: warm-up, measured run, then the log's catching up. Appends a line to RESULTS.
measure() {
    local run="$1" lua="$2" data="$3" connections="$4"
    wrk -t "$THREADS" -c "$connections" -d "$WARMUP" -s "$lua" "http://127.0.0.1:$PORT" -- "$data" >/dev/null
    local load_before; load_before="$(load)"
    log "$run: $DURATION of load, $connections connections (load average $load_before)"
    wrk -t "$THREADS" -c "$connections" -d "$DURATION" --latency -s "$lua" "http://127.0.0.1:$PORT" -- "$data" | tee "$WORK/wrk-$run.txt" >&2
    local load_after; load_after="$(load)"
    # The log is written behind the answers: how far behind it was when the load stopped, and when it caught up.
    local at_end now previous="" caught_up=0 logged_rows
    at_end="$(logged)"
    for waited in $(seq 0 2 120); do
        now="$(logged)"
        if [[ "$now" == "$previous" ]]; then caught_up=$waited; break; fi
        previous="$now"; sleep 2
    done
    logged_rows="$(logged)"
    printf '%s\treq/s %s\tp50 %s\tp99 %s\tnon-2xx %s\trequests %s\tlog rows when the load stopped %s, after it caught up (%s s later) %s\tload average %s -> %s\n' \
        "$run" "$(awk '/^Requests\/sec/ {print $2}' "$WORK/wrk-$run.txt")" "$(awk '$1 == "50%" {print $2}' "$WORK/wrk-$run.txt")" \
        "$(awk '$1 == "99%" {print $2}' "$WORK/wrk-$run.txt")" "$(awk '/^non-2xx/ {print $3}' "$WORK/wrk-$run.txt")" \
        "$(awk '/requests in/ {print $1}' "$WORK/wrk-$run.txt")" "$at_end" "$caught_up" "$logged_rows" "$load_before" "$load_after" | tee -a "$RESULTS"
}

field() { awk -F'\t' -v run="$1" -v key="$2" '$1 == run { for (i = 2; i <= NF; i++) if (index($i, key " ") == 1) print substr($i, length(key) + 2) }' "$RESULTS"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "n/a"; else printf "%.2f", a / b }'; }

for run in $RUNS; do
    log "run $run: start"
    start_app "$run"
    data="$WORK/paths.txt"
    [[ "$run" == Bare* ]] && data="$WORK/paths-Bare.txt"
    measure "$run" "$ROOT/bench/load/public-verify.lua" "$data" "$CONNECTIONS"
    stop_app
done

if [[ "$QR" != 0 ]]; then
    for run in $QR_RUNS; do
        log "QR check $run: start (Database source, $QR_CONNECTIONS connections)"
        start_app "$run"
        sample="$(head -n 1 "$WORK/codes.txt")"
        log "a sample code answers: $(curl -fsS -H 'Content-Type: application/json' -d "{\"text\":\"$sample\"}" "http://127.0.0.1:$PORT/api/v1/verify/qr" | head -c 200)"
        measure "$run" "$ROOT/bench/load/verify-qr.lua" "$WORK/codes.txt" "$QR_CONNECTIONS"
        stop_app
        # The stages' mean wall times over warm-up and run (Credentials:VerifyQr:ProfileStages), logged at shut-down.
        printf '%s\t%s\n' "$run" "$(grep -o 'qr-profile .*' "$WORK/app-$run.log" | tail -n 1)" | tee -a "$RESULTS"
    done
    log "bare ES256 signature verification, 1 then 2 threads, 5 s each (app stopped; load average $(load))"
    dotnet "$BENCH" bare-signatures 1 5 | tee -a "$RESULTS"
    dotnet "$BENCH" bare-signatures 2 5 | tee -a "$RESULTS"
fi

printf 'rows %s, %s wrk threads, %s connections (QR %s), %s per run, load average at end: %s, cores %s\n' \
    "$COUNT" "$THREADS" "$CONNECTIONS" "$QR_CONNECTIONS" "$DURATION" "$(load)" "$(nproc)" | tee -a "$RESULTS"
p99s=""
for run in $RUNS; do p99s+="${p99s:+, }$run $(field "$run" p99)"; done
if [[ "$QR" != 0 ]]; then
    bare2="$(awk '/^bare-signatures threads=2/ { sub("per-second=", "", $5); print $5 }' "$RESULTS")"
    printf 'qr check: service/bare-signatures(2 cores) = %s  (%s checks/s, p99 %s; bare ES256 %s/s on 2 threads)\n' \
        "$(ratio "$(field Qr req/s)" "$bare2")" "$(field Qr req/s)" "$(field Qr p99)" "$bare2" | tee -a "$RESULTS"
    printf 'qr check: one-round-trip/ef-core = %s  (Qr %s checks/s p99 %s, Qr-EfCore %s checks/s p99 %s)\n' \
        "$(ratio "$(field Qr req/s)" "$(field Qr-EfCore req/s)")" "$(field Qr req/s)" "$(field Qr p99)" "$(field Qr-EfCore req/s)" "$(field Qr-EfCore p99)" | tee -a "$RESULTS"
fi
printf 'public query: database/bare = %s  (req/s Bare %s, Database %s; p99 %s)\n' \
    "$(ratio "$(field Database req/s)" "$(field Bare req/s)")" "$(field Bare req/s)" "$(field Database req/s)" "$p99s" | tee -a "$RESULTS"
