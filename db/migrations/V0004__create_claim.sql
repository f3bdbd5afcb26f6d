-- A checkable statement from an article, anchored to its exact words in one article revision
-- (W3C Web Annotation TextQuoteSelector + TextPositionSelector, offsets in Unicode code points).
create sequence claim_seq start with 1 increment by 50;

create table claim (
    id                bigint primary key,
    article_id        bigint not null references article (id),
    article_revision_id bigint not null references article_revision (id),
    anchor_exact      text not null,
    anchor_prefix     varchar(200) not null,
    anchor_suffix     varchar(200) not null,
    anchor_start      integer not null,
    anchor_end        integer not null,
    anchor_state      varchar(20) not null,
    claim_reviewed    varchar(500) not null,
    claimant_name     varchar(300),
    claimant_same_as  varchar(2000),
    claim_date        date,
    appearance_url    varchar(2000),
    tags              varchar(1000),
    priority          varchar(10) not null,
    due_date          date,
    status            varchar(30) not null,
    assignee_id       bigint references account (id),
    created_by_id     bigint not null references account (id),
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint not null default 0,
    constraint claim_anchor_range check (anchor_start >= 0 and anchor_start < anchor_end)
);
create index claim_article_idx on claim (article_id, anchor_start, id);
create index claim_status_idx on claim (status);
create index claim_assignee_idx on claim (assignee_id, status);

create table claim_aud (
    id                bigint not null,
    revision_id       bigint not null references audit_revision (id),
    revision_type     smallint,
    article_id        bigint,
    article_revision_id bigint,
    anchor_exact      text,
    anchor_prefix     varchar(200),
    anchor_suffix     varchar(200),
    anchor_start      integer,
    anchor_end        integer,
    anchor_state      varchar(20),
    claim_reviewed    varchar(500),
    claimant_name     varchar(300),
    claimant_same_as  varchar(2000),
    claim_date        date,
    appearance_url    varchar(2000),
    tags              varchar(1000),
    priority          varchar(10),
    due_date          date,
    status            varchar(30),
    assignee_id       bigint,
    created_by_id     bigint,
    created_at        timestamptz,
    updated_at        timestamptz,
    primary key (id, revision_id)
);
