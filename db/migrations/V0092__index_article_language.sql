-- Full-text search parses the words in every language on the desk; it reads those languages from
-- this index with a few probes (a loose index scan) instead of scanning every article, a cost that
-- grew with the archive (issue 9 benchmark: the largest part of a rare-word search at 100,000 claims).
create index article_language_idx on article (language);
