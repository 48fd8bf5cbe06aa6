-- Fills the partitioned verification log (PostgreSQL, schema from `certguard migrate`) with generated checks, one
-- month per call, server-side: each month is built as a stand-alone table (INSERT … SELECT generate_series, no index
-- to maintain row by row), indexed once it is full, then attached as that month's partition (the indexes match the
-- partitioned ones and are adopted; a CHECK constraint spares the attach its validation scan).
--
--   psql -v ON_ERROR_STOP=1 -f bench/verification-log/generate.sql      -- defines bench_generate_month(month, rows)
--   psql -c "SELECT bench_generate_month('2025-01-01Z', 4200000)"       -- one month of 4.2 million checks
--
-- Only for a throwaway cluster: it drops the month's partition if one exists (empty on a fresh schema).
-- The mix: 85 % public query, 5 % QR, 7 % roster, 3 % review; 90 % valid, 5 % not found, 4 % name mismatch,
-- 1 % malformed; numbers and certificates drawn from 10 million, 65,536 client origins (/24), 50,000 organisations
-- (roster and review checks only); time-ordered ids like the platform's version-7 GUIDs.
CREATE OR REPLACE FUNCTION bench_generate_month(month_start timestamptz, n bigint) RETURNS bigint LANGUAGE plpgsql AS $fn$
DECLARE
    m timestamptz := date_trunc('month', month_start AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
    part text;
    month_end timestamptz;
    step double precision;
BEGIN
    part := 'VerificationLog_' || to_char(m AT TIME ZONE 'UTC', 'YYYY_MM');
    month_end := ((m AT TIME ZONE 'UTC') + interval '1 month') AT TIME ZONE 'UTC';
    step := extract(epoch FROM month_end - m) / n;
    IF to_regclass(quote_ident(part)) IS NOT NULL THEN EXECUTE format('DROP TABLE %I', part); END IF;
    EXECUTE format('CREATE TABLE %I (LIKE "VerificationLog" INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part);
    EXECUTE format($q$
        INSERT INTO %I ("Id", "At", "Channel", "Outcome", "NumberAsked", "CertificateId", "RegionCode", "OrganisationId", "Origin")
        SELECT (lpad(to_hex((extract(epoch FROM g.at) * 1000)::bigint), 12, '0') || '7' || substr(md5(g.i::text || %L), 1, 19))::uuid,
               g.at,
               CASE WHEN g.c < 0.85 THEN 'PublicQuery' WHEN g.c < 0.90 THEN 'QrCheck' WHEN g.c < 0.97 THEN 'RosterCheck' ELSE 'ReviewCheck' END,
               CASE WHEN g.o < 0.90 THEN 'Valid' WHEN g.o < 0.95 THEN 'NotFound' WHEN g.o < 0.99 THEN 'NameMismatch' ELSE 'Malformed' END,
               '4401' || lpad(g.cert::text, 14, '0'),
               CASE WHEN g.o < 0.90 OR (g.o >= 0.95 AND g.o < 0.99) THEN md5('cert' || g.cert)::uuid END,
               '440100',
               CASE WHEN g.c >= 0.90 THEN md5('org' || (g.cert %% 50000))::uuid END,
               CASE WHEN g.c < 0.85 THEN '10.' || (g.net / 256) || '.' || (g.net %% 256) || '.0/24' END
        FROM (SELECT i, %L::timestamptz + make_interval(secs => (i - 0.5) * %s) AS at, random() AS c, random() AS o,
                     (random() * 9999999)::bigint AS cert, (random() * 65535)::int AS net
              FROM generate_series(1, %s) AS i) AS g
        $q$, part, part, m, step, n);
    EXECUTE format('ALTER TABLE %I ADD PRIMARY KEY ("Id", "At")', part);
    EXECUTE format('CREATE INDEX ON %I ("At")', part);
    EXECUTE format('CREATE INDEX ON %I ("CertificateId", "At")', part);
    EXECUTE format('CREATE INDEX ON %I ("NumberAsked", "At")', part);
    EXECUTE format('CREATE INDEX ON %I ("Origin", "At")', part);
    EXECUTE format('CREATE INDEX ON %I ("OrganisationId", "At")', part);
    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT bench_range CHECK ("At" >= %L AND "At" < %L)', part, m, month_end);
    EXECUTE format('ALTER TABLE "VerificationLog" ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', part, m, month_end);
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT bench_range', part);
    RETURN n;
END $fn$;
