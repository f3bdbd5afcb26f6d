package org.claimdesk.search;

import java.util.List;

/**
 * One page of search results as {@link ClaimSearch#page} reads it.
 *
 * @param rows up to the page size plus one: a row past the page size only says there is a next page
 * @param broadMatches when the words are held by too many claims to rank
 *     ({@code claimdesk.search.broad-matches}), about how many claims hold them, and the rows are newest
 *     first; -1 when the rows are ranked (or listed newest first because there are no words)
 * @param older when a newest-first page read its whole window of claims
 *     ({@link ClaimSearch#NEWEST_FIRST_WINDOW}) without filling up, the cursor from which older
 *     claims are read; null otherwise
 */
public record SearchPage(List<SearchHit> rows, long broadMatches, SearchCursor older) {

    /** True when the words matched too many claims to rank, so the rows are newest first. */
    public boolean newestFirst() {
        return broadMatches >= 0;
    }
}
