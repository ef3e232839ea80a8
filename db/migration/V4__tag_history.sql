-- Tag history: one row per (resource, key) that a request changed, written by the same statement that makes the
-- change, so a request that fails records nothing and one that changes nothing records nothing.
-- value_before / value_after are null where the key was absent before / is absent after.
create table tag_history (
    account_id    varchar(20)  not null,
    -- clock_timestamp() taken as the row is written, after the change took its row locks: two changes of one
    -- resource's key are stamped in the order they commit.
    changed_at    timestamptz  not null,
    id            bigint       generated always as identity,
    region_id     varchar(64)  not null,
    resource_type varchar(32)  not null,
    resource_id   varchar(256) collate "C" not null,
    tag_key       varchar(128) collate "C" not null,
    value_before  varchar(128),
    value_after   varchar(128),
    -- A system tag (Scope=private); shown only where the caller may see private tags.
    private       boolean      not null,
    -- TagResources, UntagResources, DeleteResource (admin API), MoveResource (registered under another account).
    action        varchar(32)  not null,
    request_id    varchar(64)  not null,
    -- The AccessKeyId of the call, or "admin" for the admin API.
    access_key_id varchar(64)  not null,
    -- Newest first per account, keyset-paged by (changed_at, id).
    primary key (account_id, changed_at, id)
);
-- One resource's changes, for its history and its tags as of an instant.
create index tag_history_resource on tag_history (account_id, region_id, resource_type, resource_id, changed_at);
-- Retention purges by age across accounts; the table is appended in time order, so a BRIN index costs almost
-- nothing on the write path.
create index tag_history_age on tag_history using brin (changed_at);

-- DescribeTags walks the distinct (key, value) pairs of an account's region in order, one index descent per pair,
-- and counts each pair's resources by type from this index alone.
create index tag_catalog on tag (account_id, region_id, private, tag_key, tag_value collate "C", resource_type);

-- TagResources (V3's one call) now records what it changed in tag_history, in its write statement: the same lock
-- order, fresh snapshot and quota check as V3, with two more arguments for the history's request id and AccessKeyId.
-- A new signature, so V3's function goes: nothing but the service calls it.
drop function tag_resources_within_quota(text, text, text, text[], text[], text[], boolean, integer, text, text,
                                         text, timestamptz, timestamptz);

create function tag_resources_within_quota(
    p_account         text,
    p_region          text,
    p_type            text,
    p_ids             text[],
    p_keys            text[],
    p_values          text[],
    p_private         boolean,
    p_quota           integer,
    p_nonce_account   text,
    p_nonce_key       text,
    p_nonce           text,
    p_nonce_expires   timestamptz,
    p_nonce_now       timestamptz,
    p_request_id      text,
    p_access_key_id   text,
    out nonce_fresh          boolean,
    out resources_found      bigint,
    out resources_untaggable bigint,
    out named_key_other_kind boolean,
    out most_kept            integer)
language plpgsql volatile
as $$
declare
    recorded integer;
begin
    insert into signature_nonce (account_id, access_key_id, nonce, expires_at)
    values (p_nonce_account, p_nonce_key, p_nonce, p_nonce_expires)
    on conflict (account_id, access_key_id, nonce)
    do update set expires_at = excluded.expires_at
     where signature_nonce.expires_at < p_nonce_now;
    get diagnostics recorded = row_count;
    nonce_fresh := recorded = 1;
    if not nonce_fresh then
        return;
    end if;

    -- In id order, so that concurrent calls cannot deadlock.
    select count(*), count(*) filter (where not listed.taggable)
      into resources_found, resources_untaggable
      from (select r.taggable from resource r
             where r.account_id = p_account and r.region_id = p_region and r.resource_type = p_type
               and r.resource_id = any(p_ids)
             order by r.resource_id
               for update) listed;
    if resources_found < cardinality(p_ids) or resources_untaggable > 0 then
        return;
    end if;

    -- A fresh snapshot, taken after the locks: the quota count and the values before see every committed tag.
    -- The named keys are a filter, not an index condition (see TagStore.NAMED_KEYS).
    with other_kind as (
        select exists (select 1 from tag t
                        where t.account_id = p_account and t.region_id = p_region and t.resource_type = p_type
                          and t.resource_id = any(p_ids)
                          and (t.tag_key = any(p_keys)) is true and t.private <> p_private) as carried),
    kept as (
        select coalesce(max(per_resource.kept), 0)::integer as most
          from (select count(*) as kept from tag t
                 where t.account_id = p_account and t.region_id = p_region and t.resource_type = p_type
                   and t.resource_id = any(p_ids)
                   and t.private = p_private and not (t.tag_key = any(p_keys)) is true
                 group by t.resource_id) per_resource),
    previous as (
        select t.resource_id, t.tag_key, t.tag_value from tag t
         where t.account_id = p_account and t.region_id = p_region and t.resource_type = p_type
           and t.resource_id = any(p_ids)
           and t.private = p_private and (t.tag_key = any(p_keys)) is true),
    written as (
        insert into tag (account_id, region_id, resource_type, resource_id, tag_key, tag_value, private)
        select p_account, p_region, p_type, listed.id, tags.tag_key, tags.tag_value, p_private
          from unnest(p_ids) as listed(id)
         cross join unnest(p_keys, p_values) as tags(tag_key, tag_value)
         where not (select carried from other_kind)
           and (select most from kept) + cardinality(p_keys) <= p_quota
        on conflict (account_id, region_id, resource_type, resource_id, tag_key)
        do update set tag_value = excluded.tag_value
        -- xmax is 0 on a row this statement inserted, set on one it replaced.
        returning tag.resource_id, tag.tag_key, tag.tag_value, tag.xmax = 0 as inserted),
    changed as (
        -- A key rewritten with the value it had changed nothing, and is not recorded.
        select written.resource_id, written.tag_key,
               case when not written.inserted then previous.tag_value end as value_before,
               written.tag_value as value_after
          from written left join previous
            on previous.resource_id = written.resource_id and previous.tag_key = written.tag_key
         where written.inserted or previous.tag_value is distinct from written.tag_value),
    history as (
        insert into tag_history (account_id, changed_at, region_id, resource_type, resource_id, tag_key,
                                 value_before, value_after, private, action, request_id, access_key_id)
        select p_account, clock_timestamp(), p_region, p_type, changed.resource_id, changed.tag_key,
               changed.value_before, changed.value_after, p_private, 'TagResources', p_request_id, p_access_key_id
          from changed)
    select other_kind.carried, kept.most
      into named_key_other_kind, most_kept
      from other_kind, kept;
end;
$$;
