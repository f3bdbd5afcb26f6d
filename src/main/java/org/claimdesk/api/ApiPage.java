package org.claimdesk.api;

import java.util.List;

/**
 * One page of a list in the JSON API, oldest first (by id).
 *
 * @param items the rows of this page
 * @param next the URL path of the next page, or null on the last page
 */
public record ApiPage<T>(List<T> items, String next) {

    /** Most rows a page holds. */
    public static final int MAX_LIMIT = 100;

    /** Rows per page when the request does not say. */
    public static final int DEFAULT_LIMIT = 50;

    /** The page size asked for, within 1..{@link #MAX_LIMIT}. */
    public static int limit(Integer asked) {
        return asked == null ? DEFAULT_LIMIT : Math.max(1, Math.min(MAX_LIMIT, asked));
    }

    /**
     * The page from rows fetched with one row more than {@code limit}.
     *
     * @param nextPath the path of the next page without its {@code after} parameter, ending in {@code ?} or {@code &}
     */
    public static <E, T> ApiPage<T> of(List<E> rows, int limit, java.util.function.Function<E, T> json,
            java.util.function.Function<E, Long> id, String nextPath) {
        List<E> shown = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next = rows.size() > limit ? nextPath + "after=" + id.apply(shown.get(limit - 1)) + "&limit=" + limit : null;
        return new ApiPage<>(shown.stream().map(json).toList(), next);
    }
}
