-- Rating scales (versioned), verdicts (revisions, never overwritten), sign-offs, claim dismissal,
-- and comments with @mentions.

create sequence rating_scale_seq start with 1 increment by 50;
create sequence rating_level_seq start with 1 increment by 50;
create sequence verdict_seq start with 1 increment by 50;
create sequence sign_off_seq start with 1 increment by 50;
create sequence comment_seq start with 1 increment by 50;

-- Each edit of the scale is a new version; levels of old versions stay as they were.
create table rating_scale (
    id             bigint primary key,
    number         integer not null unique,
    created_at     timestamptz not null,
    created_by_id  bigint references account (id)
);

create table rating_level (
    id            bigint primary key,
    scale_id      bigint not null references rating_scale (id),
    position      integer not null,
    rating_value  integer,               -- 1 = worst; null for outcomes outside the scale
    label         varchar(100) not null,  -- schema.org alternateName
    description   varchar(1000),
    colour        varchar(7) not null,
    unique (scale_id, position)
);

insert into rating_scale (id, number, created_at) values (1, 1, now());
insert into rating_level (id, scale_id, position, rating_value, label, description, colour) values
    (1, 1, 1, 1, 'False', 'The claim is inaccurate.', '#b3261e'),
    (2, 1, 2, 2, 'Mostly false', 'The claim has an element of truth but ignores facts that would give a different impression.', '#d9622b'),
    (3, 1, 3, 3, 'Mixed', 'The claim is partially accurate but leaves out important details or takes things out of context.', '#c99a06'),
    (4, 1, 4, 4, 'Mostly true', 'The claim is accurate but needs clarification or additional information.', '#5f8f2f'),
    (5, 1, 5, 5, 'True', 'The claim is accurate and nothing significant is missing.', '#1b6e3a'),
    (6, 1, 6, null, 'Misleading', 'The claim uses accurate facts in a way that gives a false impression.', '#7a4fa3'),
    (7, 1, 7, null, 'Unverifiable', 'The claim cannot be proved or disproved with the evidence available.', '#5b6572');
select setval('rating_scale_seq', 51);
select setval('rating_level_seq', 51);

create table verdict (
    id                  bigint primary key,
    claim_id            bigint not null references claim (id),
    number              integer not null,
    rating_level_id     bigint not null references rating_level (id),
    rating_explanation  text not null,
    claim_reviewed      varchar(500) not null,
    correction_note     text,
    state               varchar(20) not null,
    author_id           bigint not null references account (id),
    created_at          timestamptz not null,
    send_back_reason    text,
    sent_back_by_id     bigint references account (id),
    sent_back_at        timestamptz,
    version             bigint not null default 0,
    unique (claim_id, number)
);
create index verdict_state_idx on verdict (state, claim_id);
create index verdict_author_idx on verdict (author_id, state);

-- An editor's approval of one exact verdict revision; at most one per verdict.
create table sign_off (
    id             bigint primary key,
    verdict_id     bigint not null unique references verdict (id),
    editor_id      bigint not null references account (id),
    signed_at      timestamptz not null,
    claim_version  bigint not null,
    source_set     text not null
);

alter table claim add column dismissal_reason varchar(20);
alter table claim add column dismissal_note text;
alter table claim add column duplicate_of_id bigint references claim (id);
alter table claim_aud add column dismissal_reason varchar(20);
alter table claim_aud add column dismissal_note text;
alter table claim_aud add column duplicate_of_id bigint;

create table comment (
    id          bigint primary key,
    claim_id    bigint not null references claim (id),
    author_id   bigint not null references account (id),
    body        text not null,
    created_at  timestamptz not null
);
create index comment_claim_idx on comment (claim_id, id);

create table comment_mention (
    comment_id  bigint not null references comment (id),
    account_id  bigint not null references account (id),
    primary key (comment_id, account_id)
);
create index comment_mention_account_idx on comment_mention (account_id);

-- History tables.
create table rating_scale_aud (
    id bigint not null, revision_id bigint not null references audit_revision (id), revision_type smallint,
    number integer, created_at timestamptz, created_by_id bigint,
    primary key (id, revision_id)
);
create table rating_level_aud (
    id bigint not null, revision_id bigint not null references audit_revision (id), revision_type smallint,
    scale_id bigint, position integer, rating_value integer, label varchar(100), description varchar(1000), colour varchar(7),
    primary key (id, revision_id)
);
create table verdict_aud (
    id bigint not null, revision_id bigint not null references audit_revision (id), revision_type smallint,
    claim_id bigint, number integer, rating_level_id bigint, rating_explanation text, claim_reviewed varchar(500),
    correction_note text, state varchar(20), author_id bigint, created_at timestamptz, send_back_reason text,
    sent_back_by_id bigint, sent_back_at timestamptz,
    primary key (id, revision_id)
);
create table sign_off_aud (
    id bigint not null, revision_id bigint not null references audit_revision (id), revision_type smallint,
    verdict_id bigint, editor_id bigint, signed_at timestamptz, claim_version bigint, source_set text,
    primary key (id, revision_id)
);
create table comment_aud (
    id bigint not null, revision_id bigint not null references audit_revision (id), revision_type smallint,
    claim_id bigint, author_id bigint, body text, created_at timestamptz,
    primary key (id, revision_id)
);
