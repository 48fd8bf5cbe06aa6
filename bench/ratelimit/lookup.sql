\set n random(1, 10000)
SELECT "Key", "Tokens" FROM "RateLimitCounters" WHERE "Key" = md5(:n::text);
