-- Ceiling for DT: DescribeTags of the account's whole catalog in the region, one page of ${dt_page_size} pairs, as
-- one statement (one round trip, one transaction): record the nonce, walk the distinct (key, value) pairs on the
-- tag_catalog index (one descent per pair: a loose index scan), number them, and count the page's pairs by
-- resource type from the index. It is the statement TagCatalogStore (PAGE_OF_PAIRS with WHOLE_CATALOG) runs: no
-- less SQL gives the total and the page's counts. Transaction n of client c (i = c + nclients * n) reads page
-- i mod ${dt_pages}, as the service's DT requests read page 1 + n mod ${dt_pages}.
-- Variables: n (0), nclients, resources, run; the constants (placeholders) come from workload.sql_literals(), filled in by bench/run.
\set i :client_id + :nclients * :n
\set n :n + 1
\set offset (:i % ${dt_pages}) * ${dt_page_size}
with recursive nonce as (
    insert into signature_nonce (account_id, access_key_id, nonce, expires_at)
    values (${account}, ${key_id}, :run::text || '-' || :i::text, now() + interval '15 minutes')
    on conflict (account_id, access_key_id, nonce)
    do update set expires_at = excluded.expires_at
     where signature_nonce.expires_at < now()
    returning 1),
pairs (tag_key, tag_value) as (
    (select tag_key, tag_value collate "C" from tag
     where account_id = ${account} and region_id = ${region} and private = false
     order by tag_key, tag_value collate "C" limit 1)
    union all
    select following.tag_key, following.tag_value from pairs cross join lateral (
        select tag_key, tag_value collate "C" as tag_value from tag
        where account_id = ${account} and region_id = ${region} and private = false
          and (tag_key, tag_value collate "C") > (pairs.tag_key, pairs.tag_value)
        order by tag_key, tag_value collate "C" limit 1) following),
numbered as (
    select tag_key, tag_value, row_number() over (order by tag_key, tag_value) as n from pairs),
page as (
    select tag_key, tag_value from numbered where n > :offset order by n limit ${dt_page_size}),
counted as (
    select page.tag_key, page.tag_value, counts.resource_type, counts.resources from page
    cross join lateral (
        select resource_type, count(*) as resources from tag
        where account_id = ${account} and region_id = ${region} and private = false
          and tag_key = page.tag_key and tag_value collate "C" = page.tag_value
        group by resource_type) counts)
select exists (select 1 from nonce) as fresh, totals.total, counted.*
from (select count(*) as total from pairs) totals
left join counted on true
order by counted.tag_key, counted.tag_value, counted.resource_type;
