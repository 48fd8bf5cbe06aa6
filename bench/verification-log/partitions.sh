#!/usr/bin/env bash
# The verification log at national scale on PostgreSQL: ROWS generated checks over MONTHS monthly partitions, then
# the table and index sizes, the signal rules' reads (EXPLAIN ANALYZE, rules.sql) and retention of one month by
# DELETE (the old way: row by row through the append-only trigger) beside dropping the next month's partition
# (verification_log_drop_partitions_before, what VerificationRetention does now).
#
#   bench/verification-log/partitions.sh                          # 100,000,000 rows over 24 months
#   ROWS=10000000 bench/verification-log/partitions.sh
#   MAX_WAL=4GB …                                                # less WAL kept on a disk shared with other clusters
#
# Steps: a throwaway cluster (scripts/pg-throwaway.sh; max_wal_size raised for the bulk load), `certguard migrate`
# (the WaveLogPartitions migration makes the partitioned table), generate.sql month by month (oldest first, ending
# with the current month), ANALYZE, rules.sql, then the retention comparison. Results: $WORK/results.txt.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROWS="${ROWS:-100000000}"
MONTHS="${MONTHS:-24}"
MAX_WAL="${MAX_WAL:-16GB}"
WORK="${WORK:-$(mktemp -d /tmp/cg-vlog.XXXXXXXX)}"
ART="$WORK/artifacts"
OUT="$WORK/results.txt"
mkdir -p "$WORK"
log() { echo "[verification-log $(date -u +%H:%M:%S)] $*" | tee -a "$OUT" >&2; }

# shellcheck source=../../scripts/pg-throwaway.sh
source "$ROOT/scripts/pg-throwaway.sh"
trap pg_throwaway_stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log "uptime: $(uptime)"
dotnet build "$ROOT/src/CertGuard.Cli" -c Release --artifacts-path "$ART" -v q -nologo >"$WORK/build-cli.log"
CLI="$ART/bin/CertGuard.Cli/release/CertGuard.Cli.dll"
# The CLI runs as in production: it wants the key-encryption key outside the database (docs/keys.md).
[[ -f "$WORK/master.key" ]] || (umask 077 && head -c 32 /dev/urandom | base64 >"$WORK/master.key")
export Keys__MasterKeyFile="$WORK/master.key"

pg_throwaway_start
export PGPASSWORD="$PG_THROWAWAY_PASSWORD"
PSQL=(psql -h 127.0.0.1 -p "$PG_THROWAWAY_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt)
"${PSQL[@]}" -c "ALTER SYSTEM SET max_wal_size = '$MAX_WAL'" -c "ALTER SYSTEM SET checkpoint_timeout = '30min'" -c "SELECT pg_reload_conf()" >/dev/null
dotnet "$CLI" migrate --database-provider Postgres --connection-string "$CERTGUARD_TEST_POSTGRES" >"$WORK/migrate.log"
"${PSQL[@]}" -f "$ROOT/bench/verification-log/generate.sql"

PER=$(( ROWS / MONTHS ))
log "generating $ROWS rows: $MONTHS months of $PER"
START=$(date +%s.%N)
for (( k = MONTHS - 1; k >= 0; k-- )); do
    MONTH="$("${PSQL[@]}" -c "SELECT to_char(date_trunc('month', now() AT TIME ZONE 'UTC') - interval '$k months', 'YYYY-MM-DD')")"
    T0=$(date +%s.%N)
    "${PSQL[@]}" -c "SET maintenance_work_mem = '256MB'" -c "SELECT bench_generate_month('${MONTH}T00:00:00Z', $PER)" >/dev/null
    log "month $MONTH: $PER rows in $(echo "$(date +%s.%N) - $T0" | bc) s"
done
GEN=$(echo "$(date +%s.%N) - $START" | bc)
log "generation: $(( PER * MONTHS )) rows in $GEN s = $(echo "$PER * $MONTHS / $GEN" | bc) rows/s"
T0=$(date +%s.%N); "${PSQL[@]}" -c 'ANALYZE "VerificationLog"'; log "ANALYZE: $(echo "$(date +%s.%N) - $T0" | bc) s"
"${PSQL[@]}" -F ' ' -c "
    SELECT 'rows', count(*) FROM \"VerificationLog\";
    SELECT 'partitions', count(*) FROM pg_partition_tree('\"VerificationLog\"') WHERE isleaf;
    SELECT 'heap', pg_size_pretty(sum(pg_table_size(relid))) FROM pg_partition_tree('\"VerificationLog\"') WHERE isleaf;
    SELECT 'indexes', pg_size_pretty(sum(pg_indexes_size(relid))) FROM pg_partition_tree('\"VerificationLog\"') WHERE isleaf;
    SELECT 'total', pg_size_pretty(sum(pg_total_relation_size(relid))) FROM pg_partition_tree('\"VerificationLog\"') WHERE isleaf;" | tee -a "$OUT"

log "the rules' reads (first run, then again warm)"
"${PSQL[@]}" -f "$ROOT/bench/verification-log/rules.sql" >"$WORK/rules-cold.txt"
"${PSQL[@]}" -f "$ROOT/bench/verification-log/rules.sql" | tee "$WORK/rules-warm.txt" >>"$OUT"
grep -E "^==|Execution Time|Subplans Removed" "$WORK/rules-cold.txt" | sed 's/^/cold /' | tee -a "$OUT"

M0="$("${PSQL[@]}" -c "SELECT to_char(date_trunc('month', now() AT TIME ZONE 'UTC') - interval '$(( MONTHS - 1 )) months', 'YYYY-MM-DD')")"
M2="$("${PSQL[@]}" -c "SELECT to_char(date '$M0' + interval '2 months', 'YYYY-MM-DD')")"
M1="$("${PSQL[@]}" -c "SELECT to_char(date '$M0' + interval '1 month', 'YYYY-MM-DD')")"
log "retention of month $M0 by DELETE (trigger per row), then of month $M1 by dropping its partition"
T0=$(date +%s.%N)
DELETED="$("${PSQL[@]}" -c "WITH d AS (DELETE FROM \"VerificationLog\" WHERE \"At\" < '${M1}T00:00:00Z' RETURNING 1) SELECT count(*) FROM d")"
DEL=$(echo "$(date +%s.%N) - $T0" | bc)
log "DELETE: $DELETED rows in $DEL s"
T0=$(date +%s.%N)
DROPPED="$("${PSQL[@]}" -F ' ' -c "SELECT * FROM verification_log_drop_partitions_before('${M2}T00:00:00Z')" | tr '\n' ' ')"
DROP=$(echo "$(date +%s.%N) - $T0" | bc)
log "drop: $DROPPED in $DROP s (counting the rows included)"
log "retention: delete/drop = $(echo "scale=1; $DEL / $DROP" | bc)"
log "uptime: $(uptime)"
echo "results: $OUT" >&2
