-- Ceiling for T1: TagResources of 1 new key on 1 resource, in one transaction of two statements: record the nonce
-- and lock the resource (so that the quota holds under concurrency, the count must see every tag committed before
-- the lock: a second statement, with a new snapshot), then check the quota and the tag's kind and upsert.
-- Transaction n of client c uses slot s = c + nclients * n: resource s mod resources, key 'bench-t1-' || (s div
-- resources), as the service's T1 requests do. Variables: n (0), nclients, resources, run.
\set s :client_id + :nclients * :n
\set n :n + 1
\set r :s % :resources
\set k :s / :resources
BEGIN;
WITH nonce AS (
    INSERT INTO signature_nonce (account_id, access_key_id, nonce, expires_at)
    VALUES ('1234567890123456', 'pgbench', :run::text || '-' || :s::text, now() + interval '15 minutes')
    RETURNING 1)
SELECT count(*) AS found, count(*) FILTER (WHERE NOT taggable) AS untaggable
FROM (SELECT taggable FROM resource
      WHERE account_id = '1234567890123456' AND region_id = 'cn-hangzhou' AND resource_type = 'instance'
        AND resource_id = 'i-bp' || lpad(:r::text, 18, '0')
      FOR UPDATE) AS listed;
WITH current AS (
    SELECT count(*) FILTER (WHERE NOT private AND tag_key <> 'bench-t1-' || :k::text) AS kept,
           coalesce(bool_or(private AND tag_key = 'bench-t1-' || :k::text), false) AS other_kind
    FROM tag
    WHERE account_id = '1234567890123456' AND region_id = 'cn-hangzhou' AND resource_type = 'instance'
      AND resource_id = 'i-bp' || lpad(:r::text, 18, '0')),
written AS (
    INSERT INTO tag (account_id, region_id, resource_type, resource_id, tag_key, tag_value, private)
    SELECT '1234567890123456', 'cn-hangzhou', 'instance', 'i-bp' || lpad(:r::text, 18, '0'),
           'bench-t1-' || :k::text, 'v' || :n::text, false
    WHERE (SELECT kept + 1 <= 20 AND NOT other_kind FROM current)
    ON CONFLICT (account_id, region_id, resource_type, resource_id, tag_key)
    DO UPDATE SET tag_value = excluded.tag_value
    RETURNING 1)
SELECT (SELECT kept FROM current), (SELECT count(*) FROM written);
END;
