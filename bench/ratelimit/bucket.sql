\set n random(1, 10000)
INSERT INTO "RateLimitCounters" AS c ("Key", "Tokens", "Stamp", "Granted", "ExpiresAt")
VALUES (md5(:n::text), 5 - 1, now(), TRUE, now() + make_interval(secs => 1 / 0.0833))
ON CONFLICT ("Key") DO UPDATE SET
    "Tokens" = CASE WHEN LEAST(5, c."Tokens" + GREATEST(0, EXTRACT(EPOCH FROM now() - c."Stamp")::float8) * 0.0833) >= 1 THEN LEAST(5, c."Tokens" + GREATEST(0, EXTRACT(EPOCH FROM now() - c."Stamp")::float8) * 0.0833) - 1 ELSE LEAST(5, c."Tokens" + GREATEST(0, EXTRACT(EPOCH FROM now() - c."Stamp")::float8) * 0.0833) END,
    "Granted" = LEAST(5, c."Tokens" + GREATEST(0, EXTRACT(EPOCH FROM now() - c."Stamp")::float8) * 0.0833) >= 1,
    "Stamp" = GREATEST(c."Stamp", now()),
    "ExpiresAt" = GREATEST(c."Stamp", now()) + make_interval(secs => 60)
RETURNING "Granted";
