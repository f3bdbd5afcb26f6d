-- A person who has signed in through OpenID Connect. Created on first sign-in; everything
-- a person does on the desk references this row, never the identity provider directly.
create sequence account_seq start with 1 increment by 50;

create table account (
    id            bigint primary key,
    subject       varchar(255) not null unique,  -- OIDC "sub" claim
    username      varchar(255) not null,          -- preferred_username, used for @mentions
    display_name  varchar(255) not null,
    email         varchar(320),
    created_at    timestamptz not null,
    version       bigint not null default 0
);
create index account_username_idx on account (lower(username));
