-- History is read by revision (the audit log, the hash chain) and by what a row belongs to (a
-- claim's timeline). Index every history table (<table>_aud) on its revision, and on each column
-- that links it to a claim, verdict, source or article, so those reads stay index lookups however
-- long history grows. Done for every _aud table present, so tables added by earlier migrations of
-- other features are covered too.
create index audit_revision_changed_idx on audit_revision (changed_at, id);

do $$
declare
    history_table text;
    link_column text;
begin
    for history_table in
        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'r' and n.nspname = current_schema() and c.relname like '%\_aud' escape '\'
        order by c.relname collate "C"
    loop
        execute format('create index if not exists %I on %I (revision_id)', history_table || '_revision_idx', history_table);
        for link_column in
            select a.attname from pg_attribute a
            where a.attrelid = history_table::regclass and a.attnum > 0 and not a.attisdropped
              and a.attname in ('claim_id', 'verdict_id', 'source_id', 'article_id')
        loop
            execute format('create index if not exists %I on %I (%I, revision_id)',
                    history_table || '_' || link_column || '_idx', history_table, link_column);
        end loop;
    end loop;
end $$;
