-- The Fortunes baseline's table (org.claimdesk.bench.Baselines), for the benchmark database only:
-- it lives in its own schema, outside Claimdesk's migrations. Safe to run again.
create schema if not exists bench;
create table if not exists bench.fortune (
    id      integer primary key,
    message varchar(2048) not null
);
insert into bench.fortune (id, message) values
    (1, 'A rumour travels half the newsroom before the source is on the phone.'),
    (2, 'Check the date twice: last year''s statistic is this year''s headline.'),
    (3, '<script>alert("a fortune must be escaped, never run");</script>'),
    (4, 'Numbers & names & dates: the three things a claim is made of.'),
    (5, 'The press release said "unprecedented". It was preceded.'),
    (6, 'A quote without a speaker is an opinion waiting for an owner.'),
    (7, 'Une vérification vaut mieux que deux démentis.'),
    (8, 'Verify, then publish; correct in public.'),
    (9, '確認してから書く。'),
    (10, 'Four eyes see what two eyes want to see.'),
    (11, 'The archive remembers what the website forgot.'),
    (12, 'If the chart has no axis, the chart has no point.')
on conflict (id) do nothing;
