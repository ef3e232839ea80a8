-- Registers resources [:first, :last) of the benchmark account and gives each the keys :'keys' (a text array),
-- writing exactly the rows the service writes: PUT /admin/v1/resources inserts a taggable resource row, and
-- TagResources with a normal AccessKey inserts one public (private = false) tag row per key, with the resource type
-- in lower case. Values are "<key>-<resource number mod values_per_key>".
-- psql variables (from bench/lib/workload.py): account, region, type, prefix, digits, keys, values_per_key, first, last.
\set ON_ERROR_STOP on
insert into resource (account_id, region_id, resource_type, resource_id, taggable)
select :'account', :'region', :'type', :'prefix' || lpad(i::text, :digits, '0'), true
from generate_series(:first, :last - 1) as i;

insert into tag (account_id, region_id, resource_type, resource_id, tag_key, tag_value, private)
select :'account', :'region', :'type', :'prefix' || lpad(i::text, :digits, '0'), k.key, k.key || '-' || (i % :values_per_key), false
from generate_series(:first, :last - 1) as i
cross join unnest(:'keys'::text[]) as k(key);
