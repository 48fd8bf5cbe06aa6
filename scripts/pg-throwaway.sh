#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suite.
#
# Sourced by ./test.sh, it defines:
#   pg_throwaway_start  initdb + start a cluster in a fresh `mktemp -d` folder on a free 127.0.0.1 port,
#                       then export CERTGUARD_TEST_POSTGRES (Npgsql connection string, superuser, db "postgres")
#                       and PG_THROWAWAY_{DIR,PORT,PASSWORD}.
#   pg_throwaway_stop   stop that cluster and delete its folder (idempotent, safe to call from a trap).
#   pg_throwaway_replica_start
#                       after pg_throwaway_start: a streaming hot standby of that cluster (pg_basebackup -R, its own
#                       data folder and port), exported as CERTGUARD_TEST_POSTGRES_REPLICA (same user and password)
#                       and PG_THROWAWAY_REPLICA_PORT. pg_throwaway_stop stops it first.
# The caller owns the traps: call pg_throwaway_stop on EXIT.
#
# Run directly, it starts a cluster, runs the given command with the variables exported (default: a psql
# smoke query), then stops the cluster and deletes the folder, even on failure or Ctrl-C:
#   scripts/pg-throwaway.sh [command args...]
# With PG_THROWAWAY_REPLICA=1 it starts a streaming replica too (CERTGUARD_TEST_POSTGRES_REPLICA).

PG_THROWAWAY_DIR=""
PG_THROWAWAY_PORT=""
PG_THROWAWAY_PASSWORD=""
PG_THROWAWAY_BIN=""
PG_THROWAWAY_REPLICA_PORT=""

_pg_log() { echo "[pg-throwaway] $*" >&2; }

# Directory holding initdb/pg_ctl: Debian's versioned layout (newest first), else PATH.
pg_throwaway_bindir() {
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -V -r); do
        if [[ -x "$d/initdb" && -x "$d/pg_ctl" ]]; then echo "$d"; return 0; fi
    done
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v initdb)"; return 0
    fi
    return 1
}

# A TCP port nobody listens on right now (the kernel picks it; a tiny race remains, so start retries).
_pg_free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null && return 0
    # No python3: walk up from 55432 until nothing answers.
    local p
    for p in $(seq 55432 55999); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
    done
    return 1
}

# Run a command as the postgres system user (initdb and postgres refuse to run as root), from a
# directory it can read so the tools don't complain about the caller's cwd.
_pg_as_postgres() {
    if [[ "$(id -u)" == 0 ]]; then
        (cd "$PG_THROWAWAY_DIR" && runuser -u postgres -- "$@")
    else
        (cd "$PG_THROWAWAY_DIR" && "$@")
    fi
}

