-- Tamper evidence: a hash chain over history. Each committed revision gets one row in
-- audit_chain, appended in commit order, with
--
--     hash = lowercase hex SHA-256 of the UTF-8 bytes of (previous_hash || E'\n' || canonical)
--
-- where previous_hash is the hash of the row before (64 zeros for the first) and canonical is the
-- revision's canonical content (audit_revision_canonical below; docs/history.md). Changing,
-- removing or adding a history row afterwards changes a revision's canonical content, so its
-- recomputed hash no longer matches; org.claimdesk.audit.AuditChainVerifier recomputes the chain.
--
-- Envers writes the revision row and its _aud rows during the transaction, so the chain row is
-- made by a constraint trigger deferred to commit time, when every row of the revision is there.
-- An advisory lock serializes concurrent commits, so each row chains to the one committed before.
-- The chain is append-only like the rest of history.

create table audit_chain (
    revision_id    bigint primary key references audit_revision (id),
    position       bigint not null unique,        -- 1, 2, 3, … in commit order
    previous_hash  varchar(64) not null unique,   -- unique: two rows can never claim the same predecessor
    hash           varchar(64) not null unique,
    created_at     timestamptz not null
);

-- The canonical content of one revision: the line
--     audit_revision <row as JSON>
-- then, for every history table (<table>_aud, table names in byte order), one line per row of
-- that table with this revision_id,
--     <table name> <row as JSON>
-- rows ordered by their JSON text in byte order; lines joined by E'\n', no trailing newline.
-- <row as JSON> is jsonb_strip_nulls(to_jsonb(row))::text with TimeZone = UTC: PostgreSQL's
-- canonical jsonb text (keys sorted by length, then bytes), timestamps as ISO 8601 in UTC, and
-- null columns left out, so a nullable column added to a history table later does not change
-- the content of earlier revisions.
create function audit_revision_canonical(revision bigint) returns text
language plpgsql stable
set timezone = 'UTC'
as $$
declare
    content text;
    history_table text;
    lines text;
begin
    select 'audit_revision ' || jsonb_strip_nulls(to_jsonb(r))::text into content
    from audit_revision r where r.id = revision;
    if content is null then
        raise exception 'No audit_revision row with id %', revision;
    end if;
    for history_table in
        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'r' and n.nspname = current_schema() and c.relname like '%\_aud' escape '\'
        order by c.relname collate "C"
    loop
        execute format('select string_agg(%L || '' '' || x.line, E''\n'' order by x.line collate "C")'
                || ' from (select jsonb_strip_nulls(to_jsonb(t))::text as line from %I t where t.revision_id = $1) x',
                history_table, history_table)
            into lines using revision;
        if lines is not null then
            content := content || E'\n' || lines;
        end if;
    end loop;
    return content;
end $$;

-- Appends one revision to the chain. Holds a transaction-level advisory lock (key 7006001) so
-- that concurrent commits append one after the other; the unique constraints refuse a fork if
-- a caller ever ran without it (e.g. in a REPEATABLE READ snapshot that cannot see the last row).
create function audit_chain_append(revision bigint) returns void
language plpgsql
set timezone = 'UTC'
as $$
declare
    last_position bigint;
    last_hash text;
    previous text;
begin
    perform pg_advisory_xact_lock(7006001);
    select c.position, c.hash into last_position, last_hash from audit_chain c order by c.position desc limit 1;
    previous := coalesce(last_hash, repeat('0', 64));
    insert into audit_chain (revision_id, position, previous_hash, hash, created_at)
    values (revision, coalesce(last_position, 0) + 1, previous,
            encode(sha256(convert_to(previous || E'\n' || audit_revision_canonical(revision), 'UTF8')), 'hex'),
            clock_timestamp());
end $$;

create function audit_chain_on_commit() returns trigger
language plpgsql as $$
begin
    perform audit_chain_append(new.id);
    return null;
end $$;

create constraint trigger audit_revision_chain
    after insert on audit_revision
    deferrable initially deferred
    for each row execute function audit_chain_on_commit();
alter table audit_revision enable always trigger audit_revision_chain;

-- Chain the revisions recorded before this migration, oldest first.
do $$
declare
    revision bigint;
begin
    for revision in select r.id from audit_revision r order by r.id loop
        perform audit_chain_append(revision);
    end loop;
end $$;

select history_protect('audit_chain');
