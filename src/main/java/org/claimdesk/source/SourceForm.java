package org.claimdesk.source;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.claimdesk.web.FormValues;

/**
 * What a person typed into a source form, kept exactly as typed so a refused form can be shown
 * again without losing anything. {@link #check()} turns it into {@link SourceFields}.
 *
 * @param accessedAt {@code yyyy-MM-ddTHH:mm} (what a datetime-local input sends, seconds optional) or
 *        {@code yyyy-MM-dd}, read as UTC; blank means now
 */
public record SourceForm(String url, String description, String title, String publisher, String kind,
        String stance, String excerpt, String note, String accessedAt) {

    static final int MAX_URL = 2000;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_TITLE = 500;
    static final int MAX_PUBLISHER = 300;
    static final int MAX_TEXT = 10_000;

    /** How far in the future an accessed-at may be (clock drift between browser and server). */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

    /** An empty form: no kind or stance chosen, accessed-at left to default to now. */
    public static SourceForm empty() {
        return new SourceForm("", "", "", "", "", "", "", "", "");
    }

    /**
     * Checks every field against the current time.
     *
     * @return the problems by field name (empty when the form is fine), in form order
     */
    public Map<String, String> problems() {
        return problems(Instant.now());
    }

    /**
     * Checks every field.
     *
     * @param now the current time, for accessed-at
     * @return the problems by field name (empty when the form is fine), in form order
     */
    public Map<String, String> problems(Instant now) {
        Map<String, String> problems = new LinkedHashMap<>();
        String link = FormValues.trimmed(url);
        String described = FormValues.trimmed(description);
        if (link == null && described == null) {
            problems.put("url", "Give the source's URL, or describe a source that has none (a phone call, a printed report).");
        } else if (link != null && (link.length() > MAX_URL || !FormValues.isHttpUrl(link))) {
            problems.put("url", "The URL must be a web address starting with http:// or https:// (at most 2000 characters).");
        }
        tooLong(problems, "description", described, MAX_DESCRIPTION, "The description");
        tooLong(problems, "title", FormValues.trimmed(title), MAX_TITLE, "The title");
        tooLong(problems, "publisher", FormValues.trimmed(publisher), MAX_PUBLISHER, "The publisher");
        if (FormValues.trimmed(kind) == null) {
            problems.put("kind", "Choose the kind of source.");
        } else if (kindValue() == null) {
            problems.put("kind", "The kind must be one of " + names(SourceKind.values()) + ".");
        }
        if (FormValues.trimmed(stance) == null) {
            problems.put("stance", "Choose whether the source supports or refutes the claim, or gives context.");
        } else if (stanceValue() == null) {
            problems.put("stance", "The stance must be one of " + names(SourceStance.values()) + ".");
        }
        tooLong(problems, "excerpt", FormValues.trimmed(excerpt), MAX_TEXT, "The excerpt");
        tooLong(problems, "note", FormValues.trimmed(note), MAX_TEXT, "The note");
        try {
            Instant accessed = accessedAtValue(now);
            if (accessed.isAfter(now.plus(CLOCK_SLACK))) {
                problems.put("accessedAt", "The accessed-at time is in the future.");
            }
        } catch (DateTimeParseException e) {
            problems.put("accessedAt", "The accessed-at time must be a date and time such as 2024-11-22T14:05 (UTC).");
        }
        FormValues.addUnstorableProblem(problems, "url", url, "The URL");
        FormValues.addUnstorableProblem(problems, "description", description, "The description");
        FormValues.addUnstorableProblem(problems, "title", title, "The title");
        FormValues.addUnstorableProblem(problems, "publisher", publisher, "The publisher");
        FormValues.addUnstorableProblem(problems, "excerpt", excerpt, "The excerpt");
        FormValues.addUnstorableProblem(problems, "note", note, "The note");
        FormValues.addUnstorableProblem(problems, "accessedAt", accessedAt, "The accessed-at time");
        return problems;
    }


    /**
     * The checked fields, with accessed-at defaulting to now (to the second).
     *
     * @throws IllegalStateException when {@link #problems()} is not empty
     */
    public SourceFields check() {
        Instant now = Instant.now();
        Map<String, String> problems = problems(now);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The source form has problems: " + problems);
        }
        return new SourceFields(FormValues.trimmed(url), FormValues.trimmed(description), FormValues.trimmed(title),
                FormValues.trimmed(publisher), kindValue(), stanceValue(), FormValues.trimmed(excerpt),
                FormValues.trimmed(note), accessedAtValue(now));
    }

    /** The trimmed URL, or null when none was typed. */
    public String trimmedUrl() {
        return FormValues.trimmed(url);
    }

    private SourceKind kindValue() {
        return parse(SourceKind.class, kind);
    }

    private SourceStance stanceValue() {
        return parse(SourceStance.class, stance);
    }

    private Instant accessedAtValue(Instant now) {
        String value = FormValues.trimmed(accessedAt);
        if (value == null) {
            return now.truncatedTo(ChronoUnit.SECONDS);
        }
        if (value.length() == 10) {
            return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        String trimmed = FormValues.trimmed(value);
        if (trimmed == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, trimmed.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static void tooLong(Map<String, String> problems, String field, String value, int max, String label) {
        if (value != null && value.length() > max) {
            problems.put(field, label + " is longer than " + String.format(Locale.ROOT, "%,d", max) + " characters.");
        }
    }
}
