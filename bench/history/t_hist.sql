\set p :client_id + :nclients * :n + :base
\set n :n + 1
\set r :p % 100000
begin;
select count(*) from (select taggable from resource where account_id = '1234567890123456' and region_id = 'cn-hangzhou' and resource_type = 'instance' and resource_id = any(array['i-bp' || lpad(:r::text, 18, '0')]::text[]) order by resource_id for update) listed;
with other_kind as (
    select exists (select 1 from tag where account_id = '1234567890123456' and region_id = 'cn-hangzhou' and resource_type = 'instance' and resource_id = any(array['i-bp' || lpad(:r::text, 18, '0')]::text[])
                     and (tag_key = any(array['t-hist']::text[])) is true and private <> false) as other_kind),
kept as (
    select coalesce(max(kept), 0) as most_kept
    from (select count(*) as kept from tag where account_id = '1234567890123456' and region_id = 'cn-hangzhou' and resource_type = 'instance' and resource_id = any(array['i-bp' || lpad(:r::text, 18, '0')]::text[])
            and private = false and not (tag_key = any(array['t-hist']::text[])) is true
          group by resource_id) per_resource),
previous as (
    select resource_id, tag_key, tag_value from tag
    where account_id = '1234567890123456' and region_id = 'cn-hangzhou' and resource_type = 'instance' and resource_id = any(array['i-bp' || lpad(:r::text, 18, '0')]::text[]) and private = false and (tag_key = any(array['t-hist']::text[])) is true),
written as (
    insert into tag (account_id, region_id, resource_type, resource_id, tag_key, tag_value, private)
    select '1234567890123456', 'cn-hangzhou', 'instance', resource.id, tags.tag_key, tags.tag_value, false
    from unnest(array['i-bp' || lpad(:r::text, 18, '0')]::text[]) as resource(id)
    cross join unnest(array['t-hist']::text[], array['v']::text[]) as tags(tag_key, tag_value)
    where not (select other_kind from other_kind)
      and (select most_kept from kept) + 1 <= 20
    on conflict (account_id, region_id, resource_type, resource_id, tag_key)
    do update set tag_value = excluded.tag_value
    returning resource_id, tag_key, tag_value, xmax = 0 as inserted),
changed as (
    select written.resource_id, written.tag_key,
           case when not inserted then previous.tag_value end as value_before,
           written.tag_value as value_after
    from written left join previous
      on previous.resource_id = written.resource_id and previous.tag_key = written.tag_key
    where inserted or previous.tag_value is distinct from written.tag_value),
recorded as (
    insert into tag_history (account_id, changed_at, region_id, resource_type, resource_id, tag_key,
                             value_before, value_after, private, action, request_id, access_key_id)
    select '1234567890123456', clock_timestamp(), 'cn-hangzhou', 'instance', resource_id, tag_key,
           value_before, value_after, false, 'TagResources', 'B04B8CF3-4489-432D-83BA-6F128E4F2295', 'LTAIbenchbenchbench0000'
    from changed)
select 1 as found, 0 as untaggable, other_kind, most_kept from other_kind, kept;
commit;