pg_throwaway_start() {
    PG_THROWAWAY_BIN="$(pg_throwaway_bindir)" || { _pg_log "initdb/pg_ctl not found"; return 1; }

    if [[ "$(id -u)" == 0 ]] && ! id -u postgres >/dev/null 2>&1; then
        _pg_log "creating system user 'postgres'"
        useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin postgres
    fi

    # Always under /tmp (not $TMPDIR, which may sit in root's 0700 home the postgres user cannot enter).
    PG_THROWAWAY_DIR="$(mktemp -d /tmp/certguard-pg.XXXXXXXX)" || return 1
    if [[ "$(id -u)" == 0 ]]; then chown postgres: "$PG_THROWAWAY_DIR"; fi
    chmod 700 "$PG_THROWAWAY_DIR"

    # Random superuser password, handed to initdb through a file only postgres can read.
    PG_THROWAWAY_PASSWORD="$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"
    local pwfile="$PG_THROWAWAY_DIR/pwfile"
    printf '%s\n' "$PG_THROWAWAY_PASSWORD" >"$pwfile"
    if [[ "$(id -u)" == 0 ]]; then chown postgres: "$pwfile"; fi
    chmod 600 "$pwfile"

    _pg_log "initdb in $PG_THROWAWAY_DIR/data ($PG_THROWAWAY_BIN)"
    if ! _pg_as_postgres "$PG_THROWAWAY_BIN/initdb" -D "$PG_THROWAWAY_DIR/data" -U postgres \
            --auth=scram-sha-256 --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 >"$PG_THROWAWAY_DIR/initdb.log" 2>&1; then
        cat "$PG_THROWAWAY_DIR/initdb.log" >&2
        _pg_log "initdb failed"
        return 1
    fi
    rm -f "$pwfile"

    # Settings for a disposable test server: no durability, small memory, plenty of connections for
    # test assemblies running in parallel; TCP on loopback only, unix socket inside the temp folder.
    cat >>"$PG_THROWAWAY_DIR/data/postgresql.conf" <<EOF

# --- scripts/pg-throwaway.sh ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_THROWAWAY_DIR'
max_connections = 200
shared_buffers = 32MB
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

    # The port is picked just before start; if someone grabs it in between, try another.
    local attempt
    for attempt in 1 2 3 4 5; do
        PG_THROWAWAY_PORT="$(_pg_free_port)" || { _pg_log "no free port"; return 1; }
        if _pg_as_postgres "$PG_THROWAWAY_BIN/pg_ctl" -D "$PG_THROWAWAY_DIR/data" -l "$PG_THROWAWAY_DIR/postgres.log" \
                -o "-p $PG_THROWAWAY_PORT" -w -t 60 start >/dev/null; then
            break
        fi
        _pg_log "start on port $PG_THROWAWAY_PORT failed (attempt $attempt):"
        tail -n 20 "$PG_THROWAWAY_DIR/postgres.log" >&2 || true
        PG_THROWAWAY_PORT=""
    done
    [[ -n "$PG_THROWAWAY_PORT" ]] || { _pg_log "could not start PostgreSQL"; return 1; }

    export PG_THROWAWAY_DIR PG_THROWAWAY_PORT PG_THROWAWAY_PASSWORD
    export CERTGUARD_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_THROWAWAY_PORT;Username=postgres;Password=$PG_THROWAWAY_PASSWORD;Database=postgres"
    _pg_log "PostgreSQL $("$PG_THROWAWAY_BIN/postgres" --version | awk '{print $3}') up on 127.0.0.1:$PG_THROWAWAY_PORT (data in $PG_THROWAWAY_DIR)"
}

# Stops the server whose data folder is $1: fast, then immediate, last resort its own postmaster by pid.
_pg_stop_data() {
    local data="$1"
    [[ -f "$data/postmaster.pid" ]] || return 0
    if ! _pg_as_postgres timeout 30 "$PG_THROWAWAY_BIN/pg_ctl" -D "$data" -m fast -w -t 20 stop >/dev/null 2>&1 \
       && ! _pg_as_postgres timeout 20 "$PG_THROWAWAY_BIN/pg_ctl" -D "$data" -m immediate -w -t 10 stop >/dev/null 2>&1; then
        local pid
        pid="$(head -n1 "$data/postmaster.pid" 2>/dev/null || true)"
        if [[ "$pid" =~ ^[0-9]+$ ]]; then
            _pg_log "pg_ctl stop failed; killing postmaster $pid"
            kill -KILL "$pid" 2>/dev/null || true
            sleep 1
        fi
    fi
}

pg_throwaway_stop() {
    [[ -n "$PG_THROWAWAY_DIR" ]] || return 0
    local dir="$PG_THROWAWAY_DIR"
    # The replica first: left running after its primary, it would keep retrying the connection.
    _pg_stop_data "$dir/replica"
    _pg_stop_data "$dir/data"
    rm -rf -- "$dir"
    _pg_log "stopped; removed $dir"
    PG_THROWAWAY_DIR=""
    PG_THROWAWAY_PORT=""
    PG_THROWAWAY_REPLICA_PORT=""
}

