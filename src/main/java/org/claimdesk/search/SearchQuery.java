package org.claimdesk.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.claimdesk.claim.ClaimStatus;
import org.claimdesk.web.FormValues;
import org.claimdesk.web.QueryParameters;

/**
 * What a person searches for: words in PostgreSQL's web search syntax ({@code "exact phrase"},
 * {@code -word}, {@code or}) and filters. Every part is optional; an empty query lists every claim,
 * newest first.
 *
 * @param text the words as typed (control characters removed), or null
 * @param status only claims in this workflow status, or null
 * @param rating only claims whose current verdict has this rating label (schema.org
 *     {@code alternateName}, any scale version, ignoring case), or null
 * @param claimant words in the claimant's name (case-insensitive substring), or null
 * @param tag only claims with this tag (lowercase), or null
 * @param assigneeId only claims assigned to this account, or null
 * @param from only claims whose claim date is on or after this day, or null
 * @param to only claims whose claim date is on or before this day, or null
 * @param articleId only claims of this article, or null
 */
public record SearchQuery(String text, ClaimStatus status, String rating, String claimant, String tag,
        Long assigneeId, LocalDate from, LocalDate to, Long articleId) {

    /** Longest accepted search text, in characters. */
    public static final int MAX_TEXT = 500;

    /** Longest accepted filter value (rating, claimant, tag), in characters. */
    public static final int MAX_FILTER = 300;

    /** The query that lists everything. */
    public static SearchQuery everything() {
        return new SearchQuery(null, null, null, null, null, null, null, null, null);
    }

    /**
     * A query parsed from request parameters as typed.
     *
     * @param query the checked query; fields with a problem are left out (null)
     * @param problems a message per parameter name that could not be used; empty when all is well
     */
    public record Parsed(SearchQuery query, Map<String, String> problems) {
    }

    /**
     * Parses request parameters; never throws. Blank values mean "no filter".
     *
     * @return the query and, for each unusable parameter, a message that says what is expected
     */
    public static Parsed parse(String q, String status, String rating, String claimant, String tag, String assignee,
            String from, String to, String article) {
        Map<String, String> problems = new LinkedHashMap<>();
        String text = cleaned(q);
        if (text != null && text.length() > MAX_TEXT) {
            problems.put("q", "The search is longer than " + MAX_TEXT + " characters; use fewer words.");
            text = null;
        }
        ClaimStatus claimStatus = QueryParameters.choice("status", status, ClaimStatus.class, problems);
        LocalDate fromDate = date(from, "from", problems);
        LocalDate toDate = date(to, "to", problems);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            problems.put("to", "The end date is before the start date.");
            toDate = null;
        }
        SearchQuery query = new SearchQuery(text, claimStatus, filter(rating, "rating", problems),
                filter(claimant, "claimant", problems), lower(filter(tag, "tag", problems)),
                id(assignee, "assignee", problems), fromDate, toDate, id(article, "article", problems));
        return new Parsed(query, problems);
    }

    /** True when there are words to search for. */
    public boolean hasText() {
        return text != null;
    }

    /** True when nothing narrows the list (no words, no filter). */
    public boolean isEverything() {
        return equals(everything());
    }

    /**
     * The query as URL query parameters (without {@code ?}), for links to the next page and the CSV
     * export; empty when the query is {@link #everything()}.
     */
    public String toQueryString() {
        StringJoiner joiner = new StringJoiner("&");
        add(joiner, "q", text);
        add(joiner, "status", status == null ? null : status.name());
        add(joiner, "rating", rating);
        add(joiner, "claimant", claimant);
        add(joiner, "tag", tag);
        add(joiner, "assignee", assigneeId == null ? null : assigneeId.toString());
        add(joiner, "from", from == null ? null : from.toString());
        add(joiner, "to", to == null ? null : to.toString());
        add(joiner, "article", articleId == null ? null : articleId.toString());
        return joiner.toString();
    }

    private static void add(StringJoiner joiner, String name, String value) {
        if (value != null) {
            joiner.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    /** The value without control characters (NUL cannot reach PostgreSQL) and surrounding space. */
    static String cleaned(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(Math.min(value.length(), MAX_TEXT * 4));
        value.codePoints().forEach(cp -> kept.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        return FormValues.trimmed(kept.toString());
    }

    private static String filter(String value, String name, Map<String, String> problems) {
        String cleaned = cleaned(value);
        if (cleaned != null && cleaned.length() > MAX_FILTER) {
            problems.put(name, "This filter is longer than " + MAX_FILTER + " characters.");
            return null;
        }
        return cleaned;
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static Long id(String value, String name, Map<String, String> problems) {
        return QueryParameters.wholeLong(name, value, 1, Long.MAX_VALUE, problems);
    }

    private static LocalDate date(String value, String name, Map<String, String> problems) {
        try {
            return FormValues.isoDate(value);
        } catch (DateTimeParseException e) {
            problems.put(name, name + " must be a date such as 2024-11-22 (year-month-day).");
            return null;
        }
    }
}
