package org.claimdesk.verdict;

/**
 * What a person typed into the verdict form, kept as typed so a refused proposal loses nothing.
 *
 * @param levelId chosen rating level id as sent (may be blank)
 */
public record VerdictForm(String levelId, String ratingExplanation, String claimReviewed, String correctionNote) {

    /** The form for a claim with nothing chosen yet. */
    public static VerdictForm startingFrom(String claimReviewed) {
        return new VerdictForm("", "", claimReviewed, "");
    }

    /** The chosen level id, or null when missing or not a number. */
    public Long levelIdValue() {
        try {
            return levelId == null || levelId.isBlank() ? null : Long.valueOf(levelId.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