# A hot standby of the cluster pg_throwaway_start made, streaming from it, for the read-replica routing tests.
pg_throwaway_replica_start() {
    [[ -n "$PG_THROWAWAY_DIR" && -n "$PG_THROWAWAY_PORT" ]] || { _pg_log "start the primary first (pg_throwaway_start)"; return 1; }
    local replica="$PG_THROWAWAY_DIR/replica"

    # wal_level=replica and max_wal_senders=10 are PostgreSQL's defaults (said here so a changed default shows);
    # the superuser may stream over loopback with its password (initdb's own replication lines vary by version).
    printf '%s\n' "wal_level = replica" "max_wal_senders = 10" >>"$PG_THROWAWAY_DIR/data/postgresql.conf"
    echo "host replication postgres 127.0.0.1/32 scram-sha-256" >>"$PG_THROWAWAY_DIR/data/pg_hba.conf"
    _pg_as_postgres "$PG_THROWAWAY_BIN/pg_ctl" -D "$PG_THROWAWAY_DIR/data" reload >/dev/null \
        || { _pg_log "reload of the primary failed"; return 1; }

    # -R writes standby.signal and primary_conninfo (with the password) into the copy; -X stream takes the WAL along.
    _pg_log "pg_basebackup into $replica"
    if ! _pg_as_postgres env PGPASSWORD="$PG_THROWAWAY_PASSWORD" "$PG_THROWAWAY_BIN/pg_basebackup" \
            -h 127.0.0.1 -p "$PG_THROWAWAY_PORT" -U postgres -D "$replica" -R -X stream -c fast \
            >"$PG_THROWAWAY_DIR/basebackup.log" 2>&1; then
        cat "$PG_THROWAWAY_DIR/basebackup.log" >&2
        _pg_log "pg_basebackup failed"
        return 1
    fi
    # The copy keeps the primary's settings (same socket folder: the port tells the sockets apart); feedback keeps the
    # primary's vacuum from cancelling the replica's queries.
    printf '%s\n' "" "# --- scripts/pg-throwaway.sh (replica) ---" "hot_standby = on" "hot_standby_feedback = on" \
        >>"$replica/postgresql.conf"

    local attempt
    for attempt in 1 2 3 4 5; do
        PG_THROWAWAY_REPLICA_PORT="$(_pg_free_port)" || { _pg_log "no free port"; return 1; }
        if _pg_as_postgres "$PG_THROWAWAY_BIN/pg_ctl" -D "$replica" -l "$PG_THROWAWAY_DIR/replica.log" \
                -o "-p $PG_THROWAWAY_REPLICA_PORT" -w -t 60 start >/dev/null; then
            break
        fi
        _pg_log "replica start on port $PG_THROWAWAY_REPLICA_PORT failed (attempt $attempt):"
        tail -n 20 "$PG_THROWAWAY_DIR/replica.log" >&2 || true
        PG_THROWAWAY_REPLICA_PORT=""
    done
    [[ -n "$PG_THROWAWAY_REPLICA_PORT" ]] || { _pg_log "could not start the replica"; return 1; }

    export PG_THROWAWAY_REPLICA_PORT
    export CERTGUARD_TEST_POSTGRES_REPLICA="Host=127.0.0.1;Port=$PG_THROWAWAY_REPLICA_PORT;Username=postgres;Password=$PG_THROWAWAY_PASSWORD;Database=postgres"
    _pg_log "replica up on 127.0.0.1:$PG_THROWAWAY_REPLICA_PORT, streaming from port $PG_THROWAWAY_PORT"
}

# --- standalone mode ---------------------------------------------------------------------------------
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    trap pg_throwaway_stop EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    pg_throwaway_start
    echo "CERTGUARD_TEST_POSTGRES=$CERTGUARD_TEST_POSTGRES"
    if [[ "${PG_THROWAWAY_REPLICA:-}" == 1 ]]; then
        pg_throwaway_replica_start
        echo "CERTGUARD_TEST_POSTGRES_REPLICA=$CERTGUARD_TEST_POSTGRES_REPLICA"
    fi
    if [[ $# -eq 0 ]]; then
        PGPASSWORD="$PG_THROWAWAY_PASSWORD" psql -h 127.0.0.1 -p "$PG_THROWAWAY_PORT" -U postgres -d postgres \
            -Atc 'select version()'
    else
        "$@"
    fi
fi
