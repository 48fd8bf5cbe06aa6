#!/usr/bin/env bash
# The shared rate limiter's per-check cost (RateLimits:Store=Postgres), measured with pgbench in ONE run beside a
# primary-key SELECT on the same table (the cheapest statement there is): the ratio says what one check costs the
# database relative to one indexed read. Usage: CERTGUARD_TEST_POSTGRES=... bench/ratelimit/run.sh  (a scratch database
# is made and dropped; 10 000 keys, 4 clients, 10 s each).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
server=${CERTGUARD_TEST_POSTGRES:?set CERTGUARD_TEST_POSTGRES (source /work/pg.env)}
kv() { echo "$server" | tr ';' '\n' | sed -n "s/^$1=//p"; }
export PGHOST=$(kv Host) PGPORT=$(kv Port) PGUSER=$(kv Username) PGPASSWORD=$(kv Password)
db=cg_ratelimit_bench_$$
psql -q -d postgres -c "CREATE DATABASE $db"
trap 'psql -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"' EXIT
psql -q -d "$db" -c 'CREATE UNLOGGED TABLE "RateLimitCounters" ("Key" character(64) PRIMARY KEY, "Tokens" double precision NOT NULL, "Stamp" timestamptz NOT NULL, "Granted" boolean NOT NULL, "ExpiresAt" timestamptz NOT NULL); CREATE INDEX ON "RateLimitCounters" ("ExpiresAt");'
psql -q -d "$db" -c 'INSERT INTO "RateLimitCounters" SELECT md5(g::text), 5, now(), true, now() FROM generate_series(1, 10000) g'
echo "load: $(uptime)"
check=$(pgbench -n -M prepared -c 4 -j 2 -T 10 -f "$here/bucket.sql" "$db" | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
read=$(pgbench -n -M prepared -c 4 -j 2 -T 10 -f "$here/lookup.sql" "$db" | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
echo "load: $(uptime)"
echo "shared limiter checks/s: $check   primary-key reads/s: $read"
python3 -c "print('rate limit check / indexed read = %.2f' % ($check / $read))"
