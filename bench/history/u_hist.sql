\set p :client_id + :nclients * :n + :base
\set n :n + 1
\set r :p % 100000
\set ki :p / 100000 + 1
with keyname as (select (array['env','team','app','owner','cost-center','project','tier','stack','version','zone'])[:ki] as k),
listed as (
    select count(*) as found, count(*) filter (where not taggable) as untaggable
    from resource where account_id = '1234567890123456' and region_id = 'cn-hangzhou' and resource_type = 'instance' and resource_id = any(array['i-bp' || lpad(:r::text, 18, '0')]::text[])),
other_kind as (
    select exists (select 1 from tag where account_id = '1234567890123456' and region_id = 'cn-hangzhou' and resource_type = 'instance' and resource_id = any(array['i-bp' || lpad(:r::text, 18, '0')]::text[])
                     and (tag_key = any(array[(select k from keyname)]::text[])) is true and private <> false) as other_kind),
removed as (
    delete from tag where account_id = '1234567890123456' and region_id = 'cn-hangzhou' and resource_type = 'instance' and resource_id = any(array['i-bp' || lpad(:r::text, 18, '0')]::text[]) and private = false and (tag_key = any(array[(select k from keyname)]::text[])) is true
      and (select found = 1 and untaggable = 0 from listed)
      and not (select other_kind from other_kind)
    returning resource_id, tag_key, tag_value),
changed as (
    select resource_id, tag_key, tag_value as value_before, null as value_after from removed),
recorded as (
    insert into tag_history (account_id, changed_at, region_id, resource_type, resource_id, tag_key,
                             value_before, value_after, private, action, request_id, access_key_id)
    select '1234567890123456', clock_timestamp(), 'cn-hangzhou', 'instance', resource_id, tag_key,
           value_before, value_after, false, 'UntagResources', 'B04B8CF3-4489-432D-83BA-6F128E4F2295', 'LTAIbenchbenchbench0000'
    from changed)
select found, untaggable, other_kind, 0 as most_kept from listed, other_kind;
