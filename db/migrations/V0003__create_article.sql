-- A news item under check and its immutable text revisions (NFC, \n line ends, SHA-256 of the text).
create sequence article_seq start with 1 increment by 50;
create sequence article_revision_seq start with 1 increment by 50;

create table article (
    id                   bigint primary key,
    title                varchar(300) not null,
    outlet               varchar(200),
    url                  varchar(2000),
    byline               varchar(300),
    published_date       date,
    language             varchar(35) not null,
    status               varchar(20) not null,
    current_revision_id  bigint,
    created_by_id        bigint not null references account (id),
    created_at           timestamptz not null,
    version              bigint not null default 0
);
create index article_created_idx on article (created_at desc, id desc);
create index article_url_idx on article (url);
create index article_status_idx on article (status);

create table article_revision (
    id             bigint primary key,
    article_id     bigint not null references article (id),
    number         integer not null,
    text           text not null,
    sha256         varchar(64) not null,
    length         integer not null,          -- in Unicode code points
    import_kind    varchar(20) not null,      -- PASTE, UPLOAD, URL
    import_name    varchar(2000),             -- uploaded file name or fetched URL
    created_by_id  bigint not null references account (id),
    created_at     timestamptz not null,
    unique (article_id, number)
);
create index article_revision_sha_idx on article_revision (sha256);
alter table article add constraint article_current_revision_fk
    foreign key (current_revision_id) references article_revision (id);

-- History (Hibernate Envers). Revision rows are never updated or deleted.
create table article_aud (
    id                   bigint not null,
    revision_id          bigint not null references audit_revision (id),
    revision_type        smallint,
    title                varchar(300),
    outlet               varchar(200),
    url                  varchar(2000),
    byline               varchar(300),
    published_date       date,
    language             varchar(35),
    status               varchar(20),
    current_revision_id  bigint,
    created_by_id        bigint,
    created_at           timestamptz,
    primary key (id, revision_id)
);

create table article_revision_aud (
    id             bigint not null,
    revision_id    bigint not null references audit_revision (id),
    revision_type  smallint,
    article_id     bigint,
    number         integer,
    text           text,
    sha256         varchar(64),
    length         integer,
    import_kind    varchar(20),
    import_name    varchar(2000),
    created_by_id  bigint,
    created_at     timestamptz,
    primary key (id, revision_id)
);
