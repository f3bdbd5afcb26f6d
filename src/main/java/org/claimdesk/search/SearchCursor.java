package org.claimdesk.search;

import java.math.BigDecimal;

/**
 * Where the next page of search results starts (keyset pagination): after the row with this rank
 * and claim id, in the order rank descending, id descending. Written in links as
 * {@code rank_id}, e.g. {@code 0.607927_51}; a search without words has rank 0.
 *
 * @param rank the last shown row's rank, rounded to 6 decimals as the query rounds it
 * @param id the last shown row's claim id
 */
public record SearchCursor(BigDecimal rank, long id) {

    /** What a cursor in a link must be, in words for a 400 page: it completes "after must be …". */
    public static final String EXPECTED = "the position from a \"Next page\" link: a rank from 0 with at most 6 decimals,"
            + " _ and a claim number, such as 0.607927_51";

    /**
     * Reads a cursor from a link.
     *
     * @return the cursor, or null when the value is blank or not a cursor
     */
    public static SearchCursor parse(String value) {
        if (value == null || value.isBlank() || value.length() > 60) {
            return null;
        }
        int separator = value.lastIndexOf('_');
        try {
            BigDecimal rank = new BigDecimal(value.substring(0, Math.max(separator, 0)));
            long id = Long.parseLong(value.substring(separator + 1));
            return rank.signum() < 0 || rank.scale() > 6 || rank.precision() > 20 ? null : new SearchCursor(rank, id);
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            return null;
        }
    }

    /** The cursor as written in links. */
    @Override
    public String toString() {
        return rank.toPlainString() + "_" + id;
    }
}
