package org.claimdesk.claim;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimdesk.web.FormValues;

/**
 * What a person typed into a claim form, kept exactly as typed so a refused or conflicting form
 * can be shown again without losing anything. {@link #check()} turns it into {@link ClaimFields}
 * or a message per field.
 */
public record ClaimForm(String claimReviewed, String claimantName, String claimantSameAs, String claimantType,
        String claimDate,
        String appearanceUrl, String tags, String priority, String dueDate) {

    /** Longest claimReviewed accepted, in characters. */
    public static final int MAX_CLAIM_REVIEWED = 500;

    /** Google's ClaimReview guidance: claimReviewed should stay under this many characters. */
    public static final int RECOMMENDED_CLAIM_REVIEWED = 75;

    static final int MAX_TAGS = 20;
    static final int MAX_TAG_LENGTH = 50;

    private static final Pattern RATING_WORDS = Pattern.compile(
            "\\b(false|true|mostly|misleading|fake|hoax|correct|incorrect|wrong|accurate|inaccurate|lie|lies|debunked|unverified|unverifiable)\\b",
            Pattern.CASE_INSENSITIVE);

    /** The form as it would be filled from a claim's current values. */
    public static ClaimForm of(Claim claim) {
        return new ClaimForm(claim.claimReviewed, claim.claimantName, claim.claimantSameAs,
                claim.claimantType == null ? "" : claim.claimantType.name(), claim.claimDate == null ? "" : claim.claimDate.toString(), claim.appearanceUrl,
                claim.tags == null ? "" : claim.tags, claim.priority.name(),
                claim.dueDate == null ? "" : claim.dueDate.toString());
    }

    /**
     * A new claim's form, with the claim date and appearance taken from the article.
     *
     * @param quote the selected words, proposed as claimReviewed
     */
    public static ClaimForm proposed(String quote, LocalDate articleDate, String articleUrl) {
        String summary = quote.length() > MAX_CLAIM_REVIEWED ? quote.substring(0, MAX_CLAIM_REVIEWED) : quote;
        return new ClaimForm(summary, "", "", "", articleDate == null ? "" : articleDate.toString(),
                articleUrl == null ? "" : articleUrl, "", Priority.NORMAL.name(), "");
    }

    /**
     * Checks every field.
     *
     * @return the problems by field name (empty when the form is fine), in form order
     */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        String summary = FormValues.trimmed(claimReviewed);
        if (summary == null) {
            problems.put("claimReviewed", "The claim reviewed (short summary) is required.");
        } else if (summary.length() > MAX_CLAIM_REVIEWED) {
            problems.put("claimReviewed", "The claim reviewed is longer than 500 characters; keep it short.");
        }
        String name = FormValues.trimmed(claimantName);
        if (name != null && name.length() > 300) {
            problems.put("claimantName", "The claimant's name is longer than 300 characters.");
        }
        checkUrl(problems, "claimantSameAs", claimantSameAs, "The claimant's identifier (sameAs)");
        try {
            ClaimantType.parse(claimantType);
        } catch (IllegalArgumentException e) {
            problems.put("claimantType", e.getMessage());
        }
        checkDate(problems, "claimDate", claimDate, "The claim date");
        checkUrl(problems, "appearanceUrl", appearanceUrl, "The appearance URL");
        List<String> tagList = tagList();
        if (tagList.size() > MAX_TAGS) {
            problems.put("tags", "Use at most 20 tags.");
        } else if (tagList.stream().anyMatch(tag -> tag.length() > MAX_TAG_LENGTH)) {
            problems.put("tags", "Each tag must be at most 50 characters.");
        }
        if (priorityValue() == null) {
            problems.put("priority", "The priority must be one of LOW, NORMAL, HIGH or URGENT.");
        }
        checkDate(problems, "dueDate", dueDate, "The due date");
        FormValues.addUnstorableProblem(problems, "claimReviewed", claimReviewed, "The claim reviewed");
        FormValues.addUnstorableProblem(problems, "claimantName", claimantName, "The claimant's name");
        FormValues.addUnstorableProblem(problems, "claimantSameAs", claimantSameAs, "The claimant's identifier (sameAs)");
        FormValues.addUnstorableProblem(problems, "claimDate", claimDate, "The claim date");
        FormValues.addUnstorableProblem(problems, "appearanceUrl", appearanceUrl, "The appearance URL");
        FormValues.addUnstorableProblem(problems, "tags", tags, "The tags");
        FormValues.addUnstorableProblem(problems, "dueDate", dueDate, "The due date");
        return problems;
    }

    /**
     * The checked fields.
     *
     * @throws IllegalStateException when {@link #problems()} is not empty
     */
    public ClaimFields check() {
        if (!problems().isEmpty()) {
            throw new IllegalStateException("The claim form has problems: " + problems());
        }
        return new ClaimFields(FormValues.trimmed(claimReviewed), FormValues.trimmed(claimantName),
                FormValues.trimmed(claimantSameAs), ClaimantType.parse(claimantType), FormValues.isoDate(claimDate), FormValues.trimmed(appearanceUrl),
                tagList(), priorityValue(), FormValues.isoDate(dueDate));
    }

    /**
     * Advice on claimReviewed from Google's ClaimReview guidelines (never blocks saving): over 75
     * characters, or rating words such as "false" or "true" in it.
     *
     * @return human-readable warnings; empty when there is nothing to say
     */
    public List<String> warnings() {
        return warningsFor(claimReviewed);
    }

    /** The warnings for one claimReviewed text (see {@link #warnings()}). */
    public static List<String> warningsFor(String claimReviewed) {
        List<String> warnings = new ArrayList<>();
        String summary = FormValues.trimmed(claimReviewed);
        if (summary == null) {
            return warnings;
        }
        if (summary.length() > RECOMMENDED_CLAIM_REVIEWED) {
            warnings.add("The claim reviewed has " + summary.length()
                    + " characters; Google recommends under 75 for ClaimReview.");
        }
        String ratingWord = ratingWordIn(summary);
        if (ratingWord != null) {
            warnings.add("The claim reviewed contains the rating word \"" + ratingWord
                    + "\"; state the claim itself, not the verdict.");
        }
        return warnings;
    }

    /**
     * The first rating word (such as "false", "true", "misleading") in a text, as written there.
     *
     * @return the word, or null when there is none (or the text is null)
     */
    public static String ratingWordIn(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = RATING_WORDS.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    /**
     * One field of two forms side by side, for the conflict page.
     *
     * @param differs true when the two values differ (ignoring surrounding white space)
     */
    public record Comparison(String label, String theirs, String yours, boolean differs) {
    }

    /** Every field of the current version ({@code theirs}) next to the typed one ({@code yours}). */
    public static List<Comparison> compare(ClaimForm theirs, ClaimForm yours) {
        List<Comparison> rows = new ArrayList<>();
        rows.add(row("Claim reviewed", theirs.claimReviewed, yours.claimReviewed));
        rows.add(row("Claimant", theirs.claimantName, yours.claimantName));
        rows.add(row("Claimant identifier (sameAs)", theirs.claimantSameAs, yours.claimantSameAs));
        rows.add(row("Claimant type", typeLabel(theirs.claimantType), typeLabel(yours.claimantType)));
        rows.add(row("Claim date", theirs.claimDate, yours.claimDate));
        rows.add(row("Appearance URL", theirs.appearanceUrl, yours.appearanceUrl));
        rows.add(row("Tags", theirs.tags, yours.tags));
        rows.add(row("Priority", theirs.priority, yours.priority));
        rows.add(row("Due date", theirs.dueDate, yours.dueDate));
        return rows;
    }

    /** "Person", "Organization", or the value as typed when it names neither. */
    private static String typeLabel(String value) {
        try {
            ClaimantType type = ClaimantType.parse(value);
            return type == null ? "" : type.schemaType();
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static Comparison row(String label, String theirs, String yours) {
        String a = theirs == null ? "" : theirs.strip();
        String b = yours == null ? "" : yours.strip();
        return new Comparison(label, a, b, !a.equals(b));
    }

    private List<String> tagList() {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        if (tags != null) {
            for (String tag : tags.split(",")) {
                String trimmed = tag.strip().replaceAll("\\s+", " ");
                if (!trimmed.isEmpty()) {
                    distinct.add(trimmed.toLowerCase(Locale.ROOT));
                }
            }
        }
        return List.copyOf(distinct);
    }

    private Priority priorityValue() {
        String value = FormValues.trimmed(priority);
        if (value == null) {
            return Priority.NORMAL;
        }
        try {
            return Priority.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }


    private static void checkUrl(Map<String, String> problems, String field, String value, String label) {
        String url = FormValues.trimmed(value);
        if (url != null && (url.length() > 2000 || !FormValues.isHttpUrl(url))) {
            problems.put(field, label + " must be a web address starting with http:// or https://.");
        }
    }

    private static void checkDate(Map<String, String> problems, String field, String value, String label) {
        try {
            LocalDate ignored = FormValues.isoDate(value);
        } catch (DateTimeParseException e) {
            problems.put(field, label + " must be a date such as 2024-11-22 (year-month-day).");
        }
    }
}
