package org.claimdesk.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimdesk.web.FormValues;
import org.claimdesk.web.QueryParameters;

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

    /**
     * A list's paging parameters as sent.
     *
     * @param after the last id of the previous page, 0 for the first page
     * @param limit the page size asked for, within 1..{@link #MAX_LIMIT}: {@link #DEFAULT_LIMIT}
     *     when not given, a whole number outside the range is brought into it
     */
    public record Paging(long after, int limit) {
    }

    /**
     * Reads {@code after} and {@code limit}, and any other whole-number parameters the list takes.
     *
     * @param after the value as sent; null or blank for the first page
     * @param limit the value as sent; null or blank for {@link #DEFAULT_LIMIT}
     * @param problems where a refused value is recorded by parameter name (see {@link QueryParameters})
     * @return the paging; defaults for refused values
     */
    public static Paging paging(String after, String limit, Map<String, String> problems) {
        Long afterId = QueryParameters.wholeLong("after", after, 0, Long.MAX_VALUE, problems);
        String size = FormValues.trimmed(limit);
        int rows = DEFAULT_LIMIT;
        if (size != null) {
            try {
                rows = (int) Math.max(1, Math.min(MAX_LIMIT, Long.parseLong(size)));
            } catch (NumberFormatException e) {
                QueryParameters.refuse("limit", limit, "a whole number of rows per page (1 to " + MAX_LIMIT
                        + "; more are cut to " + MAX_LIMIT + ")", problems);
            }
        }
        return new Paging(afterId == null ? 0 : afterId, rows);
    }

    /**
     * Ends the request with a 400 problem naming each refused parameter when there are any.
     *
     * @param instance the path of the request, e.g. {@code /api/v1/claims}
     * @throws ProblemException when {@code problems} is not empty
     */
    public static void refuseIfAny(Map<String, String> problems, String instance) {
        if (!problems.isEmpty()) {
            throw new ProblemException(Problem.invalidParameters(new LinkedHashMap<>(problems), instance));
        }
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
