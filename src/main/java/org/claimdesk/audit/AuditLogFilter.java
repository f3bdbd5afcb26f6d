package org.claimdesk.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the audit log is narrowed to: a person, a range of UTC days, a kind of object, an article.
 * Every part is optional; a revision matches when it matches every part given.
 *
 * @param person an account id, {@link #SYSTEM} for changes made without an account, or null for everyone
 * @param from the first UTC day (inclusive), or null
 * @param to the last UTC day (inclusive), or null
 * @param kind a kind's name (see {@link HistoryTables.Kind#name()}): the revision changed an object of that kind; or null
 * @param article an article id: the revision changed the article, its text, or a claim of it and what is
 *        attached to that claim; or null
 */
public record AuditLogFilter(String person, LocalDate from, LocalDate to, String kind, Long article) {

    /** The person filter value for changes made by the system (no account). */
    public static final String SYSTEM = "system";

    /** No filter: every revision. */
    public static final AuditLogFilter NONE = new AuditLogFilter(null, null, null, null, null);

    /**
     * Reads the filter from query parameters as the form sends them (blank means "any").
     *
     * @param kinds the kind names that exist
     * @throws IllegalArgumentException with a message for people when a value is not understood
     */
    public static AuditLogFilter parse(String person, String from, String to, String kind, String article, Set<String> kinds) {
        String who = blankToNull(person);
        if (who != null && !who.equals(SYSTEM) && !who.matches("\\d{1,18}")) {
            throw new IllegalArgumentException("Choose a person from the list: person must be an account number or "
                    + "\"system\" (the link has \"" + shortened(who) + "\").");
        }
        LocalDate first = day(from, "From");
        LocalDate last = day(to, "To");
        if (first != null && last != null && last.isBefore(first)) {
            throw new IllegalArgumentException("The \"To\" day must not be before the \"From\" day.");
        }
        String what = blankToNull(kind);
        if (what != null && !kinds.contains(what)) {
            throw new IllegalArgumentException("Choose a kind of object from the list: kind must be one of "
                    + String.join(", ", new java.util.TreeSet<>(kinds)) + " (the link has \"" + shortened(what) + "\").");
        }
        String articleId = blankToNull(article);
        if (articleId != null && !articleId.matches("\\d{1,18}")) {
            throw new IllegalArgumentException("An article is given by its number, e.g. 51 (the link has article \""
                    + shortened(articleId) + "\").");
        }
        return new AuditLogFilter(who, first, last, what, articleId == null ? null : Long.valueOf(articleId));
    }

    /** The account id of the person filter, or null for none or the system. */
    public Long accountId() {
        return person == null || person.equals(SYSTEM) ? null : Long.valueOf(person);
    }

    /** True when only changes made without an account are wanted. */
    public boolean systemOnly() {
        return SYSTEM.equals(person);
    }

    /** Start of the first day (UTC), or null. */
    public Instant fromInstant() {
        return from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Start of the day after the last day (UTC, exclusive), or null. */
    public Instant toExclusive() {
        return to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The filter as query parameters ({@code person=12&kind=verdict}), empty for none; for paging and export links. */
    public String queryString() {
        List<String> parts = new ArrayList<>();
        add(parts, "person", person);
        add(parts, "from", from == null ? null : from.toString());
        add(parts, "to", to == null ? null : to.toString());
        add(parts, "kind", kind);
        add(parts, "article", article == null ? null : article.toString());
        return String.join("&", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null) {
            parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static LocalDate day(String value, String label) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("not yyyy-MM-dd", text, 0);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + label + "\" must be a day such as 2024-11-22 (the link has "
                    + label.toLowerCase(java.util.Locale.ROOT) + " \"" + shortened(text) + "\").");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A sent value as a message repeats it: at most 40 characters, control characters as spaces. */
    private static String shortened(String value) {
        String shown = value.codePoints().limit(40).map(cp -> Character.isISOControl(cp) ? ' ' : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return shown.length() < value.length() ? shown + "…" : shown;
    }
}
