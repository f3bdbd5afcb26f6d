-- "Checked before?" at archive scale (issue 9): how many claims hold each word of the claims'
-- search vectors, so that SimilarClaims can take its candidates from the words of a text that
-- are rare on the desk instead of from every word it shares with a claim.
--
-- Measured on 1,000,000 generated claims (docs/benchmarks.md): taking candidates from every
-- shared word, and from pg_trgm's % and <% over the GIN trigram indexes, touched tens of
-- thousands of rows per lookup (the trigram index cannot tell a short text's trigrams apart in a
-- long quote, and common words match a large share of the desk), so one lookup took seconds.
--
-- The counts change slowly, so a materialized view refreshed daily (search/SearchWordCounts) is
-- enough: a word missing from it (new since the last refresh) counts as rare, which is what it is.
create materialized view claim_word_count as
    select word as lexeme, ndoc as claims from ts_stat('select search_vector from claim');
create unique index claim_word_count_lexeme_idx on claim_word_count (lexeme);
