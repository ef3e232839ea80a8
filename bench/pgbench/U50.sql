-- Ceiling for U50: UntagResources of 20 keys from 50 resources, as one statement (one round trip, one
-- transaction): record the nonce, check the 50 resources, check that no named key is a private tag on them,
-- delete and record the removed tags in tag_history (V4). Transaction n of client c takes the 50 pool pairs from
-- 50 * (c + nclients * n): 50 consecutive resources, one real key each, plus 19 keys they do not carry, as the
-- service's U50 requests do.
-- On PostgreSQL 15 an index condition "resource_id = any(50 ids) and tag_key = any(20 keys)" descends the primary
-- key once per (id, key) combination, 1000 times; "(tag_key = any(keys)) is true" keeps the key test a filter: 50
-- descents, reading each resource's 10 tags (a tenth of the buffer hits).
-- Variables: n (0), nclients, resources, run; the constants (placeholders) come from workload.sql_literals(), filled in by bench/run.
\set call :client_id + :nclients * :n
\set n :n + 1
\set p (${u50_resources} * :call) % (10 * :resources)
\set r :p % :resources
\set k :p / :resources
WITH target AS (
    SELECT array_agg(${prefix} || lpad((:r + g)::text, ${digits}, '0')) AS ids,
           ARRAY[(${keys})[:k + 1], ${u50_absent_keys}] AS keys
    FROM generate_series(0, ${u50_resources} - 1) AS g),
nonce AS (
    INSERT INTO signature_nonce (account_id, access_key_id, nonce, expires_at)
    VALUES (${account}, ${key_id}, :run::text || '-' || :call::text, now() + interval '15 minutes')
    RETURNING 1),
listed AS (
    SELECT count(*) AS found, count(*) FILTER (WHERE NOT taggable) AS untaggable FROM resource
    WHERE account_id = ${account} AND region_id = ${region} AND resource_type = ${type}
      AND resource_id = ANY ((SELECT ids FROM target)::text[])),
other_kind AS (
    SELECT EXISTS (SELECT 1 FROM tag
                   WHERE account_id = ${account} AND region_id = ${region} AND resource_type = ${type}
                     AND resource_id = ANY ((SELECT ids FROM target)::text[]) AND (tag_key = ANY ((SELECT keys FROM target)::text[])) IS TRUE
                     AND private) AS found),
removed AS (
    DELETE FROM tag
    WHERE account_id = ${account} AND region_id = ${region} AND resource_type = ${type}
      AND resource_id = ANY ((SELECT ids FROM target)::text[]) AND (tag_key = ANY ((SELECT keys FROM target)::text[])) IS TRUE AND NOT private
      AND (SELECT found = ${u50_resources} AND untaggable = 0 FROM listed) AND NOT (SELECT found FROM other_kind)
    RETURNING resource_id, tag_key, tag_value),
-- Since V4 the service records each removed tag in tag_history in the same statement.
recorded AS (
    INSERT INTO tag_history (account_id, changed_at, region_id, resource_type, resource_id, tag_key, value_before,
                             value_after, private, action, request_id, access_key_id)
    SELECT ${account}, clock_timestamp(), ${region}, ${type}, resource_id, tag_key, tag_value,
           NULL, false, 'UntagResources', 'pgbench-' || :run::text || '-' || :p::text, ${key_id}
    FROM removed
    RETURNING 1)
SELECT (SELECT found FROM listed), (SELECT found FROM other_kind), (SELECT count(*) FROM recorded);
