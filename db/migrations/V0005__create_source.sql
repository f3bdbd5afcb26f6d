-- Evidence attached to a claim: a URL or a described document (phone call, printed report).
-- Never deleted: retraction is a state with a reason.
create sequence source_seq start with 1 increment by 50;

create table source (
    id                 bigint primary key,
    claim_id           bigint not null references claim (id),
    url                varchar(2000),
    description        text,
    title              varchar(500),
    publisher          varchar(300),
    kind               varchar(30) not null,
    stance             varchar(20) not null,
    excerpt            text,
    note               text,
    accessed_at        timestamptz not null,
    retracted_at       timestamptz,
    retracted_by_id    bigint references account (id),
    retraction_reason  text,
    created_by_id      bigint not null references account (id),
    created_at         timestamptz not null,
    version            bigint not null default 0,
    constraint source_url_or_description check (url is not null or description is not null)
);
create index source_claim_idx on source (claim_id, id);
create unique index source_claim_url_active_uq on source (claim_id, url) where url is not null and retracted_at is null;

create table source_aud (
    id                 bigint not null,
    revision_id        bigint not null references audit_revision (id),
    revision_type      smallint,
    claim_id           bigint,
    url                varchar(2000),
    description        text,
    title              varchar(500),
    publisher          varchar(300),
    kind               varchar(30),
    stance             varchar(20),
    excerpt            text,
    note               text,
    accessed_at        timestamptz,
    retracted_at       timestamptz,
    retracted_by_id    bigint,
    retraction_reason  text,
    created_by_id      bigint,
    created_at         timestamptz,
    primary key (id, revision_id)
);
