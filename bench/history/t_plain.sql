\set p :client_id + :nclients * :n + :base
\set n :n + 1
\set r :p % 100000
begin;
select count(*) from (select taggable from resource where account_id = '1234567890123456' and region_id = 'cn-hangzhou' and resource_type = 'instance' and resource_id = any(array['i-bp' || lpad(:r::text, 18, '0')]::text[]) order by resource_id for update) listed;
with other_kind as (
    select exists (select 1 from tag where account_id = '1234567890123456' and region_id = 'cn-hangzhou' and resource_type = 'instance' and resource_id = any(array['i-bp' || lpad(:r::text, 18, '0')]::text[])
                     and (tag_key = any(array['t-plain']::text[])) is true and private <> false) as other_kind),
kept as (
    select coalesce(max(kept), 0) as most_kept
    from (select count(*) as kept from tag where account_id = '1234567890123456' and region_id = 'cn-hangzhou' and resource_type = 'instance' and resource_id = any(array['i-bp' || lpad(:r::text, 18, '0')]::text[])
            and private = false and not (tag_key = any(array['t-plain']::text[])) is true
          group by resource_id) per_resource),

written as (
    insert into tag (account_id, region_id, resource_type, resource_id, tag_key, tag_value, private)
    select '1234567890123456', 'cn-hangzhou', 'instance', resource.id, tags.tag_key, tags.tag_value, false
    from unnest(array['i-bp' || lpad(:r::text, 18, '0')]::text[]) as resource(id)
    cross join unnest(array['t-plain']::text[], array['v']::text[]) as tags(tag_key, tag_value)
    where not (select other_kind from other_kind)
      and (select most_kept from kept) + 1 <= 20
    on conflict (account_id, region_id, resource_type, resource_id, tag_key)
    do update set tag_value = excluded.tag_value
    returning 1)
select 1 as found, 0 as untaggable, other_kind, most_kept from other_kind, kept;
commit;
