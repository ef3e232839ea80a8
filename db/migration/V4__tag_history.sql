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
