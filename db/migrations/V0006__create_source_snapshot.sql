-- What a source's URL answered when the server fetched it, against link rot: one row per fetch,
-- never deleted ("fetch again" and the scheduled link check add rows). PENDING while the
-- background fetch runs, then OK or FAILED with a short failure text ("timed out", "404",
-- "refused: private address", "too large"). change compares with the source's previous OK
-- snapshot: UNCHANGED, CHANGED (content differs) or GONE (4xx/5xx, timed out, unreachable).
create sequence source_snapshot_seq start with 1 increment by 50;

create table source_snapshot (
    id                   bigint primary key,
    source_id            bigint not null references source (id),
    cause                varchar(20) not null,      -- ADDED, FETCH_AGAIN, LINK_CHECK
    requested_at         timestamptz not null,
    requested_by_id      bigint references account (id),  -- null for the scheduled link check
    url                  varchar(2000) not null,    -- the URL asked for
    state                varchar(10) not null,
    failure              varchar(200),
    final_url            text,                      -- after redirects
    http_status          integer,
    content_type         varchar(255),
    fetched_at           timestamptz,               -- when the answer arrived (UTC)
    sha256               varchar(64),               -- lowercase hex SHA-256 of the body bytes
    size_bytes           bigint,
    text                 text,                      -- main text of an HTML (or plain text) body
    suggested_title      varchar(500),
    suggested_publisher  varchar(300),
    change               varchar(10),
    version              bigint not null default 0,
    constraint source_snapshot_state check (state in ('PENDING', 'OK', 'FAILED')),
    constraint source_snapshot_failure check ((state = 'FAILED') = (failure is not null))
);
create index source_snapshot_source_idx on source_snapshot (source_id, requested_at desc, id desc);
create index source_snapshot_flagged_idx on source_snapshot (fetched_at desc) where change in ('CHANGED', 'GONE');
create index source_snapshot_pending_idx on source_snapshot (requested_at) where state = 'PENDING';

create table source_snapshot_aud (
    id                   bigint not null,
    revision_id          bigint not null references audit_revision (id),
    revision_type        smallint,
    source_id            bigint,
    cause                varchar(20),
    requested_at         timestamptz,
    requested_by_id      bigint,
    url                  varchar(2000),
    state                varchar(10),
    failure              varchar(200),
    final_url            text,
    http_status          integer,
    content_type         varchar(255),
    fetched_at           timestamptz,
    sha256               varchar(64),
    size_bytes           bigint,
    text                 text,
    suggested_title      varchar(500),
    suggested_publisher  varchar(300),
    change               varchar(10),
    primary key (id, revision_id)
);
