-- Every table that holds an account's data carries account_id first in its primary key, so the tables can be
-- distributed by account (Citus) without rewriting a query.

create table access_key (
    access_key_id varchar(64)  primary key,
    account_id    varchar(20)  not null,
    -- AES-GCM under TAGS_MASTER_KEY: 12-byte IV followed by the ciphertext and its tag.
    secret_cipher bytea        not null,
    service       boolean      not null default false,
    status        varchar(8)   not null default 'Active' check (status in ('Active', 'Inactive')),
    created_at    timestamptz  not null default now()
);
create index access_key_account on access_key (account_id);

-- A nonce may be used once per AccessKey while its request's timestamp is inside the 15-minute window.
create table signature_nonce (
    account_id    varchar(20)  not null,
    access_key_id varchar(64)  not null,
    nonce         text         not null,
    expires_at    timestamptz  not null,
    primary key (account_id, access_key_id, nonce)
);
create index signature_nonce_expiry on signature_nonce (expires_at);

create table resource (
    account_id    varchar(20)  not null,
    region_id     varchar(64)  not null,
    resource_type varchar(32)  not null,
    resource_id   varchar(256) collate "C" not null,
    taggable      boolean      not null default true,
    primary key (account_id, region_id, resource_type, resource_id)
);
-- The admin API addresses a resource by region, type and id alone.
create index resource_identity on resource (region_id, resource_type, resource_id);

-- Ids and keys compare byte-wise ("C"): ListTagResources pages by (resource_id, tag_key) the same way on every
-- deployment, whatever the database's locale.
create table tag (
    account_id    varchar(20)  not null,
    region_id     varchar(64)  not null,
    resource_type varchar(32)  not null,
    resource_id   varchar(256) collate "C" not null,
    tag_key       varchar(128) collate "C" not null,
    tag_value     varchar(128) not null,
    -- System tags written by service keys with Scope=private; invisible to normal keys.
    private       boolean      not null default false,
    -- One tag per key and resource, public or private.
    primary key (account_id, region_id, resource_type, resource_id, tag_key),
    foreign key (account_id, region_id, resource_type, resource_id) references resource on delete cascade
);
create index tag_by_key_value on tag (account_id, region_id, resource_type, tag_key, tag_value);
