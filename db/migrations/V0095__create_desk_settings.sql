-- The desk's settings, edited by admins on the admin page: one row (id 1). A null column means
-- "not set on the admin page yet": the value then comes from configuration (claimdesk.publisher.*),
-- so an installation configured through the environment keeps working until an admin overrides it.
-- Edits are optimistic (version) and audited like every other person-edited table.
create table desk_settings (
    id                       bigint primary key check (id = 1),
    publisher_name           varchar(200),
    publisher_url            varchar(2000),
    claimreview_url_pattern  varchar(2000),
    updated_at               timestamptz,
    updated_by_id            bigint references account (id),
    version                  bigint not null default 0
);
insert into desk_settings (id) values (1);

create table desk_settings_aud (
    id                       bigint not null,
    revision_id              bigint not null references audit_revision (id),
    revision_type            smallint,
    publisher_name           varchar(200),
    publisher_url            varchar(2000),
    claimreview_url_pattern  varchar(2000),
    updated_at               timestamptz,
    updated_by_id            bigint,
    primary key (id, revision_id)
);
create index desk_settings_aud_revision_idx on desk_settings_aud (revision_id);

select history_protect('desk_settings_aud');
select history_keep_rows('desk_settings');
