-- Nobody rewrites history: triggers refuse UPDATE, DELETE and TRUNCATE on the revision table and
-- on every history table (<table>_aud), for every role, the application's own database user and
-- superusers included. ENABLE ALWAYS keeps them firing under session_replication_role = replica.
-- (A superuser or the tables' owner can still ALTER TABLE ... DISABLE TRIGGER; the hash chain of
-- V0033 detects what is changed that way. See docs/history.md.)
--
-- And nothing is physically deleted: every table that has a history table refuses DELETE and
-- TRUNCATE too. Removal is a state change (retracted, dismissed, superseded), so history is whole.
--
-- A migration that adds an audited entity calls, after creating its tables:
--     select history_protect('<table>_aud');  select history_keep_rows('<table>');

create function history_refuse_change() returns trigger
language plpgsql as $$
begin
    raise exception 'Claimdesk history is append-only: % on % is refused', tg_op, tg_table_name
        using hint = 'History rows are evidence and are never changed; record a new revision instead.';
end $$;

create function history_refuse_delete() returns trigger
language plpgsql as $$
begin
    raise exception 'Claimdesk keeps every row of %: % is refused', tg_table_name, tg_op
        using hint = 'Retract, dismiss or supersede instead, so history stays complete.';
end $$;

-- Makes a table append-only: UPDATE, DELETE and TRUNCATE raise an error for every role.
create function history_protect(history_table text) returns void
language plpgsql as $$
begin
    execute format('create trigger %I before update or delete on %I for each row execute function history_refuse_change()',
            history_table || '_append_only', history_table);
    execute format('create trigger %I before truncate on %I for each statement execute function history_refuse_change()',
            history_table || '_no_truncate', history_table);
    execute format('alter table %I enable always trigger %I', history_table, history_table || '_append_only');
    execute format('alter table %I enable always trigger %I', history_table, history_table || '_no_truncate');
end $$;

-- Makes rows of an audited table undeletable (they may still be updated, which history records).
create function history_keep_rows(audited_table text) returns void
language plpgsql as $$
begin
    execute format('create trigger %I before delete on %I for each row execute function history_refuse_delete()',
            audited_table || '_keep_rows', audited_table);
    execute format('create trigger %I before truncate on %I for each statement execute function history_refuse_delete()',
            audited_table || '_no_truncate', audited_table);
    execute format('alter table %I enable always trigger %I', audited_table, audited_table || '_keep_rows');
    execute format('alter table %I enable always trigger %I', audited_table, audited_table || '_no_truncate');
end $$;

select history_protect('audit_revision');

do $$
declare
    history_table text;
begin
    for history_table in
        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'r' and n.nspname = current_schema() and c.relname like '%\_aud' escape '\'
        order by c.relname collate "C"
    loop
        perform history_protect(history_table);
        if to_regclass(left(history_table, -4)) is not null then
            perform history_keep_rows(left(history_table, -4));
        end if;
    end loop;
end $$;
