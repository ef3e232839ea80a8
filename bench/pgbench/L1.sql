-- Ceiling for L1: ListTagResources by one resource id, as one statement (one round trip, one transaction): record
-- the nonce, read the first page (50 entries, and one more to know whether a next page exists).
-- Variables: n (0), nclients, resources, run; the constants (placeholders) come from workload.sql_literals(), filled in by bench/run.
\set i :client_id + :nclients * :n
\set n :n + 1
\set r :i % :resources
WITH nonce AS (
    INSERT INTO signature_nonce (account_id, access_key_id, nonce, expires_at)
    VALUES (${account}, ${key_id}, :run::text || '-' || :i::text, now() + interval '15 minutes')
    RETURNING 1)
SELECT resource_id, tag_key, tag_value FROM tag
WHERE account_id = ${account} AND region_id = ${region} AND resource_type = ${type}
  AND resource_id = ANY (ARRAY[${prefix} || lpad(:r::text, ${digits}, '0')]) AND NOT private
ORDER BY resource_id, tag_key
LIMIT 51;
