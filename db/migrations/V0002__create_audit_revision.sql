-- One row per audited change (Hibernate Envers revision entity): who, when (UTC), which request,
-- and the reason where the action has one. History tables (<table>_aud) reference it.
create sequence audit_revision_seq start with 1 increment by 50;

create table audit_revision (
    id          bigint primary key,
    changed_at  timestamptz not null,
    account_id  bigint references account (id),
    request_id  varchar(64),
    reason      text
);
create index audit_revision_account_idx on audit_revision (account_id, changed_at);
