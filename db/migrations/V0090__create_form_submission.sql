-- Create forms carry an idempotency key (a hidden field, see web/FormSubmissions). The first
-- submission of a key stores where its result is; submitting the same form again (a double click,
-- a resend after a timeout) is sent to that result instead of creating a second record.
create table form_submission (
    idempotency_key  uuid primary key,
    account_id       bigint not null references account (id),
    result_uri       varchar(2000),
    message          varchar(1000),
    created_at       timestamptz not null
);
create index form_submission_created_idx on form_submission (created_at);
