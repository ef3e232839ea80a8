-- Puts the data set back as the fixture left it, between two runs, so that every run starts from the same data:
-- re-inserts the (resource, key) pairs [0, :pairs) of the pool that U1 / U50 runs delete (pair p is resource
-- p mod :resources, key keys[p div :resources]), removes the keys TagResources runs added, and forgets the nonces.
-- psql variables (from bench/lib/workload.py): account, region, type, prefix, digits, keys, values_per_key, extra_keys, resources, pairs.
\set ON_ERROR_STOP on
insert into tag (account_id, region_id, resource_type, resource_id, tag_key, tag_value, private)
select :'account', :'region', :'type', :'prefix' || lpad((p % :resources)::text, :digits, '0'),
       (:'keys'::text[])[p / :resources + 1], (:'keys'::text[])[p / :resources + 1] || '-' || (p % :resources % :values_per_key),
       false
from generate_series(0, :pairs - 1) as p
on conflict do nothing;

delete from tag
where account_id = :'account' and region_id = :'region' and resource_type = :'type'
  and tag_key = any (:'extra_keys'::text[]);

truncate signature_nonce;
