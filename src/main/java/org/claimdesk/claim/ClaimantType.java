package org.claimdesk.claim;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What kind of claimant made a claim: the schema.org type of a ClaimReview's
 * {@code itemReviewed.author} (schema.org {@code Person} or {@code Organization}).
 *
 * <p>A reviewer chooses it on the claim form; claims saved before the choice existed, or where the
 * reviewer left it open, get {@link #guessFrom(String) a guess from the claimant's name}.
 */
public enum ClaimantType {
    /** A person, such as a minister speaking for themself (schema.org {@code Person}). */
    PERSON("Person"),
    /** A ministry, party, company, news outlet or any other body (schema.org {@code Organization}). */
    ORGANIZATION("Organization");

    /** Words in a claimant's name that mark an organisation rather than a person. */
    private static final Pattern ORGANISATION_WORDS = Pattern.compile("\\b(ministry|ministries|government|department"
            + "|agency|office|council|committee|commission|party|union|association|institute|university|company"
            + "|corporation|inc|ltd|llc|plc|news|newspaper|times|bbc|un|unifil|nato|police|army|embassy|parliament"
            + "|congress|senate|court|bank|foundation|alliance|kremlin|white house|organisation|organization|group"
            + "|society)\\b", Pattern.CASE_INSENSITIVE);

    private final String schemaType;

    ClaimantType(String schemaType) {
        this.schemaType = schemaType;
    }

    /** The schema.org type name: {@code Person} or {@code Organization}. */
    public String schemaType() {
        return schemaType;
    }

    /**
     * The guess for a claimant whose type was not chosen: {@link #ORGANIZATION} when the name holds
     * a word such as "Ministry", "Party" or "Embassy", else {@link #PERSON}.
     *
     * @param name the claimant's name, or null
     * @return the guess, never null
     */
    public static ClaimantType guessFrom(String name) {
        return name != null && ORGANISATION_WORDS.matcher(name).find() ? ORGANIZATION : PERSON;
    }

    /**
     * The type a form or API value names: the constant ({@code PERSON}) or the schema.org name
     * ({@code Person}), in any letter case.
     *
     * @param value the typed value; null or blank means "not chosen"
     * @return the type, or null when not chosen
     * @throws IllegalArgumentException when the value names neither type
     */
    public static ClaimantType parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String upper = value.strip().toUpperCase(Locale.ROOT);
        for (ClaimantType type : values()) {
            if (type.name().equals(upper)) {
                return type;
            }
        }
        throw new IllegalArgumentException("The claimant type must be Person or Organization, not \"" + value.strip() + "\".");
    }
}
