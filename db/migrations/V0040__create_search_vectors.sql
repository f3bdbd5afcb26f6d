-- Full-text and similarity search: a tsvector per row of claim, verdict, article and source, in the
-- text search configuration of the article's language ('simple' where PostgreSQL has none), with
-- GIN indexes; trigram indexes (pg_trgm) on a claim's claimReviewed and quote for "checked before?".

create extension if not exists pg_trgm;

-- The text search configuration for a BCP 47 language tag ("en", "fr-CA", "pt-BR"): the stemmer
-- PostgreSQL ships for the language, or 'simple' (lowercase words, no stemming, no stop words).
-- The body is parsed when the function is created, so the configurations are fixed and the
-- function is immutable: generated columns may call it.
create function text_search_config(language varchar) returns regconfig
    language sql immutable parallel safe
return case lower(split_part(coalesce(language, ''), '-', 1))
    when 'ar' then 'arabic'::regconfig
    when 'hy' then 'armenian'::regconfig
    when 'eu' then 'basque'::regconfig
    when 'ca' then 'catalan'::regconfig
    when 'da' then 'danish'::regconfig
    when 'nl' then 'dutch'::regconfig
    when 'en' then 'english'::regconfig
    when 'fi' then 'finnish'::regconfig
    when 'fr' then 'french'::regconfig
    when 'de' then 'german'::regconfig
    when 'el' then 'greek'::regconfig
    when 'hi' then 'hindi'::regconfig
    when 'hu' then 'hungarian'::regconfig
    when 'id' then 'indonesian'::regconfig
    when 'ga' then 'irish'::regconfig
    when 'it' then 'italian'::regconfig
    when 'lt' then 'lithuanian'::regconfig
    when 'ne' then 'nepali'::regconfig
    when 'no' then 'norwegian'::regconfig
    when 'nb' then 'norwegian'::regconfig
    when 'nn' then 'norwegian'::regconfig
    when 'pt' then 'portuguese'::regconfig
    when 'ro' then 'romanian'::regconfig
    when 'ru' then 'russian'::regconfig
    when 'sr' then 'serbian'::regconfig
    when 'es' then 'spanish'::regconfig
    when 'sv' then 'swedish'::regconfig
    when 'ta' then 'tamil'::regconfig
    when 'tr' then 'turkish'::regconfig
    when 'yi' then 'yiddish'::regconfig
    else 'simple'::regconfig
end;

-- OR of text search queries, as an aggregate: a search matches rows of every language on the desk.
create aggregate tsquery_or_agg(tsquery) (sfunc = tsquery_or, stype = tsquery);

-- Articles: the title, in the article's own language.
alter table article add column search_vector tsvector generated always as
    (setweight(to_tsvector(text_search_config(language), title), 'D')) stored;
create index article_search_idx on article using gin (search_vector);

-- Claims, verdicts and sources carry their article's language tag (search_language), copied by
-- triggers because a generated column cannot read another table. Hibernate never writes it.
alter table claim add column search_language varchar(35) not null default 'simple';
alter table verdict add column search_language varchar(35) not null default 'simple';
alter table source add column search_language varchar(35) not null default 'simple';

create function claim_search_language() returns trigger language plpgsql as $$
begin
    select a.language into new.search_language from article a where a.id = new.article_id;
    return new;
end $$;
create trigger claim_search_language before insert or update of article_id on claim
    for each row execute function claim_search_language();

-- Verdicts and sources: the language of their claim.
create function claim_child_search_language() returns trigger language plpgsql as $$
begin
    select c.search_language into new.search_language from claim c where c.id = new.claim_id;
    return new;
end $$;
create trigger verdict_search_language before insert or update of claim_id on verdict
    for each row execute function claim_child_search_language();
create trigger source_search_language before insert or update of claim_id on source
    for each row execute function claim_child_search_language();

-- An article whose language is corrected takes its claims, verdicts and sources along.
create function article_language_changed() returns trigger language plpgsql as $$
begin
    update claim set search_language = new.language where article_id = new.id;
    update verdict v set search_language = new.language from claim c where v.claim_id = c.id and c.article_id = new.id;
    update source s set search_language = new.language from claim c where s.claim_id = c.id and c.article_id = new.id;
    return null;
end $$;
create trigger article_language_changed after update of language on article
    for each row when (old.language is distinct from new.language) execute function article_language_changed();

-- Existing rows (the triggers cover new ones).
update claim c set search_language = a.language from article a where a.id = c.article_id;
update verdict v set search_language = c.search_language from claim c where c.id = v.claim_id;
update source s set search_language = c.search_language from claim c where c.id = s.claim_id;

-- Claims: claimReviewed (weight A) and the quoted words (B).
alter table claim add column search_vector tsvector generated always as
    (setweight(to_tsvector(text_search_config(search_language), claim_reviewed), 'A')
     || setweight(to_tsvector(text_search_config(search_language), anchor_exact), 'B')) stored;
create index claim_search_idx on claim using gin (search_vector);
create index claim_reviewed_trgm_idx on claim using gin (claim_reviewed gin_trgm_ops);
create index claim_anchor_exact_trgm_idx on claim using gin (anchor_exact gin_trgm_ops);

-- Verdicts: the rating explanation and a correction note (C).
alter table verdict add column search_vector tsvector generated always as
    (setweight(to_tsvector(text_search_config(search_language),
        rating_explanation || ' ' || coalesce(correction_note, '')), 'C')) stored;
create index verdict_search_idx on verdict using gin (search_vector);

-- Sources: the title and publisher (C).
alter table source add column search_vector tsvector generated always as
    (setweight(to_tsvector(text_search_config(search_language),
        coalesce(title, '') || ' ' || coalesce(publisher, '')), 'C')) stored;
create index source_search_idx on source using gin (search_vector);
