package org.claimdesk.search;

import java.util.List;
import java.util.Locale;

/**
 * One page of search results as {@link ClaimSearch#page} reads it, and the one place that says
 * how its rows are ordered and which page follows.
 *
 * @param rows up to {@code size + 1} rows: a row past the page size only says there is a next page
 * @param size rows shown per page, 1 or more
 * @param listing how the rows were chosen and ordered
 * @param broadMatches with {@link Listing#BROAD_WORDS}, about how many claims hold the words
 *     (more than {@code claimdesk.search.broad-matches}); 0 otherwise
 * @param older when a newest-first page read its whole window of claims
 *     ({@link ClaimSearch#NEWEST_FIRST_WINDOW}) without filling up, the cursor from which older
 *     claims are read; null otherwise
 */
public record SearchPage(List<SearchHit> rows, int size, Listing listing, long broadMatches, SearchCursor older) {

    /** How a search's rows are chosen and ordered, decided by {@link ClaimSearch#estimate}. */
    public enum Listing {
        /** No words: every claim the filters leave, newest first. */
        NO_WORDS,
        /** Matches ranked by relevance, best first. */
        RANKED,
        /** The words are held by too many claims to rank: matches newest first. */
        BROAD_WORDS,
        /**
         * The words only leave words out (such as {@code -rockets}, or {@code the -rockets}, whose
         * {@code the} is not indexed), so nearly every claim matches: newest first.
         */
        ONLY_EXCLUSIONS,
        /**
         * The words hold nothing PostgreSQL can search for in any of the desk's languages (only
         * very common words such as "the", which are not indexed, or punctuation; with or
         * without {@code -}): no claim can match, so no rows are read.
         */
        NOTHING_TO_SEARCH;

        /** True when words are listed newest first because nearly every or too many claims hold them. */
        public boolean wordsListedNewestFirst() {
            return this == BROAD_WORDS || this == ONLY_EXCLUSIONS;
        }
    }

    /** A page with no rows, for a search that could not run (a 400 page). */
    public static SearchPage none() {
        return new SearchPage(List.of(), 1, Listing.NO_WORDS, 0, null);
    }

    /** The rows shown: at most {@link #size}. */
    public List<SearchHit> hits() {
        return rows.size() > size ? rows.subList(0, size) : rows;
    }

    /** The cursor of the next page, or null on the last page. */
    public SearchCursor next() {
        return rows.size() > size ? rows.get(size - 1).cursor() : older;
    }

    /**
     * True when a newest-first page read as many claims as one page may without filling up:
     * {@link #next()} then leads on to older claims.
     */
    public boolean windowEnded() {
        return older != null;
    }

    /** True when words matched too many claims to rank, so the rows are newest first (the page says so). */
    public boolean newestFirst() {
        return listing.wordsListedNewestFirst();
    }

    /** True when the words only leave words out, so nearly every claim matches. */
    public boolean onlyExclusions() {
        return listing == Listing.ONLY_EXCLUSIONS;
    }

    /** True when the words hold nothing that can be searched for. */
    public boolean nothingToSearch() {
        return listing == Listing.NOTHING_TO_SEARCH;
    }

    /** {@link #broadMatches} with thousands separators, e.g. "26,301". */
    public String broadMatchesText() {
        return String.format(Locale.ENGLISH, "%,d", broadMatches);
    }
}
