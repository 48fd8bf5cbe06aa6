-- The signal rules' and the name-check limits' reads of the verification log, as SignalDetector and NameCheckLimits
-- send them (same predicates and windows as the defaults of SignalOptions / NameCheckLimitOptions), on values the
-- generator produced. EXPLAIN ANALYZE each; the plan names the partitions it touched.
\set certs 'ARRAY(SELECT md5(''cert'' || c)::uuid FROM generate_series(4200000, 4200099) AS c)'
\echo '== rule NameMismatch (100 certificates, 90 days)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT "CertificateId", count(*) FROM "VerificationLog"
WHERE "CertificateId" = ANY (:certs) AND "Outcome" = 'NameMismatch' AND "At" >= now() - interval '90 days'
GROUP BY "CertificateId";
\echo '== rule SharedAcrossEmployers (100 certificates, 180 days)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT DISTINCT "CertificateId", "OrganisationId" FROM "VerificationLog"
WHERE "CertificateId" = ANY (:certs) AND "OrganisationId" IS NOT NULL AND "At" >= now() - interval '180 days'
  AND "Channel" IN ('PublicQuery', 'QrCheck', 'RosterCheck');
\echo '== rule NotFoundBurst (one origin, 10 minutes)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT count(*) FROM "VerificationLog"
WHERE "Origin" = '10.17.42.0/24' AND "Channel" = 'PublicQuery' AND "At" >= now() - interval '10 minutes'
  AND "Outcome" IN ('NotFound', 'NameMismatch', 'Malformed');
\echo '== rule OrganisationMisses (one organisation, 1 day)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT count(*) FROM "VerificationLog"
WHERE "OrganisationId" = md5('org' || 4242)::uuid AND "Channel" IN ('RosterCheck', 'ReviewCheck')
  AND "Outcome" IN ('NotFound', 'NameMismatch') AND "At" >= now() - interval '1 day';
\echo '== NameCheckLimits (one organisation, 1 day)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT "At", "Outcome", "CertificateId" FROM "VerificationLog"
WHERE "OrganisationId" = md5('org' || 4242)::uuid AND "At" >= now() - interval '1 day'
  AND "Channel" IN ('RosterCheck', 'ReviewCheck') AND "Outcome" IN ('NameMismatch', 'NotFound');
\echo '== holder''s view (one certificate, newest 50, every month)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT "At", "Channel", "Outcome" FROM "VerificationLog"
WHERE "CertificateId" = md5('cert' || 4200000)::uuid ORDER BY "At" DESC LIMIT 50;
