-- Ceiling for U50: UntagResources of 20 keys from 50 resources, as one statement (one round trip, one
-- transaction): record the nonce, check the 50 resources, check that no named key is a private tag on them,
-- delete and record the removed tags in tag_history (V4). Transaction n of client c takes the 50 pool pairs from
-- 50 * (c + nclients * n): 50 consecutive resources, one real key each, plus 19 keys they do not carry, as the
-- service's U50 requests do.
-- On PostgreSQL 15 an index condition "resource_id = any(50 ids) and tag_key = any(20 keys)" descends the primary
-- key once per (id, key) combination, 1000 times; "(tag_key = any(keys)) is true" keeps the key test a filter: 50
-- descents, reading each resource's 10 tags (a tenth of the buffer hits).
-- Variables: n (0), nclients, resources, run.
\set call :client_id + :nclients * :n
\set n :n + 1
\set p (50 * :call) % (10 * :resources)
\set r :p % :resources
\set k :p / :resources
WITH target AS (
    SELECT array_agg('i-bp' || lpad((:r + g)::text, 18, '0')) AS ids,
           ARRAY[(ARRAY['env', 'team', 'app', 'owner', 'cost-center', 'project', 'tier', 'stack', 'version', 'zone'])[:k + 1],
                 'absent-00', 'absent-01', 'absent-02', 'absent-03', 'absent-04', 'absent-05', 'absent-06',
                 'absent-07', 'absent-08', 'absent-09', 'absent-10', 'absent-11', 'absent-12', 'absent-13',
                 'absent-14', 'absent-15', 'absent-16', 'absent-17', 'absent-18'] AS keys
    FROM generate_series(0, 49) AS g),
nonce AS (
    INSERT INTO signature_nonce (account_id, access_key_id, nonce, expires_at)
    VALUES ('1234567890123456', 'pgbench', :run::text || '-' || :call::text, now() + interval '15 minutes')
    RETURNING 1),
listed AS (
    SELECT count(*) AS found, count(*) FILTER (WHERE NOT taggable) AS untaggable FROM resource
    WHERE account_id = '1234567890123456' AND region_id = 'cn-hangzhou' AND resource_type = 'instance'
      AND resource_id = ANY ((SELECT ids FROM target)::text[])),
other_kind AS (
    SELECT EXISTS (SELECT 1 FROM tag
                   WHERE account_id = '1234567890123456' AND region_id = 'cn-hangzhou' AND resource_type = 'instance'
                     AND resource_id = ANY ((SELECT ids FROM target)::text[]) AND (tag_key = ANY ((SELECT keys FROM target)::text[])) IS TRUE
                     AND private) AS found),
removed AS (
    DELETE FROM tag
    WHERE account_id = '1234567890123456' AND region_id = 'cn-hangzhou' AND resource_type = 'instance'
      AND resource_id = ANY ((SELECT ids FROM target)::text[]) AND (tag_key = ANY ((SELECT keys FROM target)::text[])) IS TRUE AND NOT private
      AND (SELECT found = 50 AND untaggable = 0 FROM listed) AND NOT (SELECT found FROM other_kind)
    RETURNING resource_id, tag_key, tag_value),
-- Since V4 the service records each removed tag in tag_history in the same statement.
recorded AS (
    INSERT INTO tag_history (account_id, changed_at, region_id, resource_type, resource_id, tag_key, value_before,
                             value_after, private, action, request_id, access_key_id)
    SELECT '1234567890123456', clock_timestamp(), 'cn-hangzhou', 'instance', resource_id, tag_key, tag_value,
           NULL, false, 'UntagResources', 'pgbench-' || :run::text || '-' || :p::text, 'pgbench'
    FROM removed
    RETURNING 1)
SELECT (SELECT found FROM listed), (SELECT found FROM other_kind), (SELECT count(*) FROM recorded);
