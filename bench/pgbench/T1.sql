-- Ceiling for T1: TagResources of 1 new key on 1 resource, as the service now does it: one call (one round trip, one
-- transaction) of tag_resources_within_quota (db/migration/V3, with the tag history since V4), which records the
-- nonce, locks the resource (so that the quota holds under concurrency), then, in a statement with a new snapshot that
-- sees every tag committed before the lock, checks the quota and the tag's kind, upserts and records the change in
-- tag_history. The same work as two statements in a BEGIN/END
-- transaction costs four round trips and was the ceiling before V3; one call is the least the database can be asked.
-- Transaction n of client c uses slot s = c + nclients * n: resource s mod resources, key 'bench-t1-' || (s div
-- resources), as the service's T1 requests do. Variables: n (0), nclients, resources, run; the constants (placeholders) come from workload.sql_literals(), filled in by bench/run.
\set s :client_id + :nclients * :n
\set n :n + 1
\set r :s % :resources
\set k :s / :resources
SELECT nonce_fresh, resources_found, resources_untaggable, named_key_other_kind, most_kept
FROM tag_resources_within_quota(${account}, ${region}, ${type},
                                ARRAY[${prefix} || lpad(:r::text, ${digits}, '0')], ARRAY[${extra_key_prefix} || :k::text],
                                ARRAY['v' || :n::text], false, ${tag_quota},
                                ${account}, ${key_id}, :run::text || '-' || :s::text,
                                now() + interval '15 minutes', now(),
                                'pgbench-' || :run::text || '-' || :s::text, ${history_key_id});
