-- Ceiling for U1: the least database work UntagResources needs for 1 resource and 1 key, as one statement (one
-- round trip, one transaction): record the nonce, check that the resource exists and may be tagged and that the
-- key is not a private tag, delete the row and record it in tag_history (V4).
-- Transaction n of client c removes pool pair p = c + nclients * n (resource p mod resources, key p div resources),
-- the same pairs the service's U1 requests remove. Variables: n (0), nclients, resources, run; the constants (placeholders) come from workload.sql_literals(), filled in by bench/run.
\set p :client_id + :nclients * :n
\set n :n + 1
\set r :p % :resources
\set k :p / :resources
WITH target AS (
    SELECT ${prefix} || lpad(:r::text, ${digits}, '0') AS id,
           (${keys})[:k + 1] AS tag_key),
nonce AS (
    INSERT INTO signature_nonce (account_id, access_key_id, nonce, expires_at)
    VALUES (${account}, ${key_id}, :run::text || '-' || :p::text, now() + interval '15 minutes')
    RETURNING 1),
listed AS (
    SELECT count(*) AS found, count(*) FILTER (WHERE NOT taggable) AS untaggable FROM resource
    WHERE account_id = ${account} AND region_id = ${region} AND resource_type = ${type}
      AND resource_id = (SELECT id FROM target)),
other_kind AS (
    SELECT EXISTS (SELECT 1 FROM tag
                   WHERE account_id = ${account} AND region_id = ${region} AND resource_type = ${type}
                     AND resource_id = (SELECT id FROM target) AND tag_key = (SELECT tag_key FROM target)
                     AND private) AS found),
removed AS (
    DELETE FROM tag
    WHERE account_id = ${account} AND region_id = ${region} AND resource_type = ${type}
      AND resource_id = (SELECT id FROM target) AND tag_key = (SELECT tag_key FROM target) AND NOT private
      AND (SELECT found = 1 AND untaggable = 0 FROM listed) AND NOT (SELECT found FROM other_kind)
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
