-- TagResources in one round trip: record the request's nonce, lock the listed resources, then write within the quota.
-- A volatile PL/pgSQL function runs each statement with a fresh snapshot under READ COMMITTED, so the write below
-- sees every tag committed on the resources before it got their locks: the quota stays exact under concurrency, as
-- with two statements in one transaction, without the second and third round trips (statement and COMMIT).
-- It changes nothing but the nonce unless the nonce was new and every check passed; the caller reads why from the
-- outputs (null where a check did not run).
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
    written as (
        insert into tag (account_id, region_id, resource_type, resource_id, tag_key, tag_value, private)
        select p_account, p_region, p_type, listed.id, tags.tag_key, tags.tag_value, p_private
          from unnest(p_ids) as listed(id)
         cross join unnest(p_keys, p_values) as tags(tag_key, tag_value)
         where not (select carried from other_kind)
           and (select most from kept) + cardinality(p_keys) <= p_quota
        on conflict (account_id, region_id, resource_type, resource_id, tag_key)
        do update set tag_value = excluded.tag_value
        returning 1)
    select other_kind.carried, kept.most
      into named_key_other_kind, most_kept
      from other_kind, kept;
end;
$$;
